using System.Threading.Tasks;
using Xunit;
using V = MenuDsl.Analyzers.Tests.Verify<MenuDsl.Analyzers.EconomicsAnalyzer>;

namespace MenuDsl.Analyzers.Tests;

public class EconomicsAnalyzerTests
{
    // Regular families with a non-increasing markup: φ increasing, m = w/φ non-increasing, hence BRG-1 and BRG-2.
    [Theory]
    [InlineData("Distribution.Uniform, 0.0, 1.0")]
    [InlineData("Distribution.Exponential, 2.0")]
    [InlineData("Distribution.Pareto, 1.0, 3.0")]
    [InlineData("Distribution.Power, 2.0, 0.5, 4.0")]
    public Task Provably_regular_values_give_no_economic_warning(string values) => V.Analyzer($$"""
        [PricingModel, CobbDouglas(0.25, 0.25, 0.1), TokenCosts(1.0, 1.0, 100.0)]
        [ValueDistribution({{values}})]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class ChatApi;
        """, "MENU009");

    // A dense low segment next to a sparse high one: φ jumps down at w = 1 and must be ironed.
    [Fact]
    public Task MENU006_mixture_with_a_gap_needs_ironing() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU006:ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.9)|}]
        [ValueDistribution(Distribution.Uniform, 2.0, 10.0, Weight = 0.1)]
        public partial class ChatApi;
        """, "MENU009");

    [Fact]
    public Task MENU006_regular_mixture_is_clean() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.5)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.5)]
        public partial class ChatApi;
        """, "MENU009");

    // Pareto mixture: w f/(1 − F) falls from the mean shape towards the smaller one, so m rises everywhere;
    // the tariff menu breaks down (TariffIncentiveTests proves it by brute force).
    private const string ParetoMixture = """
        [PricingModel, CobbDouglas(0.25, 0.25, 0.1), TokenCosts(1.0, 1.0, 100.0)]
        [{|#0:ValueDistribution(Distribution.Pareto, 1.0, 3.0, Weight = 0.5)|}]
        [ValueDistribution(Distribution.Pareto, 1.0, 1.2, Weight = 0.5)]
        [{|#1:ScaleDistribution(Distribution.Uniform, 0.2, 1.0)|}]
        public partial class ChatApi;
        """;

    [Fact]
    public Task MENU007_MENU008_MENU011_pareto_mixture() => Run(ParetoMixture,
        ("MENU007", 0), ("MENU011", 0), ("MENU008", 1));

    [Fact]
    public Task MENU007_lognormal_tail_is_inconclusive() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU007:ValueDistribution(Distribution.LogNormal, 0.0, 0.5)|}]
        public partial class ChatApi;
        """, "MENU009");

    [Fact]
    public Task MENU007_custom_production_function_with_scales() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [{|MENU007:ScaleDistribution(Distribution.Uniform, 0.2, 1.0)|}]
        public partial class ChatApi
        {
            [ProductionFunction]
            public static double F(double x, double y, double z) => System.Math.Pow(x * y, 0.3);
        }
        """);

    [Fact]
    public Task MENU009_never_fine_tunes() => V.Analyzer("""
        [PricingModel, {|MENU009:CobbDouglas(0.3, 0.2, 0.1)|}, TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [ScaleDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU009_always_fine_tunes() => V.Analyzer("""
        [PricingModel, {|MENU009:CobbDouglas(0.3, 0.2, 0.1)|}, TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 20.0, 30.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU009_threshold_inside_the_types_is_silent() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 10.0, 30.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU010_ordered_types_high_keeps_a_rent() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [TypeProfile(0.5, Value = 1.0)]
        [{|MENU010:TypeProfile(0.5, Value = 2.0)|}]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU010_unordered_types_full_extraction() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU010:TypeProfile(0.5, TaskValues = new[] { 1.0, 0.8 })|}]
        [TypeProfile(0.5, TaskValues = new[] { 0.1, 1.0 })]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU010_needs_two_profiles() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [TypeProfile(1.0, Value = 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task Invalid_models_are_left_to_the_usage_analyzer() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.5, 0.5, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.9)]
        [ValueDistribution(Distribution.Uniform, 2.0, 10.0, Weight = 0.1)]
        public partial class ChatApi;
        """);

    private static Task Run(string source, params (string Id, int Location)[] expected)
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<EconomicsAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            TestCode = Verify<EconomicsAnalyzer>.Header + source,
            ReferenceAssemblies = new Microsoft.CodeAnalysis.Testing.ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(PricingModelAttribute).Assembly.Location));
        test.DisabledDiagnostics.Add("MENU009");
        foreach (var (id, location) in expected)
            test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(id, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithLocation(location));
        return test.RunAsync();
    }
}
