using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// A model completed by the generator during this project's own build (the project references the generator as
/// an analyzer), checked against the runtime-built model with the same parameters.
/// </summary>
[PricingModel]
[CobbDouglas(0.25, 0.25, 0.2, BaseQuality = 0.5)]
[TokenCosts(0.05, 0.2, 0.02)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.9)]
[ValueDistribution(Distribution.Uniform, 2.0, 10.0, Weight = 0.1)]
[ScaleDistribution(Distribution.Uniform, 0.0, 1.0)]
public partial class GappedMixtureApi;

public class InBuildModelTests
{
    private static readonly IIndexModel Runtime = PricingModel.CobbDouglas(0.25, 0.25, 0.2, 0.5)
        .WithCosts(0.05, 0.2, 0.02)
        .WithValues(TypeDistribution.Mixture((0.9, TypeDistribution.Uniform(0, 1)), (0.1, TypeDistribution.Uniform(2, 10))))
        .WithScales(Distribution.Uniform, 0, 1)
        .Build();

    [Fact]
    public void GeneratedAtBuildTimeAndEqualToTheRuntimeModel()
    {
        IIndexModel generated = GappedMixtureApi.Instance;
        Assert.Equal(Runtime.ReserveValue, generated.ReserveValue, 12);
        Assert.NotEmpty(generated.Description.Values.PoolingIntervals); // the gap makes φ fall: ironing is exercised
        foreach (double w in new[] { 0.6, 0.95, 1.5, 2.5, 6.0, 9.9 })
            foreach (double s in new[] { 0.3, 1.0 })
            {
                var (expected, actual) = (Runtime.Contract(w, s), generated.Contract(w, s));
                Assert.Equal(expected.Quality, actual.Quality, 1e-9 * expected.Quality);
                Assert.Equal(expected.Transfer, actual.Transfer, 1e-9 * expected.Transfer);
                Assert.Equal(Runtime.Tariff(w, s).Fee, generated.Tariff(w, s).Fee, 1e-9 * expected.Transfer);
            }
    }

    [Fact]
    public void IronedQualityIsNonDecreasingAcrossTheGap()
    {
        IIndexModel model = GappedMixtureApi.Instance;
        var values = Enumerable.Range(0, 400).Select(i => i * 10.0 / 399).ToArray();
        for (int i = 1; i < values.Length; i++)
            Assert.True(model.Contract(values[i], 0.7).Quality >= model.Contract(values[i - 1], 0.7).Quality,
                $"q falls between w = {values[i - 1]} and {values[i]}");
    }

    [Fact]
    public void GeneratedAndRuntimeModelsGetTheSameAudit()
    {
        // The audit reads only what the members return, so equal menus give equal findings (to rounding).
        var generated = MenuAudit.Audit(GappedMixtureApi.Instance);
        var runtime = MenuAudit.Audit(Runtime);
        Assert.Equal(runtime.TypesChecked, generated.TypesChecked);
        Assert.Equal(runtime.DirectRegret, generated.DirectRegret, 1e-9);
        Assert.Equal(runtime.TariffRegret, generated.TariffRegret, 1e-9);
        Assert.Equal(runtime.PackageRegret, generated.PackageRegret, 1e-9);
        Assert.True(generated.MaxRegret <= 1e-9, generated.ToString());
    }
}
