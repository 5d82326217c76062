using System;
using System.Linq;
using MenuDsl.Generation;
using Xunit;

namespace MenuDsl.Tests;

/// <summary>
/// The runtime half of generated grid rows and refusals (issue "Performance"): <see cref="GeneratedModelSupport.FillAtScales"/>
/// writes each item as s × the item per unit of s, bit for bit on its vector and scalar paths; that proportionality is
/// the model's (checked against the runtime-built model's own contracts); the refusals generated code throws carry the
/// runtime check's message.
/// </summary>
public class GeneratedRowTests
{
    private static readonly IIndexModel Model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5)
        .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(1000)]
    public void Every_item_of_a_row_is_the_unit_item_times_its_scale(int length)
    {
        var random = new Random(20261130 + length);
        var unit = new Contract(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble(),
            random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());
        // Every fifth scale is 0: those items are empty, whatever lane of a vector they fall in.
        double[] scales = [.. Enumerable.Range(0, length).Select(j => j % 5 == 2 ? 0 : random.NextDouble())];
        var row = new Contract[length];
        GeneratedModelSupport.FillAtScales(unit, scales, row);
        for (int j = 0; j < length; j++)
        {
            double s = scales[j];
            var expected = s == 0 ? default
                : new Contract(s * unit.Quality, unit.Input, unit.Output, unit.FineTuning, s * unit.Transfer, s * unit.Cost, s * unit.BuyerUtility, s * unit.Profit);
            Assert.Equal(expected, row[j]);
        }
    }

    [Fact]
    public void Below_the_switch_the_model_s_own_contracts_are_proportional_to_the_scale()
    {
        // model.md §3: q = s·φ^(κ/δ)·(A0 b^γ)^(1/δ) while φ·s^δ ≤ θ̂; tokens per task fixed; cost, rent, payment ∝ s.
        double[] scales = [.. Enumerable.Range(0, 17).Select(j => 0.2 + 0.05 * j)];
        var row = new Contract[scales.Length];
        foreach (double w in new[] { 0.55, 0.7, 0.85, 1.0 })
        {
            GeneratedModelSupport.FillAtScales(Model.Contract(w, 1), scales, row);
            for (int j = 0; j < scales.Length; j++)
            {
                var direct = Model.Contract(w, scales[j]);
                foreach (var (e, a) in new[] { (direct.Quality, row[j].Quality), (direct.Input, row[j].Input), (direct.Output, row[j].Output),
                             (direct.Transfer, row[j].Transfer), (direct.Cost, row[j].Cost), (direct.BuyerUtility, row[j].BuyerUtility), (direct.Profit, row[j].Profit) })
                    Assert.True(Math.Abs(e - a) <= 1e-13 * Math.Abs(e), $"w = {w}, s = {scales[j]}: {e:R} vs {a:R}");
            }
        }
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => GeneratedModelSupport.FillAtScales(default, new double[3], new Contract[2]));
        Assert.Equal("row", error.ParamName);
    }

    [Fact]
    public void The_refusals_generated_code_throws_carry_the_runtime_check_s_message()
    {
        var values = Model.Description.Values;
        var check = Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModelSupport.CheckValue(values, 1.5));
        var refusal = Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModelSupport.ValueRefusal(values, 1.5));
        Assert.Equal(("value", check.Message), (refusal.ParamName, refusal.Message));

        var scaleCheck = Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModelSupport.CheckScale(Model.Description.Scales, 0.1));
        var scaleRefusal = Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModelSupport.ScaleRefusal(Model.Description.Scales, 0.1));
        Assert.Equal(("scale", scaleCheck.Message), (scaleRefusal.ParamName, scaleRefusal.Message));

        var overflow = new TwoPartTariff(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 1, 1, double.PositiveInfinity);
        var tariffRefusal = Assert.Throws<ArgumentOutOfRangeException>(() => GeneratedModelSupport.TariffRefusal(overflow, 0.5));
        Assert.Equal("value", tariffRefusal.ParamName);
        Assert.Contains("overflows double precision (markup = ∞)", tariffRefusal.Message);

        // A value the runtime accepts means the generated bounds disagree with the support: that is said, not hidden.
        var mismatch = GeneratedModelSupport.ValueRefusal(values, 0.8);
        Assert.Equal("value", mismatch.ParamName);
        Assert.Contains("rebuild the model", mismatch.Message);
    }
}
