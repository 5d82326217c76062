using System;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Analyzers.Tests;

/// <summary>
/// Ground truth for the Pareto-mixture warnings (MENU008, MENU011): with the runtime library, a type gains by
/// choosing another type's two-part tariff, so the menu the warnings speak of really is not incentive compatible.
/// A buyer facing unit prices p = m·c and fee p0 on at most `cap` tasks nets the first-best surplus of a seller whose
/// costs are those prices, minus the fee.
/// </summary>
public class TariffIncentiveTests(ITestOutputHelper output)
{
    private static readonly TypeDistribution ParetoMixture =
        TypeDistribution.Mixture((0.5, TypeDistribution.Pareto(1.0, 3.0)), (0.5, TypeDistribution.Pareto(1.0, 1.2)));

    private static ModelBuilder<IIndexModel> Technology => PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1.0, 1.0, 100.0);

    private static double Utility(double w, double s, TwoPartTariff tariff)
    {
        var buyer = PricingModel.CobbDouglas(0.25, 0.25, 0.1)
            .WithCosts(tariff.InputPrice, tariff.OutputPrice, tariff.FineTuningPrice)
            .WithValues(Distribution.Uniform, 0.0, 1e6).WithScales(Distribution.Uniform, 0.0, 1.0).Build(); // supports holding (w, s): only Efficient is used
        return buyer.Efficient(w, Math.Min(s, tariff.TaskCap)).Surplus - tariff.Fee;
    }

    // MENU008 reported BRG-2 failing near (w ≈ 5.58, s = 0.3): the fee falls with the task cap there, so a small
    // buyer takes the item meant for a large one and runs her own tasks at the same unit prices.
    [Fact]
    public void Bounded_rent_growth_failure_lets_a_small_buyer_gain_from_a_large_buyers_tariff()
    {
        var model = Technology.WithValues(ParetoMixture).WithScales(Distribution.Uniform, 0.2, 1.0).Build();
        double w = 5.58, s = 0.3;
        double own = Utility(w, s, model.Tariff(w, s));
        double deviation = Utility(w, s, model.Tariff(w, 1.0));
        output.WriteLine($"own {own}, with the s = 1 tariff {deviation}");
        Assert.True(deviation > own * (1 + 1e-6), $"own {own}, deviation {deviation}");
    }

    // MENU011 reported m rising on the served types; without scales, brute force over pairs of values finds a type
    // that prefers another type's tariff.
    [Fact]
    public void Rising_markup_lets_some_type_gain_from_another_types_tariff()
    {
        var model = Technology.WithValues(ParetoMixture).Build();
        double best = 0, bestW = 0, bestOther = 0;
        for (double w = 1.25; w <= 40; w *= 1.25)
        {
            double own = Utility(w, 1, model.Tariff(w, 1));
            for (double other = 1.25; other <= 40; other *= 1.25)
            {
                double gain = Utility(w, 1, model.Tariff(other, 1)) - own;
                if (gain > best) (best, bestW, bestOther) = (gain / Math.Abs(own), w, other);
            }
        }
        output.WriteLine($"type {bestW} gains {best:P3} of its utility by taking the tariff of {bestOther}");
        Assert.True(best > 1e-6);
    }

    // Control: the same check finds no profitable deviation for a Pareto law (constant markup).
    [Fact]
    public void Pareto_values_leave_no_profitable_deviation()
    {
        var model = Technology.WithValues(Distribution.Pareto, 1.0, 3.0).WithScales(Distribution.Uniform, 0.2, 1.0).Build();
        foreach (double s in new[] { 0.3, 0.6, 1.0 })
            for (double w = 1.25; w <= 40; w *= 1.25)
            {
                double own = Utility(w, s, model.Tariff(w, s));
                foreach (double otherS in new[] { 0.3, 0.6, 1.0 })
                    for (double other = 1.25; other <= 40; other *= 1.25)
                        Assert.True(Utility(w, s, model.Tariff(other, otherS)) <= own + 1e-9 * Math.Abs(own),
                            $"type ({w}, {s}) gains from the tariff of ({other}, {otherS})");
            }
    }
}
