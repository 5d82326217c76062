using System;
using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Issue "Performance": below θ̂ / s_max^δ nobody fine-tunes, so the generated <c>Contract</c> and <c>Tariff</c> take the
/// item per unit of s times s, with no s^δ; a model whose whole support stays below gets no fine-tuning branch at all,
/// and the finite check of that path is dropped only when the build proved the largest item far from overflow. Each
/// decision is checked in the emitted text and, independently, against the runtime-built model.
/// </summary>
public class FineTuningSwitchTests
{
    private static string Model(string name, string technology, string costs, string values, string scales = "") => $$"""
        using MenuDsl;
        namespace Switches;
        [PricingModel]
        [{{technology}}]
        [TokenCosts({{costs}})]
        [ValueDistribution({{values}})]
        {{scales}}
        public partial class {{name}};
        """;

    // θ̂ ≈ 16 while θ ≤ 1 on the support: nobody fine-tunes (MENU009).
    private static readonly string NeverFineTunes = Model("NeverApi", "CobbDouglas(0.3, 0.2, 0.1)", "1.0, 2.0, 5.0",
        "Distribution.Uniform, 0.0, 1.0", "[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]");

    // Cheap fine-tuning: the switch is crossed inside the support, at a value that depends on the scale.
    private static readonly string Crosses = Model("CrossesApi", "CobbDouglas(0.3, 0.2, 0.1)", "0.01, 0.02, 0.05",
        "Distribution.Uniform, 0.0, 1.0", "[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]");

    // b = 1e307: θ̂ ≈ 1.08e124 and q = φ·(A0 b^γ)² ≈ 10^60.7·φ, so T ≈ w·q passes 1e308 just below the switch (w = 1e124).
    private static readonly string Overflows = Model("OverflowApi", "CobbDouglas(0.3, 0.2, 0.1, BaseQuality = 1e307)", "1.0, 2.0, 5.0",
        "Distribution.Exponential, 1.0");

    private static string Generated(string source) => GeneratorHarness.Run(source).Sources.Single().Text;

    [Fact]
    public void A_model_that_never_fine_tunes_has_no_fine_tuning_branch_and_no_finite_check()
    {
        string text = Generated(NeverFineTunes);
        Assert.DoesNotContain("ContractAt(", text);
        Assert.DoesNotContain("ScaleDeltas", text);
        Assert.DoesNotContain("double.IsFinite(unit.", text);
        Assert.Contains("return MenuDslSolver.ContractBelowSwitch(value, phi, scale);", text);

        // Rows above the switch at the largest scale still check their unit item (it is not bounded by the build).
        string crossing = Generated(Crosses);
        Assert.Contains("phi <= MenuDslSolver.SwitchAtLargestScale ? MenuDslSolver.ContractBelowSwitch(value, phi, scale) : MenuDslSolver.ContractAt(", crossing);
        Assert.DoesNotContain("return double.IsFinite(unit.", crossing);
        Assert.DoesNotContain("if (!double.IsFinite(unit.", crossing);
    }

    [Fact]
    public void Where_the_switch_is_crossed_both_paths_agree_with_the_runtime_model()
    {
        var generated = GeneratorHarness.Instance(GeneratorHarness.CompileAndLoad(Crosses), "Switches.CrossesApi");
        var runtime = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(0.01, 0.02, 0.05)
            .WithValues(Distribution.Uniform, 0.0, 1.0).WithScales(Distribution.Uniform, 0.2, 1.0).Build();
        double switchAtLargestScale = runtime.FineTuningThreshold; // s_max = 1
        int below = 0, above = 0, fineTuned = 0;
        for (int i = 0; i <= 200; i++)
            for (int j = 0; j <= 16; j++)
            {
                double w = i / 200.0, s = 0.2 + 0.05 * j;
                double phi = runtime.VirtualValue(w);
                if (phi > 0 && phi <= switchAtLargestScale) below++;
                if (phi > switchAtLargestScale) above++;
                var (g, r) = (generated.Contract(w, s), runtime.Contract(w, s));
                if (r.FineTuning > 0) fineTuned++;
                AssertClose(r.Quality, g.Quality, w, s); AssertClose(r.Input, g.Input, w, s); AssertClose(r.Output, g.Output, w, s);
                AssertClose(r.FineTuning, g.FineTuning, w, s); AssertClose(r.Transfer, g.Transfer, w, s);
                AssertClose(r.Cost, g.Cost, w, s); AssertClose(r.BuyerUtility, g.BuyerUtility, w, s); AssertClose(r.Profit, g.Profit, w, s);
                var (gt, rt) = (generated.Tariff(w, s), runtime.Tariff(w, s));
                AssertClose(rt.Fee, gt.Fee, w, s); AssertClose(rt.Markup, gt.Markup, w, s); AssertClose(rt.InputPrice, gt.InputPrice, w, s);
            }
        Assert.True(below > 100 && above > 100 && fineTuned > 100, $"below {below}, above {above}, fine-tuned {fineTuned}");
    }

    [Fact]
    public void Items_that_may_overflow_below_the_switch_keep_their_check_and_are_refused_as_by_the_runtime_model()
    {
        string text = Generated(Overflows);
        Assert.Contains("double.IsFinite(unit.Quality", text);

        var generated = GeneratorHarness.Instance(GeneratorHarness.CompileAndLoad(Overflows), "Switches.OverflowApi");
        var runtime = PricingModel.CobbDouglas(0.3, 0.2, 0.1, 1e307).WithCosts(1, 2, 5).WithValues(Distribution.Exponential, 1).Build();
        int refused = 0, served = 0;
        foreach (double w in new[] { 2.0, 1e50, 1e100, 1e120, 1e123, 5e123, 1e124 })
        {
            Assert.True(runtime.VirtualValue(w) <= runtime.FineTuningThreshold, $"w = {w:R} should lie below the switch");
            Exception? expected = Record.Exception(() => runtime.Contract(w, 1)), actual = Record.Exception(() => generated.Contract(w, 1));
            if (expected is null)
            {
                Assert.Null(actual);
                AssertClose(runtime.Contract(w, 1).Transfer, generated.Contract(w, 1).Transfer, w, 1);
                served++;
                continue;
            }
            var refusal = Assert.IsType<ArgumentOutOfRangeException>(actual);
            Assert.Equal("value", refusal.ParamName);
            Assert.Equal(expected.Message, refusal.Message);
            refused++;
        }
        Assert.True(refused > 0 && served > 0, $"refused {refused}, served {served}");
    }

    private static void AssertClose(double expected, double actual, double w, double s) =>
        Assert.True(expected == actual || Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), 1e-300),
            $"at (w = {w:R}, s = {s:R}): runtime {expected:R}, generated {actual:R}");
}
