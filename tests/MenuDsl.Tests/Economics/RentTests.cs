using System;
using MathNet.Numerics.Integration;
using MenuDsl;
using Xunit;
using static MenuDsl.Tests.Economics.ExampleATests;

namespace MenuDsl.Tests.Economics;

/// <summary>Payments T = w q − ∫ q dk against quadrature, and continuity where fine-tuning switches on.</summary>
public class RentTests
{
    public static TheoryData<string> Families => new() { "uniform", "exponential", "pareto", "beta", "mixture" };

    private static IIndexModel Model(string family)
    {
        var builder = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(0.1, 0.1, 0.1).WithScales(Distribution.Uniform, 0.2, 1);
        return (family switch
        {
            "uniform" => builder.WithValues(Distribution.Uniform, 0, 1),
            "exponential" => builder.WithValues(Distribution.Exponential, 2),
            "pareto" => builder.WithValues(Distribution.Pareto, 0.3, 3),
            "beta" => builder.WithValues(Distribution.Beta, 2, 3, 0, 2),
            _ => builder.WithValues(TypeDistribution.Mixture((0.6, TypeDistribution.Uniform(0, 1)), (0.4, TypeDistribution.Uniform(0.5, 1.5)))),
        }).Build();
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void BuyerUtilityIsTheIntegralOfQuality(string family)
    {
        var model = Model(family);
        double r = model.ReserveValue;
        var d = model.Description;
        var technology = new MenuDsl.Kernel.CobbDouglasCore(d.Alpha, d.Beta, d.Gamma, d.BaseQuality, d.InputCost, d.OutputCost, d.FineTuningCost);
        foreach (double s in new[] { 0.25, 0.6, 1.0 })
            foreach (double w in new[] { r + 0.1, r + 0.5, r + 1.2 })
            {
                if (w > model.Description.Values.Support.Upper) continue;
                var contract = model.Contract(w, s);
                // Independent: adaptive Gauss-Kronrod of the quality schedule q(k, s) = q_FB(φ(k), s) over [r, w].
                double integral = GaussKronrodRule.Integrate(k => technology.Quality(model.VirtualValue(k), s), r, w, out _, out _, 1e-12, 25, 61);
                Assert.Equal(technology.Quality(model.VirtualValue(w), s), contract.Quality);
                AssertRelative(integral, contract.BuyerUtility, 1e-8);
                AssertRelative(w * contract.Quality - integral, contract.Transfer, 1e-8);
                AssertRelative(contract.Transfer - contract.Cost, contract.Profit, 1e-12);
            }
    }

    [Theory]
    [InlineData("beta")]
    [InlineData("mixture")]
    public void ExpectedRevenueEqualsTheAverageTransfer(string family)
    {
        // MenuMetrics uses Myerson's identity E[T] = E[φ̄ q]; here E[T] is the plain average of the transfers.
        var model = Model(family);
        var values = model.Description.Values;
        var scales = model.Description.Scales!;
        // Gauss-Legendre on each piece between the points where the density, the pooling or (per scale) the
        // fine-tuning of the item changes: E[T] = ∫ f_s ∫ T f_w dw ds.
        var kinks = new System.Collections.Generic.List<double> { model.ReserveValue, values.Support.Upper, 0.5, 1.0 };
        foreach (var pool in values.PoolingIntervals) { kinks.Add(pool.Lower); kinks.Add(pool.Upper); }
        double PerScale(double s)
        {
            double level = model.FineTuningThreshold / Math.Pow(s, 0.5);
            var cuts = new System.Collections.Generic.List<double>(kinks);
            if (model.VirtualValue(values.Support.Upper) > level)
                cuts.Add(Search.ArgMin(w => Math.Abs(model.VirtualValue(w) - level), model.ReserveValue, values.Support.Upper));
            cuts.RemoveAll(c => c < model.ReserveValue);
            cuts.Sort();
            double sum = 0;
            for (int i = 1; i < cuts.Count; i++)
                sum += MathNet.Numerics.Integration.GaussLegendreRule.Integrate(
                    w => model.Contract(w, s).Transfer * values.Pdf(w), cuts[i - 1], cuts[i], 24);
            return sum * scales.Pdf(s);
        }
        // Where θ̂/s^δ equals a pool's level the switch jumps across the pool: E_w[T] has a kink in s there.
        var scaleCuts = new System.Collections.Generic.List<double> { scales.Support.Lower, scales.Support.Upper };
        foreach (var pool in values.PoolingIntervals)
            scaleCuts.Add(Math.Pow(model.FineTuningThreshold / pool.Level, 2));
        scaleCuts.RemoveAll(c => c < scales.Support.Lower || c > scales.Support.Upper);
        scaleCuts.Sort();
        double average = 0;
        for (int i = 1; i < scaleCuts.Count; i++)
            average += MathNet.Numerics.Integration.GaussLegendreRule.Integrate(PerScale, scaleCuts[i - 1], scaleCuts[i], 24);
        // Error budget: pool ends and per-contract rent quadratures are each good to ~1e-9 of the transfer.
        AssertRelative(average, model.ExpectedRevenue(), 5e-8);
    }

    [Fact]
    public void QualityTransferAndSurplusAreContinuousAtTheFineTuningSwitch()
    {
        // φ = 2w − 1 and s = 1: the item fine-tunes iff φ > θ̂, i.e. for w > (1 + θ̂)/2.
        var model = Models.FineTuning();
        double switchValue = (1 + model.FineTuningThreshold) / 2;
        Assert.InRange(switchValue, 0.5, 1);
        double below = switchValue - 1e-10, above = switchValue + 1e-10;
        Assert.Equal(0, model.Contract(below, 1).FineTuning);
        Assert.True(model.Contract(switchValue + 1e-3, 1).FineTuning > 0);
        AssertClose(model.Contract(below, 1).Quality, model.Contract(above, 1).Quality);
        AssertClose(model.Contract(below, 1).Transfer, model.Contract(above, 1).Transfer);
        AssertClose(model.Contract(below, 1).Cost, model.Contract(above, 1).Cost);
        AssertClose(model.Tariff(below, 1).Fee, model.Tariff(above, 1).Fee);

        // First best: U* continuous at θ = θ̂.
        double theta = model.FineTuningThreshold;
        AssertClose(model.Efficient(theta - 1e-10, 1).Surplus, model.Efficient(theta + 1e-10, 1).Surplus);
        AssertClose(model.Efficient(theta - 1e-10, 1).Quality, model.Efficient(theta + 1e-10, 1).Quality);
    }

    private static void AssertClose(double a, double b) =>
        Assert.True(Math.Abs(a - b) <= 1e-7 * Math.Max(Math.Abs(a), 1e-12), $"{a:R} and {b:R} differ across the switch");
}
