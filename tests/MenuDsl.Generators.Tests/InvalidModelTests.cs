using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Models the generator cannot complete: it must emit nothing, never throw, and the analyzers must say why (the id per
/// case). Each case is one edit of a valid model, which is checked to generate, so an empty output is not vacuous.
/// </summary>
public sealed class InvalidModelTests
{
    private const string Valid = """
        using MenuDsl;

        namespace Shop.Pricing;

        /*MODIFIERS*/[PricingModel]
        /*TECHNOLOGY*/[CobbDouglas(0.30, 0.20, 0.10, BaseQuality = 1.0)]
        /*COSTS*/[TokenCosts(1.0, 2.0, 5.0)]
        /*VALUES*/[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        /*SCALES*/[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        /*EXTRA*/
        public partial class /*NAME*/ChatApi;
        """;

    /// <summary>The template as a binary model: the profiles in place of the distributions.</summary>
    private static string Binary(string profiles) => With("VALUES", profiles).Replace("/*SCALES*/[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]", "");

    private const string Profiles = "[TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })][TypeProfile(0.5, Value = 1.0)]";

    private static string With(string marker, string replacement)
    {
        int start = Valid.IndexOf("/*" + marker + "*/", System.StringComparison.Ordinal);
        Assert.True(start >= 0, marker);
        int end = Valid.IndexOf('\n', start);
        return Valid[..start] + replacement + Valid[end..];
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "not partial", "MENU001", Valid.Replace("public partial class /*NAME*/ChatApi;", "public class ChatApi { }") },
        { "not partial (nested in a non-partial class)", "MENU001", Valid.Replace("public partial class /*NAME*/ChatApi;", "public class Outer { [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)] public partial class Inner; }") },
        { "missing TokenCosts", "MENU004", With("COSTS", "") },
        { "missing CobbDouglas", "MENU002", With("TECHNOLOGY", "") },
        { "missing ValueDistribution", "MENU005", With("VALUES", "") },
        { "alpha + beta + gamma = 1", "MENU003", With("TECHNOLOGY", "[CobbDouglas(0.5, 0.3, 0.2)]") },
        { "alpha + beta + gamma > 1", "MENU003", With("TECHNOLOGY", "[CobbDouglas(0.6, 0.3, 0.2)]") },
        { "alpha + beta + gamma within 1e-7 of 1: A^(1/ε) underflows", "MENU015", With("TECHNOLOGY", "[CobbDouglas(0.3, 0.2, 0.4999999)]") },
        { "zero exponent", "MENU003", With("TECHNOLOGY", "[CobbDouglas(0.3, 0.0, 0.1)]") },
        { "negative base quality", "MENU003", With("TECHNOLOGY", "[CobbDouglas(0.3, 0.2, 0.1, BaseQuality = -1.0)]") },
        { "negative cost", "MENU004", With("COSTS", "[TokenCosts(1.0, -2.0, 5.0)]") },
        { "zero cost", "MENU004", With("COSTS", "[TokenCosts(0.0, 2.0, 5.0)]") },
        { "infinite cost", "MENU004", With("COSTS", "[TokenCosts(1.0, 2.0, double.PositiveInfinity)]") },
        { "NaN cost", "MENU004", With("COSTS", "[TokenCosts(double.NaN, 2.0, 5.0)]") },
        { "Uniform with lo = hi", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Uniform, 1.0, 1.0)]") },
        { "Uniform with lo > hi", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Uniform, 2.0, 1.0)]") },
        { "wrong parameter count (too few)", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Uniform, 0.0)]") },
        { "wrong parameter count (too many)", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Exponential, 1.0, 2.0)]") },
        { "no parameters", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Uniform)]") },
        { "exponential rate 0", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Exponential, 0.0)]") },
        { "undefined distribution kind", "MENU005", With("VALUES", "[ValueDistribution((Distribution)42, 0.0, 1.0)]") },
        { "scale distribution above 1", "MENU005", With("SCALES", "[ScaleDistribution(Distribution.Uniform, 0.5, 1.5)]") },
        { "scale distribution below 0", "MENU005", With("SCALES", "[ScaleDistribution(Distribution.Uniform, -0.5, 1.0)]") },
        { "unbounded scale distribution", "MENU005", With("SCALES", "[ScaleDistribution(Distribution.Exponential, 1.0)]") },
        { "mixture weight 0", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.0)][ValueDistribution(Distribution.Uniform, 0.5, 2.0, Weight = 1.0)]") },
        { "negative mixture weight", "MENU005", With("VALUES", "[ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = -0.5)][ValueDistribution(Distribution.Uniform, 0.5, 2.0)]") },
        { "scale mixture weight 0", "MENU005", With("SCALES", "[ScaleDistribution(Distribution.Uniform, 0.2, 1.0, Weight = 0.0)][ScaleDistribution(Distribution.Uniform, 0.5, 1.0)]") },
        { "two CobbDouglas attributes", "MENU002", With("EXTRA", "[CobbDouglas(0.25, 0.25, 0.25)]") },
        { "two TokenCosts attributes", "MENU004", With("EXTRA", "[TokenCosts(1.0, 1.0, 1.0)]") },
        { "TypeProfiles beside the distributions", "MENU021", With("EXTRA", Profiles) },
        { "TypeProfiles beside a scale distribution", "MENU021", With("VALUES", Profiles) },
        { "one TypeProfile", "MENU021", Binary("[TypeProfile(0.5, Value = 1.0)]") },
        { "three TypeProfiles", "MENU021", Binary(Profiles + "[TypeProfile(0.5, Value = 3.0)]") },
        { "probabilities summing to 0.9", "MENU021", Binary("[TypeProfile(0.5, Value = 2.0)][TypeProfile(0.4, Value = 1.0)]") },
        { "probability 1", "MENU021", Binary("[TypeProfile(1.0, Value = 2.0)][TypeProfile(0.0, Value = 1.0)]") },
        { "negative task value", "MENU021", Binary("[TypeProfile(0.5, TaskValues = new[] { 2.0, -0.6 })][TypeProfile(0.5, Value = 1.0)]") },
        { "scale above 1", "MENU021", Binary("[TypeProfile(0.5, Value = 2.0, Scale = 1.5)][TypeProfile(0.5, Value = 1.0)]") },
        { "both Value and TaskValues", "MENU021", Binary("[TypeProfile(0.5, Value = 2.0, TaskValues = new[] { 1.0 })][TypeProfile(0.5, Value = 1.0)]") },
        { "neither Value nor TaskValues", "MENU021", Binary("[TypeProfile(0.5)][TypeProfile(0.5, Value = 1.0)]") },
        { "binary model whose custom v has increasing returns", "MENU015", Binary(Profiles).Replace("/*TECHNOLOGY*/[CobbDouglas(0.30, 0.20, 0.10, BaseQuality = 1.0)]", "")
            .Replace("public partial class /*NAME*/ChatApi;", "public partial class ChatApi { [ProductionFunction] static double F(double x, double y, double z) => x * y * (1 + z); }") },
        { "CobbDouglasAndProductionFunction", "MENU002", Valid.Replace("public partial class /*NAME*/ChatApi;", "public partial class ChatApi { [ProductionFunction] static double F(double x, double y, double z) => x * y * z; }") },
        { "Pareto values with shape 0.5 (nobody served)", "MENU013", With("VALUES", "[ValueDistribution(Distribution.Pareto, 1.0, 0.5)]") },
        { "Pareto values with shape 0.5, no scales", "MENU013", With("SCALES", "").Replace("Uniform, 0.0, 1.0", "Pareto, 1.0, 0.5") },
        { "generic class", "MENU014", Valid.Replace("/*NAME*/ChatApi;", "ChatApi<T>;") },
        { "nested in a generic class", "MENU014", Valid.Replace("public partial class /*NAME*/ChatApi;", "public partial class Outer<T> { [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)] public partial class Inner; }") },
        { "static class", "MENU014", Valid.Replace("public partial class /*NAME*/ChatApi;", "public static partial class ChatApi { }") },
        { "abstract class", "MENU014", Valid.Replace("public partial class /*NAME*/ChatApi;", "public abstract partial class ChatApi { }") },
        { "no accessible parameterless constructor", "MENU014", Valid.Replace("public partial class /*NAME*/ChatApi;", "public partial class ChatApi { private ChatApi() { } }") },
        { "only a constructor with parameters", "MENU014", Valid.Replace("public partial class /*NAME*/ChatApi;", "public partial class ChatApi { public ChatApi(int seats) { } }") },
        { "record", "MENU014", Valid.Replace("public partial class /*NAME*/ChatApi;", "public partial record ChatApi;") },
        { "no [PricingModel]", "MENU014", With("MODIFIERS", "") },
        { "CobbDouglas with four arguments (CS1729)", "MENU014", With("TECHNOLOGY", "[CobbDouglas(0.3, 0.2, 0.1, 0.5)]") },
        { "TokenCosts with a string (CS1503)", "MENU014", With("COSTS", "[TokenCosts(1.0, \"2.0\", 5.0)]") },
        { "member named MenuDslSolver", "MENU014", Valid.Replace("public partial class /*NAME*/ChatApi;", "public partial class ChatApi { private sealed class MenuDslSolver; }") },
    };

    [Fact]
    public void TheTemplateIsValid()
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run(Valid);
        Assert.Empty(diagnostics);
        Assert.Single(sources);
        GeneratorHarness.CompileAndLoad(Valid);
    }

    [Fact]
    public void TheBinaryTemplateIsValid()
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run(Binary(Profiles));
        Assert.Empty(diagnostics);
        Assert.Single(sources);
        GeneratorHarness.CompileAndLoad(Binary(Profiles));
        Assert.DoesNotContain(GeneratorHarness.AnalyzerDiagnostics(Binary(Profiles)), d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratesNothingAndTheAnalyzersSayWhy(string what, string id, string source)
    {
        Assert.NotEqual(Valid, source);
        var (sources, diagnostics, _) = GeneratorHarness.Run(source); // throws if the generator threw
        Assert.True(sources.IsEmpty, $"{what}: generated {string.Join(", ", sources.Select(s => s.HintName))}.");
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
        Assert.Empty(diagnostics);

        // Nothing silent: the user sees why, with the id that names the reason.
        var reported = GeneratorHarness.AnalyzerDiagnostics(source);
        Assert.True(reported.Any(d => d.Id == id && d.Severity >= DiagnosticSeverity.Warning),
            $"{what}: expected {id}, the analyzers reported [{string.Join("; ", reported)}].");
    }

    [Fact]
    public void TheTemplateIsCleanForTheAnalyzers() =>
        Assert.DoesNotContain(GeneratorHarness.AnalyzerDiagnostics(Valid), d => d.Severity >= DiagnosticSeverity.Warning);
}

/// <summary>
/// Valid models with unusual names or members, and extreme parameters: the generator must not throw and whatever it
/// emits must compile and be right. The failing cases here are generator bugs (see each test).
/// </summary>
public sealed class GeneratorRobustnessTests
{
    private const string Attributes =
        "[PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]";

    /// <summary>
    /// BUG: Parser.Shape builds the hint name from the full name, and Roslyn compares hint names ignoring case, so two
    /// models whose names differ only in case make AddSource throw ("hintName ... must be unique"): CS8785, and neither
    /// model is generated.
    /// </summary>
    [Theory]
    [InlineData("namespace Shop; " + Attributes + " public partial class ChatApi; " + Attributes + " public partial class CHATAPI;")]
    [InlineData("namespace Shop { " + Attributes + " public partial class ChatApi; } namespace shop { " + Attributes + " public partial class ChatApi; }")]
    public void ModelsWhoseNamesDifferOnlyInCaseBothGenerate(string body)
    {
        string source = "using MenuDsl;\n" + body;
        var (sources, diagnostics, _) = GeneratorHarness.Run(source);
        Assert.Empty(diagnostics);
        Assert.Equal(2, sources.Length);
        GeneratorHarness.CompileAndLoad(source);
    }

    /// <summary>
    /// BUG: type names are emitted from ISymbol.Name without escaping, so a model or enclosing type named with a
    /// verbatim keyword (@class, @int) yields "sealed partial class class" and the generated file does not parse;
    /// the namespace is escaped ("@event", from ToDisplayString) but then lands in the hint name, where '@' is invalid,
    /// and AddSource throws (CS8785).
    /// </summary>
    [Theory]
    [InlineData("namespace Shop; " + Attributes + " public partial class @class;")]
    [InlineData("namespace Shop; public partial class @int { " + Attributes + " public partial class Model; }")]
    [InlineData("namespace @event; " + Attributes + " public partial class Model;")]
    public void KeywordIdentifiersAreEscaped(string body)
    {
        string source = "using MenuDsl;\n" + body;
        GeneratorHarness.CompileAndLoad(source); // throws if the generator threw or the output does not compile
        Assert.Single(GeneratorHarness.Run(source).Sources);
    }

    /// <summary>
    /// BUG (design): the generated half declares private helpers with common names (Values, Scales, Thetas, Delta,
    /// Threshold, Reserve, Quality, FirstBest, QualityIntegral, NoSale, PackageReserve) in the user's own class, so a
    /// user member with one of those names breaks the build with CS0102 in generated code (api.md: "Add members freely").
    /// </summary>
    [Theory]
    [InlineData("public static int Values => 1;")]
    [InlineData("public string Quality { get; } = \"gold\";")]
    [InlineData("public const double Threshold = 2.0;")]
    public void UserMembersNamedLikeGeneratedHelpersDoNotBreakTheBuild(string member)
    {
        string source = "using MenuDsl;\nnamespace Shop;\n" + Attributes + " public partial class ChatApi { " + member + " }";
        GeneratorHarness.CompileAndLoad(source);
    }

    /// <summary>
    /// BUG (shared kernel, surfaces here): a truncated normal far in the tail (mean 0, sd 1 on [39, 40]) passes
    /// validation, but its normalising mass Φ(40) − Φ(39) underflows to 0, so φ is NaN and the planner folds
    /// Reserve = 40 (the top of the support) although φ(39) ≈ 38.97 &gt; 0 and every type should be served. Declining
    /// to generate would be acceptable; folding a wrong reserve is not. ([37, 38] still gives 37.)
    /// </summary>
    [Theory]
    [InlineData(37.0)]
    [InlineData(39.0)]
    [InlineData(50.0)]
    public void FarTailTruncatedNormalServesTheWholeSupportOrIsDeclined(double lo)
    {
        string literal = lo.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + ".0";
        string source = "using MenuDsl;\nnamespace Shop;\n[PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]\n"
            + $"[ValueDistribution(Distribution.TruncatedNormal, 0.0, 1.0, {literal}, {literal} + 1.0)]\npublic partial class TailApi;";
        var (sources, _, _) = GeneratorHarness.Run(source);
        // Both outcomes are asserted: declining is explicit, not a skipped check.
        Assert.True(sources.IsEmpty || Assert.Single(sources).Text.Contains($"public const double Reserve = {literal};"),
            $"generated a model whose reserve is not lo = {literal}");
    }
}
