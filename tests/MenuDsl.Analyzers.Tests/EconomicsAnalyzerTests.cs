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

    // BRG needs q_s in closed form; the message sends the user to the run-time audit. (x·y)^0.3 ignores z, so MENU009 says
    // that nobody fine-tunes.
    [Fact]
    public Task MENU007_custom_production_function_with_scales() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [{|MENU007:ScaleDistribution(Distribution.Uniform, 0.2, 1.0)|}]
        public partial class ChatApi
        {
            [{|MENU009:ProductionFunction|}]
            public static double F(double x, double y, double z) => System.Math.Pow(x * y, 0.3);
        }
        """);

    [Fact]
    public async Task MENU007_custom_names_the_check_and_the_audit()
    {
        string message = await Messages.Single("""
            [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
            public partial class ChatApi { [ProductionFunction] public static double F(double x, double y, double z) => System.Math.Pow(x * y, 0.3) * System.Math.Pow(1 + z, 0.1); }
            """, "MENU007");
        Assert.Contains("Bounded rent growth", message);
        Assert.Contains("MenuAudit.Audit", message);
    }

    // The distribution checks do not need the technology: they run for a custom one exactly as for Cobb-Douglas.
    [Fact]
    public Task MENU006_custom_technology() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU006:ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.9)|}]
        [ValueDistribution(Distribution.Uniform, 2.0, 10.0, Weight = 0.1)]
        public partial class ChatApi
        {
            [ProductionFunction]
            public static double F(double x, double y, double z) => System.Math.Pow(x, 0.3) * System.Math.Pow(y, 0.2) * System.Math.Pow(1 + z, 0.1);
        }
        """, "MENU009");

    // The kernel solves the binary menu of a custom technology as of any other: MENU010 on H, no MENU007.
    [Fact]
    public Task MENU010_custom_binary_types() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0)]
        [TypeProfile(0.5, Value = 1.0)]
        [{|MENU010:TypeProfile(0.5, Value = 2.0)|}]
        public partial class ChatApi
        {
            [ProductionFunction]
            public static double F(double x, double y, double z) => System.Math.Pow(x, 0.3) * System.Math.Pow(y, 0.2) * System.Math.Pow(1 + z, 0.1);
        }
        """);

    // The numeric first best of a hand-written Cobb-Douglas gives the closed form's verdict (θ̂ ≈ 16.08, Example A).
    [Theory]
    [InlineData("Distribution.Uniform, 0.0, 1.0", "never")]
    [InlineData("Distribution.Uniform, 20.0, 30.0", "always")]
    public async Task MENU009_custom_agrees_with_cobb_douglas(string values, string verdict)
    {
        string custom = await Messages.Single($$"""
            [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution({{values}})]
            public partial class ChatApi { [ProductionFunction] public static double F(double x, double y, double z) => System.Math.Pow(x, 0.3) * System.Math.Pow(y, 0.2) * System.Math.Pow(1 + z, 0.1); }
            """, "MENU009");
        string closedForm = await Messages.Single($$"""
            [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution({{values}})]
            public partial class ChatApi;
            """, "MENU009");
        Assert.StartsWith($"Fine-tuning is {verdict} optimal", custom);
        Assert.StartsWith($"Fine-tuning is {verdict} optimal", closedForm);
    }

    // Increasing returns: the first best is unbounded, the solver fails, and the skipped check is said (MENU019 says why).
    [Fact]
    public async Task MENU007_custom_fine_tuning_when_the_first_best_fails()
    {
        string message = await Messages.Single("""
            [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
            public partial class ChatApi { [ProductionFunction] public static double F(double x, double y, double z) => x * y * (1 + z); }
            """, "MENU007");
        Assert.StartsWith("Whether fine-tuning is never or always optimal (MENU009) was not verified", message);
        Assert.Contains("numeric first best of 'F' failed", message);
    }

    [Fact]
    public Task MENU009_custom_threshold_inside_the_types_is_silent() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 10.0, 30.0)]
        public partial class ChatApi
        {
            [ProductionFunction]
            public static double F(double x, double y, double z) => System.Math.Pow(x, 0.3) * System.Math.Pow(y, 0.2) * System.Math.Pow(1 + z, 0.1);
        }
        """);

    // ---- CES: Cobb-Douglas in a composite input (model.md §8), so every check runs as for Cobb-Douglas.

    [Theory]
    [InlineData("Distribution.Uniform, 0.0, 1.0")]
    [InlineData("Distribution.Pareto, 1.0, 3.0")]
    public Task Ces_with_regular_values_gives_no_economic_warning(string values) => V.Analyzer($$"""
        [PricingModel, Ces(0.6, -0.5, 0.4, 0.1), TokenCosts(1.0, 1.0, 100.0)]
        [ValueDistribution({{values}})]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class ChatApi;
        """, "MENU009");

    [Fact]
    public Task MENU007_MENU008_MENU011_ces_pareto_mixture() => Run(ParetoMixture.Replace("CobbDouglas(0.25, 0.25, 0.1)", "Ces(0.5, 0.5, 0.5, 0.1)"),
        ("MENU007", 0), ("MENU011", 0), ("MENU008", 1));

    [Fact]
    public Task MENU009_ces_never_fine_tunes_on_the_attribute() => V.Analyzer("""
        [PricingModel, {|MENU009:Ces(0.6, 0.5, 0.5, 0.1)|}, TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU010_ces_binary_types() => V.Analyzer("""
        [PricingModel, Ces(0.6, -0.5, 0.4, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [TypeProfile(0.5, Value = 1.0)]
        [{|MENU010:TypeProfile(0.5, Value = 2.0)|}]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU013_ces_nobody_served() => V.Analyzer("""
        [PricingModel, Ces(0.6, -0.5, 0.4, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU013:ValueDistribution(Distribution.Pareto, 1.0, 0.5)|}]
        public partial class ChatApi;
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

    // ---- MENU010's regime is the kernel's (BinaryCore.Solve), the menu the generator emits.

    // model.md §7's caveat: w_H = (2, 0.6), w_L = (1, 1) are not ordered; the screening formula leaves H a negative rent.
    [Theory]
    [InlineData("CobbDouglas(0.25, 0.25, 0.1)")]
    [InlineData("Ces(0.6, -0.5, 0.5, 0.1)")]
    public async Task MENU010_unordered_profiles_zero_rents_with_L_distorted(string technology)
    {
        string message = await Messages.Single($$"""
            [PricingModel, {{technology}}, TokenCosts(1.0, 1.0, 1.0)]
            [TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })]
            [TypeProfile(0.5, TaskValues = new[] { 1.0, 1.0 })]
            public partial class ChatApi;
            """, "MENU010");
        Assert.StartsWith("Binary types: H is the first [TypeProfile] (probability 0.5); the optimal menu is ZeroRentsDistorted: ", message);
        Assert.Matches(@"would be -[0-9.e-]+ < 0 at f_H/f_L = 1: zero rents, L distorted along w_L − t \(w_H − w_L\) with t = 0\.[0-9]+$", message);
    }

    [Fact]
    public async Task MENU010_ordered_profiles_high_incentive_binding()
    {
        string message = await Messages.Single("""
            [PricingModel, CobbDouglas(0.25, 0.25, 0.1), TokenCosts(1.0, 1.0, 1.0)]
            [TypeProfile(0.5, Value = 2.0)]
            [TypeProfile(0.5, Value = 1.0)]
            public partial class ChatApi;
            """, "MENU010");
        Assert.StartsWith("Binary types: H is the first [TypeProfile] (probability 0.5); the optimal menu is HighIncentiveBinding: H's rent ∫(w_H − w_L) v(q_L) is ", message);
        Assert.Matches(@"is [0-9.]+ > 0 with L efficient for w_L − \(f_H/f_L\)\(w_H − w_L\), f_H/f_L = 1: ", message);
    }

    [Fact]
    public async Task MENU010_profiles_valuing_different_tasks_full_extraction()
    {
        string message = await Messages.Single("""
            [PricingModel, CobbDouglas(0.25, 0.25, 0.1), TokenCosts(1.0, 1.0, 1.0)]
            [TypeProfile(0.4, TaskValues = new[] { 1.0, 0.1 })]
            [TypeProfile(0.6, TaskValues = new[] { 0.1, 1.0 })]
            public partial class ChatApi;
            """, "MENU010");
        Assert.Contains("the optimal menu is FullExtraction: H's gain from L's efficient bundle ∫(w_H − w_L) v(q_L) is -", message);
    }

    // The analyzer and the generator agree: MENU010 names the regime the generated menu has.
    [Fact]
    public async Task MENU010_names_the_regime_of_the_runtime_menu()
    {
        string message = await Messages.Single("""
            [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
            [TypeProfile(0.3, TaskValues = new[] { 1.5, 0.2, 1.0 })]
            [TypeProfile(0.7, Value = 1.0, Scale = 0.8)]
            public partial class ChatApi;
            """, "MENU010");
        var menu = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5)
            .BuildBinary(TypeProfile.Tasks(0.3, 1.5, 0.2, 1.0), TypeProfile.ValueScale(0.7, 1.0, 0.8)).BinaryMenu;
        Assert.Contains($"(probability {menu.High.Profile.Probability}); the optimal menu is {menu.Regime}: ", message);
    }

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
