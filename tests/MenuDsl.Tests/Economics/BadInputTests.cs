using System;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>Bad input throws and names the argument; types below the reserve value get the empty contract.</summary>
public class BadInputTests
{
    private static readonly IIndexModel Model = Models.ExampleA();
    private static readonly IIndexModel NoScales = Models.FineTuning();

    public static TheoryData<double> NonFinite => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Theory]
    [MemberData(nameof(NonFinite))]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void BadValuesAreRejected(double value)
    {
        AssertNames("value", value, () => Model.Contract(value, 0.5));
        AssertNames("value", value, () => Model.Tariff(value, 0.5));
        AssertNames("value", value, () => Model.Efficient(value, 0.5));
        AssertNames("value", value, () => Model.VirtualValue(value));
        AssertNames("value", value, () => Model.Theta(value, 0.5));
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void BadScalesAreRejected(double scale)
    {
        AssertNames("scale", scale, () => Model.Contract(0.7, scale));
        AssertNames("scale", scale, () => Model.Tariff(0.7, scale));
        AssertNames("scale", scale, () => Model.Efficient(0.7, scale));
    }

    [Fact]
    public void WithoutScaleDistributionTheScaleMustBeOne()
    {
        var error = AssertNames("scale", 0.5, () => NoScales.Contract(0.7, 0.5));
        Assert.Contains("no scale distribution", error.Message);
        Assert.True(NoScales.Contract(0.7, 1).Quality > 0);
    }

    [Theory]
    [MemberData(nameof(NonFinite))]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void BadThetasAreRejected(double theta)
    {
        AssertNames("theta", theta, () => Model.Package(theta));
        AssertNames("theta", theta, () => Model.PackageTariff(theta));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    public void TypesAtOrBelowTheReserveValueGetTheEmptyContract(double value)
    {
        Assert.Equal(default, Model.Contract(value, 0.7));
        Assert.True(Model.Contract(value, 0.7).IsEmpty);
        var tariff = Model.Tariff(value, 0.7);
        Assert.Equal(0, tariff.Fee);
        Assert.True(double.IsPositiveInfinity(tariff.InputPrice));
        Assert.True(double.IsPositiveInfinity(tariff.OutputPrice));
        Assert.True(double.IsPositiveInfinity(tariff.FineTuningPrice));
        Assert.True(double.IsPositiveInfinity(Model.PackageTariff(0.2).InputPrice));
    }

    [Theory]
    [InlineData(0.0, 0.2, 0.1, 1.0, "alpha")]
    [InlineData(0.3, -0.2, 0.1, 1.0, "beta")]
    [InlineData(0.3, 0.2, double.NaN, 1.0, "gamma")]
    [InlineData(0.5, 0.3, 0.2, 1.0, "gamma")]   // α + β + γ = 1
    [InlineData(0.3, 0.2, 0.1, 0.0, "baseQuality")]
    [InlineData(0.3, 0.2, 0.1, double.PositiveInfinity, "baseQuality")]
    public void BadTechnologyIsRejected(double alpha, double beta, double gamma, double b, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PricingModel.CobbDouglas(alpha, beta, gamma, b));
        Assert.Equal(name, error.ParamName);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1.0, "input")]
    [InlineData(1.0, double.NaN, 1.0, "output")]
    [InlineData(1.0, 1.0, double.PositiveInfinity, "fineTuning")]
    [InlineData(1.0, 1.0, -5.0, "fineTuning")]
    public void BadCostsAreRejected(double input, double output, double fineTuning, string name)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(input, output, fineTuning));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void BadDistributionsAreRejected()
    {
        var builder = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5);
        Assert.Contains("'lo' (1) must be below 'hi' (0)",
            Assert.Throws<ArgumentException>(() => builder.WithValues(Distribution.Uniform, 1, 0)).Message);
        Assert.Contains("takes 2 parameter(s)",
            Assert.Throws<ArgumentException>(() => builder.WithValues(Distribution.Uniform, 1)).Message);
        Assert.Contains("inside [0, 1]",
            Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithScales(Distribution.Uniform, 0.5, 2)).Message);
        // Pareto with shape ≤ 1: φ = t(1 − 1/shape) ≤ 0, nobody would be served.
        Assert.Contains("nobody would be served",
            Assert.Throws<ArgumentException>(() => builder.WithValues(Distribution.Pareto, 1, 0.8).Build()).Message);
    }

    [Fact]
    public void BuildNeedsCostsAndValues()
    {
        Assert.Contains("WithCosts", Assert.Throws<InvalidOperationException>(
            () => PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithValues(Distribution.Uniform, 0, 1).Build()).Message);
        Assert.Contains("WithValues", Assert.Throws<InvalidOperationException>(
            () => PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).Build()).Message);
    }

    private static ArgumentOutOfRangeException AssertNames(string name, double value, Action call)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.Equal(name, error.ParamName);
        Assert.Equal(value, (double)error.ActualValue!);
        return error;
    }
}
