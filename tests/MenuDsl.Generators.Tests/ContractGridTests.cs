using System;
using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>The default model with cheap fine-tuning, completed during this build: both closed-form branches occur on the grid.</summary>
[PricingModel]
[CobbDouglas(0.30, 0.20, 0.10)]
[TokenCosts(0.01, 0.02, 0.05)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class GridApi;

/// <summary>Beta values: φ is not affine, so the grid is the interface's default loop over Contract.</summary>
[PricingModel]
[CobbDouglas(0.30, 0.20, 0.10)]
[TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Beta, 2.0, 3.0, 0.0, 2.0)]
public partial class BetaGridApi;

/// <summary>
/// The batch menu: every cell is the member's own contract (to a few ulps: the grid takes a row's powers once), and
/// several threads give the single thread's grid bit for bit.
/// </summary>
public class ContractGridTests
{
    private static readonly double[] Values = [.. Enumerable.Range(0, 41).Select(i => i / 40.0)];
    private static readonly double[] Scales = [.. Enumerable.Range(0, 9).Select(j => 0.2 + 0.1 * j)];

    [Fact]
    public void Every_cell_is_the_contract_of_its_type()
    {
        IPricingModel model = GridApi.Instance;
        var grid = new Contract[Values.Length * Scales.Length];
        model.ContractGrid(Values, Scales, grid);
        for (int i = 0; i < Values.Length; i++)
            for (int j = 0; j < Scales.Length; j++)
                AssertSame(model.Contract(Values[i], Scales[j]), grid[i * Scales.Length + j], $"(w = {Values[i]}, s = {Scales[j]})");
        Assert.Contains(grid, c => c.FineTuning > 0);
        Assert.Contains(grid, c => c.Quality > 0 && c.FineTuning == 0);
        Assert.Contains(grid, c => c.IsEmpty);
    }

    private static void AssertSame(Contract expected, Contract actual, string at)
    {
        Assert.Equal(expected.IsEmpty, actual.IsEmpty);
        double size = Math.Max(Math.Abs(expected.Transfer), Math.Abs(expected.Quality));
        foreach (var (e, a, name) in new[] { (expected.Quality, actual.Quality, "Quality"), (expected.Input, actual.Input, "Input"),
                     (expected.Output, actual.Output, "Output"), (expected.FineTuning, actual.FineTuning, "FineTuning"),
                     (expected.Transfer, actual.Transfer, "Transfer"), (expected.Cost, actual.Cost, "Cost"),
                     (expected.BuyerUtility, actual.BuyerUtility, "BuyerUtility"), (expected.Profit, actual.Profit, "Profit") })
            Assert.True(Math.Abs(e - a) <= 1e-14 * Math.Max(Math.Max(Math.Abs(e), size), 1e-300), $"{name} at {at}: {e:R} vs {a:R}");
    }

    [Fact]
    public void The_parallel_grid_equals_one_thread()
    {
        var one = new Contract[Values.Length * Scales.Length];
        var many = new Contract[one.Length];
        GridApi.Instance.ContractGrid(Values, Scales, one);
        GridApi.Instance.ContractGridParallel(Values, Scales, many, maxDegreeOfParallelism: 3);
        Assert.Equal(one, many);
    }

    [Fact]
    public void A_model_without_a_closed_form_fills_the_grid_through_Contract()
    {
        IPricingModel model = BetaGridApi.Instance;
        double[] values = [0.5, 1.1, 1.7];
        var grid = new Contract[3];
        model.ContractGridParallel(values, [1.0], grid);
        for (int i = 0; i < 3; i++) Assert.Equal(model.Contract(values[i], 1), grid[i]); // the same calls: bit for bit
    }

    [Fact]
    public void Bad_grids_are_refused_by_name()
    {
        IPricingModel model = GridApi.Instance;
        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => model.ContractGrid(Values, Scales, new Contract[5])).ParamName);
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => model.ContractGrid([0.5, double.NaN], [1.0], new Contract[2]));
        Assert.Equal("values", nan.ParamName);
        Assert.StartsWith("values[1]: ", nan.Message);
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => model.ContractGrid([1.5], [1.0], new Contract[1])).ParamName);
        var scale = Assert.Throws<ArgumentOutOfRangeException>(() => model.ContractGrid([0.5], [1.0, 0.1], new Contract[2]));
        Assert.Equal("scales", scale.ParamName);
        Assert.Contains("scales[1]: ", scale.Message);
        // The interface's own loop (no closed form) names them alike.
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => ((IPricingModel)BetaGridApi.Instance).ContractGrid([2.5], [1.0], new Contract[1])).ParamName);
        // Split over threads, the index is still the whole grid's.
        var late = Assert.Throws<ArgumentOutOfRangeException>(() => model.ContractGridParallel([.. Values, 2.0], Scales, new Contract[(Values.Length + 1) * Scales.Length], 4));
        Assert.StartsWith($"values[{Values.Length}]: ", late.Message);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => model.ContractGridParallel([0.5], [1.0], new Contract[1], 0)).ParamName);
    }
}
