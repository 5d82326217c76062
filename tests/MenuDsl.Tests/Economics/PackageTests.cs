using System;
using MenuDsl;
using Xunit;
using static MenuDsl.Tests.Economics.ExampleATests;

namespace MenuDsl.Tests.Economics;

/// <summary>Token packages (model.md §4).</summary>
public class PackageTests
{
    public static TheoryData<double, double, double, double, double, double> EightNinthsCases => new()
    {
        // α, γ, b, c_x, c_y, c_z with β = 0.5 − α so that δ = 1/2.
        { 0.3, 0.1, 1.0, 1.0, 2.0, 5.0 },     // Example A: nobody fine-tunes
        { 0.3, 0.1, 1.0, 0.1, 0.1, 0.1 },     // θ̂ ≈ 0.63: the upper types fine-tune
        { 0.25, 0.3, 0.2, 0.05, 0.2, 0.02 },  // θ̂ far below 1: fine-tuning for most served types
        { 0.1, 0.2, 3.0, 0.3, 0.01, 0.5 },
    };

    [Theory]
    [MemberData(nameof(EightNinthsCases))]
    public void PackageMenuEarnsEightNinthsOfTheContractibleMenu(double alpha, double gamma, double b, double cx, double cy, double cz)
    {
        var model = PricingModel.CobbDouglas(alpha, 0.5 - alpha, gamma, b).WithCosts(cx, cy, cz)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0, 1).Build();
        AssertRelative(8.0 / 9 * model.ExpectedProfit(), model.ExpectedPackageProfit(), 1e-8);
        AssertRelative(8.0 / 9 * model.ExpectedRevenue(), model.ExpectedPackageRevenue(), 1e-8);
    }

    [Fact]
    public void SomeEightNinthsCaseFineTunes()
    {
        // Guards the identity test above against silently covering only the no-fine-tuning branch.
        var model = PricingModel.CobbDouglas(0.25, 0.25, 0.3, 0.2).WithCosts(0.05, 0.2, 0.02)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0, 1).Build();
        Assert.True(model.FineTuningThreshold < 0.5);
        Assert.True(model.Package(0.9).FineTuning > 0);
        Assert.True(model.Contract(0.9, 0.9).FineTuning > 0);
    }

    [Theory]
    [InlineData(0.45)]
    [InlineData(0.7)]
    [InlineData(0.99)]
    public void PackageTransferIsThetaQMinusTheIntegralOfQ(double theta)
    {
        var model = (IndexModel)Models.FineTuning(TypeDistribution.Uniform(0.1, 1));
        var package = model.Package(theta);
        var technology = new MenuDsl.Kernel.CobbDouglasCore(0.3, 0.2, 0.1, 1, 0.1, 0.1, 0.1);
        Assert.Equal(technology.Quality(model.ThetaVirtualValue(theta), 1), package.Quality);
        // Independent: adaptive Gauss-Kronrod of the package quality schedule Q(k) = q_FB(φ_θ(k), 1).
        double integral = MathNet.Numerics.Integration.GaussKronrodRule.Integrate(
            k => technology.Quality(model.ThetaVirtualValue(k), 1), model.PackageReserveValue, theta, out _, out _, 1e-12, 25, 61);
        AssertRelative(integral, package.BuyerUtility, 1e-8);
        AssertRelative(theta * package.Quality - integral, package.Transfer, 1e-8);
        // The quality index of the bundle: X^α Y^β (b + Z)^γ.
        AssertRelative(Math.Pow(package.InputTokens, 0.3) * Math.Pow(package.OutputTokens, 0.2) * Math.Pow(1 + package.FineTuning, 0.1),
            package.Quality, 1e-12);
    }

    [Fact]
    public void WithoutScaleDistributionThetaIsTheValue()
    {
        var model = (IndexModel)Models.FineTuning();
        Assert.Equal(model.VirtualValue(0.8), model.ThetaVirtualValue(0.8));
        AssertRelative(model.Contract(0.8, 1).Transfer, model.Package(0.8).Transfer, 1e-12);
    }
}
