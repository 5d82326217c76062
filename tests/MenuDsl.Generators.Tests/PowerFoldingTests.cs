using System;
using MenuDsl;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>Exponents that are 2 in exact arithmetic but not in binary still fold to a product.</summary>
public class PowerFoldingTests
{
    // α + β = 2/3, so κ/δ = 2 exactly, but (0.4 + 0.26666666666666666) / (1 − …) is 1.9999999999999996 in doubles.
    private const string Source = """
        using MenuDsl;
        namespace Folding;
        [PricingModel, CobbDouglas(0.4, 0.26666666666666666, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class SquareApi;
        """;

    [Fact]
    public void NearlyIntegralExponentsFoldAndAgreeWithTheRuntime()
    {
        Assert.NotEqual(2.0, (0.4 + 0.26666666666666666) / (1 - (0.4 + 0.26666666666666666)));
        var (sources, _, _) = GeneratorHarness.Run(Source);
        string text = Assert.Single(sources).Text;
        Assert.Contains("scale * (value * value) * BaseQualityFactor", text);
        Assert.DoesNotContain("Math.Pow(value, 1.99", text);

        var generated = GeneratorHarness.Instance(GeneratorHarness.CompileAndLoad(Source), "Folding.SquareApi");
        var runtime = PricingModel.CobbDouglas(0.4, 0.26666666666666666, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).Build();
        foreach (double w in new[] { 0.55, 0.8, 1.0 })
        {
            Assert.Equal(runtime.Contract(w, 1).Quality, generated.Contract(w, 1).Quality);
            Assert.Equal(runtime.Contract(w, 1).Transfer, generated.Contract(w, 1).Transfer, 1e-12 * runtime.Contract(w, 1).Transfer);
            // q = φ² (A0 b^γ)^(1/δ) with φ = 2w − 1: the folded square is the exact one.
            double a0 = Math.Pow(0.4, 0.4) * Math.Pow(0.26666666666666666 / 2, 0.26666666666666666);
            double phi = 2 * w - 1;
            Assert.Equal(phi * phi * Math.Pow(a0, 1 / (1 - 0.6666666666666666)), generated.Contract(w, 1).Quality, 1e-12);
        }
    }
}
