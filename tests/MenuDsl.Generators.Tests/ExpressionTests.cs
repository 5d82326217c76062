using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using MenuDsl.Shared.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// The production-function engine: the reader on real C# (through the semantic model), symbolic derivatives against
/// central differences, and the printer's C# compiled and run against <see cref="Expr.Evaluate"/> to the bit.
/// </summary>
public class ExpressionTests
{
    /// <summary>Bodies defined and smooth on (0.1, 5)³; <c>K</c> is a const of the class they are declared in.</summary>
    private static readonly string[] Corpus =
    [
        "Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1)",
        "Math.Pow(0.4 * Math.Pow(x, -0.5) + 0.6 * Math.Pow(y, -0.5), -0.6 / -0.5) * Math.Pow(1 + z, 0.1)",
        "Math.Exp(0.3 * Math.Log(x) + 0.2 * Math.Log(y) + 0.1 * Math.Log(1 + z))",
        "x * y * z",
        "Math.Pow(x, y) * z",
        "Math.Pow(x + y, z / 2)",
        "Math.Sqrt(x * y + z)",
        "x / (y + z)",
        "(x - y) / (1 + x * x + z)",
        "Math.Log(1 + x) * Math.Log(2 + y) - z / 3",
        "Math.Exp(-x / 2) * y + Math.Sqrt(z)",
        "-Math.Pow(x, 2) + 3 * x * y - Math.Pow(z, 3) / 7",
        "K * x + Math.PI * y - (z - (x - y))",
        "Math.Pow(2, x) * Math.Pow(y, 1.5) + z",
        "1 / (x * y * z)",
        "Math.Pow(Math.Sqrt(x) + Math.Sqrt(y), 2) * Math.Exp(-z)",
        "Math.Pow(x, Math.Sqrt(y)) / Math.Log(1 + z)",
        "+x - -y * 2.5f + (double)z",
        "System.Math.Pow(y: 0.5, x: x * y) + z",
        "Math.Pow(x * y, 1 / 3) + z / (1.0 / 3)",
        "x / y / z - x / (y / z)",
    ];

    private const int Points = 20;

    // ---- reading C# ----

    private static string Class(string members, string usings = "using System;") => $$"""
        {{usings}}
        namespace Expressions;
        public class Corpus
        {
            public const double K = 0.3;
        {{members}}
        }
        """;

    private static ReadResult ReadMethod(string members, string usings = "using System;", string name = "V")
    {
        var compilation = GeneratorHarness.Compilation(Class(members, usings));
        var tree = compilation.SyntaxTrees.Single();
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.Text == name);
        return ExpressionReader.Read(method, compilation.GetSemanticModel(tree), default);
    }

    private static Expr Read(string body, string usings = "using System;")
    {
        var result = ReadMethod($"public static double V(double x, double y, double z) => {body};", usings);
        Assert.True(result.IsReadable, $"{body}: {result.Reason} at '{result.Offending}'");
        return result.Expression!;
    }

    private static Expr[] ReadCorpus() => [.. Corpus.Select(body => Read(body))];

    private static (double X, double Y, double Z)[] RandomPoints()
    {
        var random = new Random(20261130);
        double Next() => 0.1 + 4.9 * random.NextDouble();
        return [.. Enumerable.Range(0, Points).Select(_ => (Next(), Next(), Next()))];
    }

    // ---- derivatives against central differences ----

    [Fact]
    public void GradientAgreesWithCentralDifferencesOfTheValue()
    {
        foreach (var (f, body) in ReadCorpus().Zip(Corpus))
        {
            var gradient = Differentiation.Gradient(f);
            foreach (var p in RandomPoints())
                for (int i = 0; i < 3; i++)
                    AssertClose(gradient[i].Evaluate(p.X, p.Y, p.Z), CentralDifference(f, p, i), $"∂{i} of {body} at {p}");
        }
    }

    [Fact]
    public void HessianAgreesWithCentralDifferencesOfTheGradient()
    {
        foreach (var (f, body) in ReadCorpus().Zip(Corpus))
        {
            var gradient = Differentiation.Gradient(f);
            var hessian = Differentiation.Hessian(f);
            foreach (var p in RandomPoints())
                for (int i = 0; i < 3; i++)
                    for (int j = 0; j < 3; j++)
                        AssertClose(hessian[i, j].Evaluate(p.X, p.Y, p.Z), CentralDifference(gradient[i], p, j), $"∂{i}∂{j} of {body} at {p}");
        }
    }

    // (f(p + h e_i) − f(p − h e_i)) / 2h, with the error bound it is checked against.
    private static (double Value, double Tolerance) CentralDifference(Expr f, (double X, double Y, double Z) p, int i)
    {
        double[] at = [p.X, p.Y, p.Z];
        double h = 1e-5 * Math.Max(1, Math.Abs(at[i]));
        double Shifted(double by)
        {
            double[] q = (double[])at.Clone();
            q[i] += by;
            return f.Evaluate(q[0], q[1], q[2]);
        }
        double up = Shifted(h), down = Shifted(-h);
        double value = (up - down) / (2 * h);
        // Rounding in f is about 1e-16 |f| per evaluation, divided by 2h: the absolute floor.
        return (value, 1e-6 * Math.Abs(value) + 1e-9 * (1 + Math.Max(Math.Abs(up), Math.Abs(down))));
    }

    private static void AssertClose(double symbolic, (double Value, double Tolerance) numeric, string what) =>
        Assert.True(Math.Abs(symbolic - numeric.Value) <= numeric.Tolerance,
            $"{what}: symbolic {symbolic:R}, numeric {numeric.Value:R} (tolerance {numeric.Tolerance:E2})");

    // ---- the printer ----

    [Fact]
    public void PrintedCodeComputesEvaluateToTheBitAndReadsBackAsTheSameTree()
    {
        var values = ReadCorpus();
        var trees = values.SelectMany(f =>
        {
            var g = Differentiation.Gradient(f);
            var h = Differentiation.Hessian(f);
            return new[] { f, g.X, g.Y, g.Z, h.XX, h.XY, h.XZ, h.YY, h.YZ, h.ZZ };
        }).ToArray();
        var printed = new StringBuilder("public static class Printed\n{\n");
        for (int k = 0; k < trees.Length; k++)
            printed.Append($"    public static double E{k}(double a, double b, double c) => {ExpressionPrinter.Print(trees[k], "a", "b", "c")};\n");
        printed.Append('}');

        var compilation = GeneratorHarness.Compilation(printed.ToString());
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var type = Assembly.Load(stream.ToArray()).GetType("Printed", throwOnError: true)!;

        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var methods = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.Text);
        for (int k = 0; k < trees.Length; k++)
        {
            string text = methods["E" + k].ExpressionBody!.Expression.ToString();
            var reread = ExpressionReader.Read(methods["E" + k], model, default);
            Assert.True(reread.IsReadable, $"{text}: {reread.Reason}");
            Assert.Equal(trees[k], reread.Expression);

            var method = type.GetMethod("E" + k)!;
            foreach (var p in RandomPoints())
            {
                double compiled = (double)method.Invoke(null, [p.X, p.Y, p.Z])!;
                Assert.True(BitConverter.DoubleToInt64Bits(compiled) == BitConverter.DoubleToInt64Bits(trees[k].Evaluate(p.X, p.Y, p.Z)),
                    $"{text} at {p}: compiled {compiled:R}, evaluated {trees[k].Evaluate(p.X, p.Y, p.Z):R}");
            }
        }
    }

    [Fact]
    public void EvaluateComputesTheUserMethodToTheBit()
    {
        var members = string.Concat(Corpus.Select((body, k) => $"    public static double F{k}(double x, double y, double z) => {body};\n"));
        var compilation = GeneratorHarness.Compilation(Class(members));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        var type = Assembly.Load(stream.ToArray()).GetType("Expressions.Corpus", throwOnError: true)!;
        var values = ReadCorpus();
        for (int k = 0; k < Corpus.Length; k++)
            foreach (var p in RandomPoints())
                Assert.Equal(BitConverter.DoubleToInt64Bits((double)type.GetMethod("F" + k)!.Invoke(null, [p.X, p.Y, p.Z])!),
                    BitConverter.DoubleToInt64Bits(values[k].Evaluate(p.X, p.Y, p.Z)));
    }

    [Theory]
    [InlineData("x - (y - z)")]
    [InlineData("x / (y * z)")]
    [InlineData("x / (y / z)")]
    [InlineData("-(-x)")]
    [InlineData("-(x * y)")]
    [InlineData("x * -y")]
    [InlineData("-1.5 * x - -2 / y")]
    [InlineData("(x + y) * (y - z) / (z * x)")]
    public void PrintedParenthesesKeepTheTree(string body)
    {
        var e = Read(body);
        string printed = ExpressionPrinter.Print(e, "x", "y", "z");
        Assert.Equal(e, Read(printed));
    }

    [Fact]
    public void NegativeZeroPrintsWithItsSign()
    {
        var e = new Subtract(new Variable(0), new Constant(-0.0));
        Assert.Equal("x - (-0.0)", ExpressionPrinter.Print(e, "x", "y", "z"));
        Assert.Equal("-(-x)", ExpressionPrinter.Print(new Negate(new Negate(new Variable(0))), "x", "y", "z"));
    }

    // ---- the reader ----

    [Theory]
    [InlineData("Math.Max(x, y) + z", "Math.Max(x, y)", "the call 'Math.Max' is not supported")]
    [InlineData("x > y ? x : y", "x > y ? x : y", "the conditional")]
    [InlineData("x % 2 + y", "x % 2", "the operator '%'")]
    [InlineData("Field * x", "Field", "'Field' is neither a parameter nor a constant")]
    [InlineData("Helper(x) * y", "Helper(x)", "the call 'Helper' is not supported")]
    [InlineData("x + \"a\"", "\"a\"", "is not a number")]
    [InlineData("x * 'a'", "'a'", "is not a number")]
    [InlineData("(float)x * y", "(float)x", "the cast to 'float'")]
    [InlineData("MathF.Pow((float)x, 0.3f) * y", "MathF.Pow((float)x, 0.3f)", "the call 'MathF.Pow'")]
    [InlineData("Math.Log(x, 2)", "Math.Log(x, 2)", "the call 'Math.Log'")]
    [InlineData("Math.Pow(x, Math.Abs(y))", "Math.Abs(y)", "the call 'Math.Abs'")]
    [InlineData("x * \"ab\".Length", "\"ab\".Length", "the member")]
    [InlineData("checked(x + y)", "checked(x + y)", "is not supported")]
    [InlineData("Unknown(x)", "Unknown(x)", "the call 'Unknown'")]
    public void UnsupportedConstructsAreReportedAtTheSmallestNode(string body, string offending, string reason)
    {
        string members = $"""
                public static readonly double Field = 0.3;
                public static double Helper(double a) => a;
                public static double V(double x, double y, double z) => {body};
            """;
        var result = ReadMethod(members);
        Assert.False(result.IsReadable);
        Assert.Equal(offending, result.Offending.ToString());
        Assert.Contains(reason, result.Reason);
        Assert.Equal(offending, result.Location.SourceTree!.GetText().ToString(result.Location.SourceSpan));
    }

    [Theory]
    [InlineData("public double V(double x, double y, double z) => x;", "V", "must be static")]
    [InlineData("public static float V(double x, double y, double z) => 1f;", "float", "must return double")]
    [InlineData("public static double V(double x, double y) => x;", "(double x, double y)", "exactly three parameters")]
    [InlineData("public static double V(double x, double y, double z, double w) => x;", "(double x, double y, double z, double w)", "exactly three parameters")]
    [InlineData("public static double V(double x, double y, float z) => x;", "float z", "plain double")]
    [InlineData("public static double V(double x, double y, ref double z) => x;", "ref double z", "plain double")]
    [InlineData("public static double V(double x, double y, double z) { return x; }", "V", "expression-bodied")]
    public void EachShapeFailureHasItsReason(string method, string offending, string reason)
    {
        var result = ReadMethod(method);
        Assert.False(result.IsReadable);
        Assert.Equal(offending, result.Offending.ToString());
        Assert.Contains(reason, result.Reason);
    }

    [Fact]
    public void TooDeepANestingIsUnreadableNotACrash()
    {
        string body = string.Concat(Enumerable.Repeat("Math.Sqrt(", 250)) + "x" + new string(')', 250);
        var result = ReadMethod($"public static double V(double x, double y, double z) => {body};");
        Assert.False(result.IsReadable);
        Assert.Contains("too deeply nested", result.Reason);
    }

    [Fact]
    public void HalfTypedBodiesNeverThrow()
    {
        // Every prefix of a body, as typed in the editor: syntax errors, missing operands, unbalanced parentheses.
        string body = Corpus[1];
        for (int length = 0; length < body.Length; length++)
        {
            var result = ReadMethod($"public static double V(double x, double y, double z) => {body[..length]};");
            Assert.True(result.IsReadable || result.Reason.Length > 0, body[..length]);
        }
    }

    [Fact]
    public void ConstantsFoldAndMathResolvesHoweverItIsNamed()
    {
        var expected = new Multiply(new Power(new Variable(0), new Constant(0.3)), new Sqrt(new Variable(1)));
        Assert.Equal(expected, Read("Math.Pow(x, K) * Math.Sqrt(y)"));
        Assert.Equal(expected, Read("System.Math.Pow(x, Corpus.K) * global::System.Math.Sqrt(y)"));
        Assert.Equal(expected, Read("Pow(x, K) * Sqrt(y)", "using static System.Math;"));
        Assert.Equal(expected, Read("Math.Pow(x, 3 / 10.0) * Math.Sqrt(y)"));
        // The compiler's own arithmetic: 1 / 3 is the int 0, 0.1f the float nearest 0.1.
        Assert.Equal(new Multiply(new Variable(0), new Constant(0)), Read("x * (1 / 3)"));
        Assert.Equal(new Multiply(new Variable(0), new Constant((double)0.1f)), Read("x * 0.1f"));
        Assert.Equal(new Negate(new Variable(2)), Read("-(+z)"));
    }

    [Fact]
    public void ParametersResolveByPositionNotByName()
    {
        var result = ReadMethod("public static double V(double z, double x, double y) => z + x * y;");
        Assert.True(result.IsReadable);
        Assert.Equal(new Add(new Variable(0), new Multiply(new Variable(1), new Variable(2))), result.Expression);
    }

    // ---- equality and simplification ----

    [Fact]
    public void ReadingTwiceGivesEqualTreesAndAnotherLiteralDoesNot()
    {
        var first = Read(Corpus[1]);
        var second = Read(Corpus[1]);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Read(Corpus[1].Replace("0.4 *", "0.41 *")));
        Assert.NotEqual<Expr>(new Constant(0.0), new Constant(-0.0));
        Assert.NotEqual<Expr>(new Exp(new Variable(0)), new Log(new Variable(0)));
    }

    [Fact]
    public void DerivativesSimplifyToConstants()
    {
        Assert.Equal(new Constant(0), Differentiation.Derivative(Read("Math.Pow(x, 0.3) * Math.Pow(y, 0.2)"), 2));
        Assert.Equal(new Constant(3), Differentiation.Derivative(Read("3 * x"), 0));
        Assert.Equal(new Constant(0), Differentiation.Hessian(Read("x * y + z")).ZZ);
        Assert.Equal(new Constant(1), Differentiation.Hessian(Read("x * y + z")).XY);
    }

    [Fact]
    public void ToStringIsMathNotation()
    {
        Assert.Equal("x^0.3 * y^0.2 * (1 + z)^0.1", Read(Corpus[0]).ToString());
        Assert.Equal("x - (y - z) / -2", Read("x - (y - z) / -2").ToString());
        Assert.Equal("exp(-x) + sqrt(log(y))", Read("Math.Exp(-x) + Math.Sqrt(Math.Log(y))").ToString());
    }
}
