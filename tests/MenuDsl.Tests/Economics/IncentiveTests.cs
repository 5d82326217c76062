using System;
using System.Linq;
using MenuDsl;
using MenuDsl.Kernel;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// Incentive compatibility and participation by brute force: every type on a grid compares its own item with every
/// other item of the menu, and with buying nothing.
/// </summary>
public class IncentiveTests
{
    private static readonly double[] Values = Enumerable.Range(0, 41).Select(i => i / 40.0).ToArray();
    private static readonly double[] Scales = Enumerable.Range(1, 16).Select(i => 0.2 + 0.8 * i / 16).ToArray();

    public static TheoryData<string> Cases => new() { "example", "fine-tuning" };

    private static IIndexModel Model(string name) => name == "example"
        ? PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build()
        : Models.FineTuning(TypeDistribution.Uniform(0.2, 1));

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoTypeGainsByReportingAnotherTypeOfTheContractMenu(string name)
    {
        var model = Model(name);
        var menu = (from w in Values from s in Scales select (w, s, c: model.Contract(w, s))).ToArray();
        double scale = menu.Max(m => m.c.Transfer);
        foreach (var (w, s, own) in menu)
        {
            double truthful = w * own.Quality - own.Transfer;
            Assert.True(truthful >= -1e-12 * scale, $"participation fails for ({w}, {s}): {truthful}");
            foreach (var (w2, s2, other) in menu)
            {
                // Reporting a larger scale delivers quality on tasks the buyer does not have: she keeps s/s2 of it.
                double deviation = w * other.Quality * Math.Min(1, s / s2) - other.Transfer;
                Assert.True(deviation - truthful <= 1e-12 * scale,
                    $"({w}, {s}) gains {deviation - truthful:E3} by reporting ({w2}, {s2})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void NoTypeGainsByPickingAnotherTariffOfTheMenu(string name)
    {
        var model = Model(name);
        var d = model.Description;
        var technology = new CobbDouglasCore(d.Alpha, d.Beta, d.Gamma, d.BaseQuality, d.InputCost, d.OutputCost, d.FineTuningCost);
        var menu = (from w in Values from s in Scales select (w, s, t: model.Tariff(w, s), c: model.Contract(w, s))).ToArray();
        double scale = menu.Max(m => m.c.Transfer);

        // Facing prices m·c on at most `cap` tasks, a buyer of value w buys the first-best bundle of value w/m:
        // she nets m·U*(w/m, min(s, cap)) − fee.
        double Payoff(double w, double s, TwoPartTariff t) => double.IsPositiveInfinity(t.Markup)
            ? 0
            : t.Markup * technology.Surplus(w / t.Markup, Math.Min(s, t.TaskCap)) - t.Fee;

        foreach (var (w, s, own, contract) in menu)
        {
            double truthful = Payoff(w, s, own);
            // The tariff implements the contract: same utility as w q − T.
            Assert.True(Math.Abs(truthful - contract.BuyerUtility) <= 1e-12 * scale, $"tariff of ({w}, {s}) does not implement its contract");
            Assert.True(truthful >= -1e-12 * scale);
            foreach (var (w2, s2, other, _) in menu)
            {
                double deviation = Payoff(w, s, other);
                Assert.True(deviation - truthful <= 1e-12 * scale,
                    $"({w}, {s}) gains {deviation - truthful:E3} with the tariff of ({w2}, {s2})");
            }
        }
    }

    [Fact]
    public void FeesRiseAndUnitPricesFallWithType()
    {
        // With a non-increasing markup (uniform values) the menu is ordered (model.md §5).
        var model = Model("fine-tuning");
        for (int i = 1; i < Values.Length; i++)
        {
            if (Values[i - 1] <= model.ReserveValue) continue;
            var lower = model.Tariff(Values[i - 1], 1);
            var upper = model.Tariff(Values[i], 1);
            Assert.True(upper.InputPrice <= lower.InputPrice);
            Assert.True(upper.Fee >= lower.Fee);
        }
    }
}
