using System;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>The public test values of model.md §9.</summary>
public class ExampleATests
{
    private static readonly IIndexModel Model = Models.ExampleA();

    [Theory]
    // w, s, q, T, C, p0, m — copied from the table in model.md §9.
    [InlineData(0.60, 1.0, 0.0386636, 0.021265, 0.0038664, 0.0096659, 3.000)]
    [InlineData(0.75, 0.5, 0.0483296, 0.030206, 0.0120824, 0.0120824, 1.500)]
    [InlineData(0.90, 1.0, 0.154655, 0.108258, 0.0618618, 0.0386636, 1.125)]
    [InlineData(1.00, 1.0, 0.193318, 0.144989, 0.0966591, 0.0483296, 1.000)]
    public void TableValuesToSixSignificantDigits(double w, double s, double q, double t, double c, double p0, double m)
    {
        var contract = Model.Contract(w, s);
        var tariff = Model.Tariff(w, s);
        AssertSignificant(q, contract.Quality);
        AssertSignificant(t, contract.Transfer, digits: 5); // the table prints T to 5 digits
        AssertSignificant(c, contract.Cost, digits: 5);
        AssertSignificant(p0, tariff.Fee, digits: 5);
        AssertSignificant(m, tariff.Markup);
        Assert.Equal(s, tariff.TaskCap);
    }

    [Theory]
    [InlineData(0.55, 0.3)]
    [InlineData(0.7, 0.9)]
    [InlineData(0.95, 0.05)]
    public void ClosedFormsOfTheExample(double w, double s)
    {
        double a0Sq = Models.ExampleAA0Squared;
        Assert.Equal(0.193318, a0Sq, 6);
        Assert.Equal(2 * w - 1, Model.VirtualValue(w), 14);
        var contract = Model.Contract(w, s);
        AssertRelative(a0Sq * s * (2 * w - 1), contract.Quality, 1e-13);
        AssertRelative(a0Sq * s * (4 * w * w - 1) / 4, contract.Transfer, 1e-13);
        AssertRelative(a0Sq * s * (2 * w - 1) / 4, Model.Tariff(w, s).Fee, 1e-12);
        AssertRelative(w / (2 * w - 1), Model.Tariff(w, s).Markup, 1e-14);
        Assert.Equal(0.5, Model.ReserveValue);
    }

    [Fact]
    public void FineTuningThresholdOfTheExample() =>
        // θ̂ = b^ε (c_x/α)^α (c_y/β)^β (c_z/γ)^δ with ε = .4, δ = .5; model.md gives ≈ 16.0823.
        Assert.Equal(16.0823, Model.FineTuningThreshold, 4);

    [Fact]
    public void ExpectedProfitOfContractibleMenuIsA0SquaredOver24() =>
        AssertRelative(Models.ExampleAA0Squared / 24, Model.ExpectedProfit(), 1e-10);

    [Fact]
    public void ExpectedRevenueOfContractibleMenuIsA0SquaredOver12() =>
        // ∫₀¹∫_{1/2}¹ A0² s (4w² − 1)/4 dw ds = A0²/12.
        AssertRelative(Models.ExampleAA0Squared / 12, Model.ExpectedRevenue(), 1e-10);

    [Fact]
    public void ExpectedProfitOfPackageMenuIsA0SquaredOver27() =>
        AssertRelative(Models.ExampleAA0Squared / 27, Model.ExpectedPackageProfit(), 1e-9);

    [Fact]
    public void PackageVirtualValueAndExclusion()
    {
        // δ = 1/2, w, s ~ U[0,1]: φ_θ = (3θ − 1)/2, so θ < 1/3 is excluded and Q(θ) = A0² φ_θ.
        var model = (IndexModel)Model;
        Assert.Equal(1.0 / 3, model.PackageReserveValue, 12);
        foreach (double theta in new[] { 0.4, 0.6, 0.9 })
        {
            Assert.Equal((3 * theta - 1) / 2, model.ThetaVirtualValue(theta), 10);
            AssertRelative(Models.ExampleAA0Squared * (3 * theta - 1) / 2, Model.Package(theta).Quality, 1e-9);
        }
        Assert.Equal(0, Model.Package(0.3).Quality);
    }

    internal static void AssertSignificant(double expected, double actual, int digits = 6)
    {
        double scale = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(expected))) - digits + 1);
        Assert.True(Math.Abs(expected - actual) <= 0.5 * scale + 1e-15,
            $"expected {expected} to {digits} significant digits, got {actual}");
    }

    internal static void AssertRelative(double expected, double actual, double tolerance)
    {
        double error = Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(error <= tolerance, $"expected {expected:R}, got {actual:R} (relative error {error:E2} > {tolerance:E0})");
    }
}
