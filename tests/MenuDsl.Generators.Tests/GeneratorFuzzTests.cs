using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Random and hostile <c>[PricingModel]</c> declarations. For every case the generator must not throw, and either
/// its output compiles without adding errors to the user's source, or the analyzers say why it declined (a MENU
/// warning or error). A generated model the analyzers call an error counts as a failure too: generator and
/// analyzers must agree on which models are complete.
/// </summary>
/// <remarks>
/// Default: <see cref="DefaultCases"/> cases from a fixed seed. Another seed: <c>CsCheck_Seed=…</c>; thorough run:
/// <c>MENUDSL_FUZZ_CASES=10000</c>. Every failing case is listed with the seed and its source.
/// </remarks>
public sealed class GeneratorFuzzTests(ITestOutputHelper output)
{
    private const int DefaultCases = 300;
    private const string DefaultSeed = "MenuDslFuzz1";

    private static readonly string[] Hostile =
    [
        "double.NaN", "double.PositiveInfinity", "double.NegativeInfinity", "-1.0", "0.0", "1e300", "-1e300", "1e-300",
        "double.MaxValue", "double.Epsilon", "4.9e-324", "1", "-0.0",
    ];

    private static readonly string[] WrongTyped = ["\"0.5\"", "true", "'x'", "null", "typeof(int)", "Distribution.Uniform"];

    private static readonly string[] Kinds = Enum.GetNames<Distribution>();

    [Fact]
    public void HostileDeclarationsNeverThrowAndAreNeverSilent()
    {
        string seed = Environment.GetEnvironmentVariable("CsCheck_Seed") ?? DefaultSeed;
        int count = int.TryParse(Environment.GetEnvironmentVariable("MENUDSL_FUZZ_CASES"), out int n) && n > 0 ? n : DefaultCases;
        var random = new Random(StableHash(seed));
        var failures = new List<string>();
        var outcomes = new Dictionary<Outcome, int>();
        for (int i = 0; i < count; i++)
        {
            string source = Case(random);
            string? failure = Check(source, out var outcome);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (failure is not null) failures.Add($"--- case {i}: {failure}\n{source}");
        }

        int generated = outcomes.GetValueOrDefault(Outcome.Generated), rejected = outcomes.GetValueOrDefault(Outcome.Rejected);
        string summary = $"seed {seed} (reproduce with CsCheck_Seed={seed} MENUDSL_FUZZ_CASES={count}): {count} cases, {generated} generated, "
            + $"{rejected} rejected with a MENU diagnostic, {outcomes.GetValueOrDefault(Outcome.NoModel)} where a syntax error left no type carrying the attributes";
        output.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{failures.Count} failing cases, {summary}\n{string.Join("\n", failures)}");
        // Not vacuous: the corpus reaches both sides.
        Assert.True(generated >= count / 10 && rejected >= count / 10, "The corpus is lopsided: " + summary);
    }

    private enum Outcome { Generated, Rejected, NoModel }

    /// <summary>Null when the case passes; <paramref name="outcome"/> says what became of the model.</summary>
    private static string? Check(string source, out Outcome outcome)
    {
        outcome = Outcome.Rejected;
        var compilation = GeneratorHarness.Compilation(source);
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) return "the generator threw: " + result.Exception;
        if (!generatorDiagnostics.IsEmpty) return "generator diagnostics: " + string.Join("; ", generatorDiagnostics);

        var analyzerExceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
            (e, analyzer, _) => analyzerExceptions.Add($"{analyzer.GetType().Name}: {e}"), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var menu = compilation.WithAnalyzers(GeneratorHarness.Analyzers, options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Id.StartsWith("MENU", StringComparison.Ordinal) && d.Severity >= DiagnosticSeverity.Warning).ToArray();
        if (analyzerExceptions.Count > 0) return "an analyzer threw: " + string.Join("; ", analyzerExceptions);

        if (result.GeneratedSources.IsEmpty)
        {
            // A parsed model the planner declines: nobody is served (MENU013) or the kernel failed (MENU015), nothing else.
            bool parsed = result.TrackedSteps.TryGetValue(PricingModelGenerator.Steps.Spec, out var specs) && specs.Any(s => s.Outputs.Length > 0);
            if (parsed && !menu.Any(d => d.Id is "MENU013" or "MENU015"))
                return "the planner declined a parsed model, and the analyzers report neither MENU013 nor MENU015: " + string.Join("; ", menu.Select(d => d.ToString()));
            if (menu.Length > 0) return null;
            // Error recovery can detach the attributes from the type: then no type is a model, and the syntax error speaks.
            if (!HasModelType(compilation) && compilation.GetParseDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                outcome = Outcome.NoModel;
                return null;
            }
            return "silent: nothing generated and no MENU diagnostic";
        }
        outcome = Outcome.Generated;

        var before = Errors(compilation);
        var added = Errors(output).Where(e => !before.Contains(e)).ToArray();
        if (added.Length > 0) return "the generated source adds errors: " + string.Join("; ", added);
        var menuErrors = menu.Where(d => d.Severity == DiagnosticSeverity.Error && d.DefaultSeverity == DiagnosticSeverity.Error).ToArray();
        return menuErrors.Length > 0 ? "generated although the analyzers report " + string.Join("; ", menuErrors) : null;
    }

    private static bool HasModelType(Compilation compilation) =>
        compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Any(t => t.GetAttributes().Any(a => a.AttributeClass?.ContainingNamespace?.ToDisplayString() == "MenuDsl"));

    private static HashSet<string> Errors(Compilation compilation) =>
        [.. compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())];

    // ---- the corpus -------------------------------------------------------------------------------------------

    private static string Case(Random r)
    {
        // Mostly sane models with some hostile slots, so that both generated and rejected cases are common.
        double hostility = r.NextDouble() < 0.6 ? 0 : r.NextDouble() * 0.3;
        var attributes = new List<string>();
        if (r.NextDouble() < 0.97) attributes.Add("PricingModel");
        if (r.NextDouble() < 0.02) attributes.Add("PricingModel");

        bool custom = r.NextDouble() < 0.05;
        if (!custom && r.NextDouble() < 0.95) attributes.Add(CobbDouglas(r, hostility));
        if (r.NextDouble() < 0.03) attributes.Add(CobbDouglas(r, hostility));
        if (r.NextDouble() < 0.95) attributes.Add($"TokenCosts({Arguments(r, hostility, 3, () => Number(r, 0.01, 10))})");
        if (r.NextDouble() < 0.03) attributes.Add("TokenCosts(1.0, 1.0, 1.0)");

        // The binary environment: mostly two profiles instead of distributions, sometimes with them (MENU021).
        bool binary = r.NextDouble() < 0.1;
        int values = binary && r.NextDouble() < 0.8 ? 0 : r.NextDouble() < 0.03 ? 0 : r.NextDouble() < 0.7 ? 1 : r.Next(2, 9);
        for (int i = 0; i < values; i++) attributes.Add(Distribution(r, hostility, "ValueDistribution", scale: false, weighted: values > 1));
        int scales = binary && r.NextDouble() < 0.8 ? 0 : r.NextDouble() < 0.4 ? 0 : r.NextDouble() < 0.8 ? 1 : r.Next(2, 5);
        for (int i = 0; i < scales; i++) attributes.Add(Distribution(r, hostility, "ScaleDistribution", scale: true, weighted: scales > 1));
        if (binary)
        {
            double p = Math.Round(0.1 + 0.8 * r.NextDouble(), 2);
            string q = r.NextDouble() < 0.8 ? Literal(Math.Round(1 - p, 2)) : Number(r, 0.1, 0.9);
            attributes.Add($"TypeProfile({Slot(r, hostility, () => Literal(p))}, Value = {Slot(r, hostility, () => Number(r, 0, 3))}"
                + (r.NextDouble() < 0.3 ? $", Scale = {Slot(r, hostility, () => Number(r, 0.1, 1))})" : ")"));
            attributes.Add($"TypeProfile({q}, TaskValues = new[] {{ {Slot(r, hostility, () => Number(r, 0, 3))}, {Number(r, 0, 3)} }})");
            if (r.NextDouble() < 0.05) attributes.Add($"TypeProfile({Number(r, 0.1, 0.9)}, Value = 1.0)");
        }
        Shuffle(r, attributes);

        // One attribute list or one per line; written either way the compiler binds the same attributes.
        string attributeText = r.NextDouble() < 0.5
            ? "[" + string.Join(", ", attributes) + "]"
            : string.Concat(attributes.Select(a => "[" + a + "]\n"));
        string body = custom ? " { [ProductionFunction] public static double F(double x, double y, double z) => System.Math.Sqrt(x * y) + z; }" : "";
        string source = "using MenuDsl;\n" + Namespace(r) + Declaration(r, attributeText, body);
        return r.NextDouble() < 0.03 ? Break(r, source) : source;
    }

    private static string CobbDouglas(Random r, double hostility)
    {
        // Exponents that sum below 1 most of the time.
        string text = $"CobbDouglas({Arguments(r, hostility, 3, () => Number(r, 0.02, 0.33))}";
        if (r.NextDouble() < 0.5) text += $", BaseQuality = {Slot(r, hostility, () => Number(r, 0.1, 5))}";
        return text + ")";
    }

    private static string Distribution(Random r, double hostility, string attribute, bool scale, bool weighted)
    {
        string kind = r.NextDouble() < 0.03 ? $"(Distribution){r.Next(-2, 12)}" : "Distribution." + Kinds[r.Next(Kinds.Length)];
        string[] parameters = kind switch
        {
            "Distribution.Uniform" => Interval(r, scale),
            "Distribution.Exponential" => [Number(r, 0.1, 5)],
            "Distribution.Power" => [Number(r, 0.2, 4), .. Interval(r, scale)],
            "Distribution.Pareto" => [Number(r, 0.1, 3), Number(r, 0.3, 5)],
            "Distribution.Beta" => [Number(r, 0.3, 5), Number(r, 0.3, 5), .. Interval(r, scale)],
            "Distribution.LogNormal" => [Number(r, -2, 2), Number(r, 0.1, 3)],
            "Distribution.TruncatedNormal" => [Number(r, -3, 3), Number(r, 0.1, 2), .. Interval(r, scale, farTail: !scale && r.NextDouble() < 0.1)],
            _ => [Number(r, 0, 1), Number(r, 1, 2)],
        };
        var list = parameters.Select(p => Slot(r, hostility, () => p)).ToList();
        if (r.NextDouble() < hostility) list.RemoveAt(r.Next(list.Count));
        if (r.NextDouble() < hostility) list.Add(Number(r, 0, 2));
        string args = r.NextDouble() < 0.2 ? $"new[] {{ {string.Join(", ", list)} }}" : string.Join(", ", list);
        string text = $"{attribute}({kind}{(list.Count > 0 ? ", " + args : "")}";
        if (weighted || r.NextDouble() < 0.1) text += $", Weight = {Slot(r, hostility, () => Number(r, 0.05, 3))}";
        return text + ")";
    }

    private static string[] Interval(Random r, bool scale, bool farTail = false)
    {
        if (scale)
        {
            double lo = r.NextDouble() < 0.3 ? 0 : r.NextDouble() * 0.8;
            return [Literal(lo), Literal(r.NextDouble() < 0.5 ? 1 : lo + (1 - lo) * (0.1 + 0.9 * r.NextDouble()))];
        }
        double low = farTail ? 30 + 20 * r.NextDouble() : r.NextDouble() < 0.3 ? 0 : 2 * r.NextDouble();
        return [Literal(low), Literal(low + 0.1 + 3 * r.NextDouble())];
    }

    /// <summary>A comma-separated argument list of <paramref name="count"/> slots, sometimes one too few or too many.</summary>
    private static string Arguments(Random r, double hostility, int count, Func<string> sane)
    {
        var slots = Enumerable.Range(0, count).Select(_ => Slot(r, hostility, sane)).ToList();
        if (r.NextDouble() < hostility / 2) slots.RemoveAt(r.Next(slots.Count));
        else if (r.NextDouble() < hostility / 2) slots.Add(sane());
        return string.Join(", ", slots);
    }

    private static string Slot(Random r, double hostility, Func<string> sane)
    {
        if (r.NextDouble() >= hostility) return sane();
        return r.NextDouble() < 0.85 ? Hostile[r.Next(Hostile.Length)] : WrongTyped[r.Next(WrongTyped.Length)];
    }

    private static string Number(Random r, double lo, double hi) => Literal(lo + (hi - lo) * r.NextDouble());

    private static string Literal(double x) => x.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0";

    private static string Namespace(Random r) => r.Next(4) switch
    {
        0 => "",
        1 => "namespace Fuzz;\n",
        2 => "namespace Fuzz.Deep.@event;\n",
        _ => "namespace Fuzz { }\nnamespace Other;\n",
    };

    private static string Declaration(Random r, string attributes, string body)
    {
        string members = body.Length > 0 ? body : ";";
        string Plain(string modifiers, string name = "Model") => $"{attributes}\npublic {modifiers} {name}{members}\n";
        return r.Next(30) switch
        {
            0 => Plain("class"),
            1 => Plain("partial record"),
            2 => Plain("partial record struct"),
            3 => Plain("partial struct"),
            4 => Plain("static partial class"),
            5 => Plain("abstract partial class"),
            6 => Plain("partial class", "Model<T>"),
            7 => $"public partial class Outer<T>\n{{\n{Plain("partial class")}}}\n",
            8 => $"public class Outer\n{{\n{Plain("partial class")}}}\n",
            9 => $"public partial class Outer\n{{\n{Plain("partial class")}}}\n",
            10 => $"public partial record Outer\n{{\n{Plain("sealed partial class")}}}\n",
            11 => $"{attributes}\npublic partial class Model {{ private Model() {{ }} }}\n",
            12 => $"{attributes}\npublic partial class Model {{ public Model(int seats) {{ }} }}\n",
            13 => $"{attributes}\npublic partial class Model {{ public static int MenuDslSolver; }}\n",
            14 => $"{attributes}\npublic partial class Model {{ public static int Values => 1; public string Quality {{ get; }} = \"gold\"; }}\n",
            15 => Plain("partial class", "@class"),
            16 => $"{attributes}\ninternal sealed partial class Model{members}\n",
            _ => Plain("partial class"),
        };
    }

    /// <summary>
    /// A syntax error inside the attributes: a lost character, a stray comma, or an unbalanced bracket. The type
    /// declaration itself stays, so there is a model to be silent about.
    /// </summary>
    private static string Break(Random r, string source)
    {
        int start = source.IndexOf('['), end = source.LastIndexOf(']');
        if (start < 0 || end <= start) return source;
        int at = r.Next(start, end);
        return r.Next(3) switch
        {
            0 => source.Remove(at, 1),
            1 => source.Insert(at, " , "),
            _ => source.Insert(at, r.NextDouble() < 0.5 ? "(" : "]"),
        };
    }

    private static void Shuffle(Random r, List<string> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = r.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    // The seed string to a Random seed, stable across processes (string.GetHashCode is randomised).
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = unchecked((hash ^ c) * 16777619);
        return unchecked((int)hash);
    }
}
