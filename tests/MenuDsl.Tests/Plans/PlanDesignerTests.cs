using System;
using System.Linq;
using MenuDsl;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Tests.Plans;

/// <summary>K committed-spend plans against the closed form for uniform types and quadratic cost, and against themselves.</summary>
public sealed class PlanDesignerTests(ITestOutputHelper output)
{
    // α + β = 1/2 makes C quadratic; c_z = 1000 puts θ̂ far above the types, so nobody fine-tunes.
    private static IIndexModel Quadratic() =>
        PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 2, 1000).WithValues(Distribution.Uniform, 0, 1).Build();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void K_budgets_keep_one_minus_one_over_two_K_plus_one_squared(int count)
    {
        // ν = 2θ − 1 is uniform on [−1, 1]: the optimal K-level quantization of C*(ν) = a ν²/2 above exclusion keeps
        // 1 − 1/(2K + 1)² of ∫ a ν²/2 (issue 10; K = 1 is the 8/9 of a single package).
        var menu = PlanDesigner.CommittedSpend(Quadratic(), count);
        output.WriteLine($"K = {count}: retained {menu.Retained:R}; " + string.Join("; ", menu.Plans.Select(p => $"fee {p.Fee:G6} budget {p.Budget:G6} from θ = {p.LowestType:G6} share {p.Share:G4}")));
        Assert.Equal(count, menu.Plans.Count);
        Assert.Equal(1 - 1.0 / ((2 * count + 1) * (2 * count + 1)), menu.Retained, 1e-6);
    }

    [Fact]
    public void Retained_grows_with_K_towards_one_and_plans_are_ordered()
    {
        var model = Models();
        foreach (var m in model)
        {
            double previous = 0;
            foreach (int count in new[] { 1, 2, 3, 4, 5 })
            {
                var menu = PlanDesigner.CommittedSpend(m, count);
                output.WriteLine($"{m.Description.Values}: K = {count} retained {menu.Retained:R}");
                Assert.True(menu.Retained >= previous - 1e-9, $"K = {count}: {menu.Retained} < {previous}");
                Assert.True(menu.Retained <= 1 + 1e-9);
                for (int k = 1; k < menu.Plans.Count; k++)
                {
                    Assert.True(menu.Plans[k].Fee > menu.Plans[k - 1].Fee);
                    Assert.True(menu.Plans[k].Budget > menu.Plans[k - 1].Budget);
                    Assert.True(menu.Plans[k].LowestType > menu.Plans[k - 1].LowestType);
                }
                // Without scales θ = w: everybody from the first plan's lowest type buys some plan.
                Assert.Equal(1 - m.Description.Values.Cdf(menu.Plans[0].LowestType), menu.Plans.Sum(p => p.Share), 1e-9);
                previous = menu.Retained;
            }
            Assert.True(previous > 0.95, $"five plans keep only {previous}");
        }
    }

    [Fact]
    public void The_global_optimum_is_at_least_Lloyd_from_several_starts()
    {
        foreach (var model in Models())
        {
            var global = PlanDesigner.CommittedSpend(model, 3);
            double top = global.Plans[^1].Quality;
            // Starts: bunched low, bunched high, spread, and the global optimum's own qualities scaled.
            double[][] starts = [[top * 0.01, top * 0.02, top * 0.03], [top * 0.9, top * 0.95, top], [top * 0.1, top * 0.5, top * 2],
                [.. global.Plans.Select(p => p.Quality * 1.3)]];
            foreach (var start in starts)
            {
                var local = PlanDesigner.CommittedSpendFrom(model, start);
                output.WriteLine($"{model.Description.Values}: Lloyd from [{string.Join(", ", start.Select(q => q.ToString("G3")))}] keeps {local.Retained:R}, global {global.Retained:R}");
                Assert.True(local.ExpectedProfit <= global.ExpectedProfit * (1 + 1e-9), $"Lloyd {local.ExpectedProfit} beats the global {global.ExpectedProfit}");
            }
        }
    }

    [Fact]
    public void The_audit_passes_optimal_plans_and_names_a_plan_priced_too_high()
    {
        foreach (var model in Models())
        {
            var menu = PlanDesigner.CommittedSpend(model, 3);
            var report = MenuAudit.Audit(menu, model);
            output.WriteLine(report.ToString());
            Assert.True(report.MaxRegret <= 1e-9, report.ToString());
            Assert.True(report.ParticipationViolation <= 1e-9, report.ToString());

            // Plan 2's fee raised by 5%: its lowest buyers now prefer plan 1, and the audit says so.
            var plans = menu.Plans.ToArray();
            plans[1] = plans[1] with { Fee = plans[1].Fee * 1.05 };
            var tampered = MenuAudit.Audit(menu with { Plans = plans }, model);
            Assert.True(tampered.PackageRegret > 1e-4, tampered.ToString());
            Assert.Contains("plan 1", tampered.Worst);
        }
    }

    [Fact]
    public void One_tariff_matches_the_best_fee_and_markup_by_brute_force()
    {
        // Quadratic cost C = Q²/(2a), a = A0² (b = 1): type θ at markup m buys a θ/m and nets a θ²/(2m) − p; with
        // w ~ U[0,1] the profit of fee p = a θ0²/(2m) (θ0 indifferent) is (1 − θ0) a θ0²/(2m) + (m − 1) a (1 − θ0³)/(6m²).
        double a = Math.Pow(Math.Pow(0.25, 0.25) * Math.Pow(0.5 * 0.25, 0.25), 2);
        double Profit(double theta0, double m) => (1 - theta0) * a * theta0 * theta0 / (2 * m) + (m - 1) * a * (1 - theta0 * theta0 * theta0) / (6 * m * m);
        double best = 0;
        for (double t0 = 0.3; t0 <= 0.9; t0 += 0.001)
            best = Math.Max(best, Profit(t0, GoldenMax(m => Profit(t0, m), 1, 4)));
        var menu = PlanDesigner.TwoPartTariffs(Quadratic(), 1);
        output.WriteLine($"one tariff: library {menu.ExpectedProfit:R}, brute force {best:R}; retained {menu.Retained:R}");
        Assert.True(Math.Abs(menu.ExpectedProfit - best) <= 1e-6 * best, $"{menu.ExpectedProfit} vs {best}");
        Assert.Equal(a / 12, menu.ContinuousProfit, 1e-12);
    }

    [Fact]
    public void K_tariffs_keep_less_than_the_continuous_menu_with_falling_markups_and_pass_the_audit()
    {
        double previous = 0;
        foreach (int count in new[] { 1, 2, 3 })
        {
            var menu = PlanDesigner.TwoPartTariffs(Quadratic(), count);
            output.WriteLine($"K = {count}: retained {menu.Retained:R}; markups {string.Join(", ", menu.Plans.Select(p => p.Markup.ToString("G4")))}");
            Assert.True(menu.Retained <= 1 + 1e-9 && menu.Retained >= previous - 1e-9, $"K = {count}: {menu.Retained} after {previous}");
            for (int k = 1; k < menu.Plans.Count; k++)
            {
                Assert.True(menu.Plans[k].Markup < menu.Plans[k - 1].Markup, "markups must fall");
                Assert.True(menu.Plans[k].Fee > menu.Plans[k - 1].Fee, "fees must rise");
            }
            Assert.True(menu.Plans[^1].Markup >= 1);
            var audit = MenuAudit.Audit(menu, Quadratic());
            Assert.True(audit.MaxRegret <= 1e-9 && audit.ParticipationViolation <= 1e-9, audit.ToString());
            previous = menu.Retained;
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Each_markup_is_the_cells_weighted_ratio_of_types_to_virtual_values(int count)
    {
        // With IR binding at the bottom, profit is ∫ (ν Q − C(Q)) dF and a tariff at markup m gives Q with C′(Q) = θ/m,
        // so ∂/∂m = 0 reads m_k = ∫ θ |∂Q/∂m| dF / ∫ ν |∂Q/∂m| dF over the cell: the harmonic mean of θ/ν weighted by
        // ν |∂Q/∂m|. Quadratic cost: Q ∝ θ/m, so m_k = ∫ θ² / ∫ (2θ − 1) θ over [θ_k, θ_{k+1}] for w ~ U[0, 1].
        var menu = PlanDesigner.TwoPartTariffs(Quadratic(), count);
        for (int k = 0; k < menu.Plans.Count; k++)
        {
            double lo = menu.Plans[k].LowestType, hi = k + 1 < menu.Plans.Count ? menu.Plans[k + 1].LowestType : 1;
            double squares = (hi * hi * hi - lo * lo * lo) / 3;
            double expected = squares / (2 * squares - (hi * hi - lo * lo) / 2);
            output.WriteLine($"K = {count}, plan {k + 1}: markup {menu.Plans[k].Markup:R}, condition {expected:R}");
            Assert.True(Math.Abs(menu.Plans[k].Markup - expected) <= 1e-5 * expected, $"plan {k + 1}: {menu.Plans[k].Markup} vs {expected}");
        }
    }

    private static double GoldenMax(Func<double, double> f, double a, double b)
    {
        const double inverseGolden = 0.6180339887498949;
        for (int i = 0; i < 100; i++)
        {
            double c = b - inverseGolden * (b - a), d = a + inverseGolden * (b - a);
            if (f(c) >= f(d)) b = d; else a = c;
        }
        return 0.5 * (a + b);
    }

    [Fact]
    public void Every_type_prefers_its_own_plan_by_brute_force()
    {
        var menu = PlanDesigner.CommittedSpend(Models()[1], 4);
        var thetas = Enumerable.Range(0, 400).Select(i => 0.001 + i * 0.005).ToArray();
        foreach (double theta in thetas)
        {
            // The budget spent optimally buys Q: payoff θ Q − fee.
            double best = Math.Max(0, menu.Plans.Max(p => theta * p.Quality - p.Fee));
            var chosen = menu.Plans.Where(p => p.LowestType <= theta).LastOrDefault();
            double own = chosen is null ? 0 : Math.Max(0, theta * chosen.Quality - chosen.Fee);
            Assert.True(best - own <= 1e-12 * Math.Max(1, menu.Plans[^1].Fee), $"θ = {theta}: best {best}, own plan {own}");
        }
    }

    private static IIndexModel[] Models() =>
    [
        Quadratic(),
        // Fine-tuning for the upper types, Beta values: no closed form.
        PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(0.1, 0.1, 0.1).WithValues(Distribution.Beta, 2, 3, 0, 2).Build(),
    ];
}
