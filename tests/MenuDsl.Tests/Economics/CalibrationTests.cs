using System;
using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>Linear pricing's profit and types recovered from usage, against closed forms written here from model.md.</summary>
public sealed class CalibrationTests
{
    [Theory]
    [InlineData(1.5)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void Linear_pricing_profit_of_Example_A_is_the_closed_form(double markup)
    {
        // No fine-tuning (θ̂ ≈ 16): at value v on s tasks the first best costs κ v q with q = s v^(κ/δ) (A0 b^γ)^(1/δ),
        // here κ = δ = ½: C = A0² s v² / 2. Buying at v = w/m, the seller keeps (m − 1) C; E[s] = ½, E[w²] = ⅓.
        double expected = (markup - 1) / (markup * markup) * Models.ExampleAA0Squared / 12;
        Assert.Equal(expected, Models.ExampleA().LinearPricingProfit(markup), 1e-12);
        // The best linear markup, 2, keeps half of the optimal menu's A0²/24.
        Assert.True(Models.ExampleA().LinearPricingProfit(2) <= Models.ExampleA().ExpectedProfit() / 2 + 1e-12);
    }

    [Fact]
    public void Linear_pricing_rejects_a_markup_below_one_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Models.ExampleA().LinearPricingProfit(0.9));
        Assert.Equal("markup", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Models.ExampleA().LinearPricingProfit(double.NaN));
    }

    [Theory]
    [InlineData(1.0, 2.0, 5.0)]      // nobody fine-tunes
    [InlineData(0.01, 0.02, 0.05)]   // many do
    public void Thetas_are_recovered_from_the_tokens_customers_bought_under_linear_prices(double cx, double cy, double cz)
    {
        const double alpha = 0.3, beta = 0.2, gamma = 0.1, b = 1, markup = 1.5;
        var model = PricingModel.CobbDouglas(alpha, beta, gamma, b).WithCosts(cx, cy, cz)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();
        var random = new Random(20261130);
        var customers = Enumerable.Range(0, 2000).Select(_ => (W: random.NextDouble(), S: 0.2 + 0.8 * random.NextDouble())).ToArray();

        // model.md §2 written out: a buyer of index θ facing m·c buys the first best of θ/m; totals X = α V/c_x,
        // Y = β V/c_y, b + Z = max(b, γ V/c_z) with V = (t A0 b^γ)^(1/δ) below θ̂ and (t A)^(1/ε) above, t = θ/m.
        double kappa = alpha + beta, delta = 1 - kappa, epsilon = 1 - kappa - gamma;
        double a0 = Math.Pow(alpha / cx, alpha) * Math.Pow(beta / cy, beta), a = a0 * Math.Pow(gamma / cz, gamma);
        double threshold = Math.Pow(b, epsilon) * Math.Pow(cx / alpha, alpha) * Math.Pow(cy / beta, beta) * Math.Pow(cz / gamma, delta);
        Usage Bought(double theta)
        {
            double t = theta / markup;
            double gross = t <= threshold ? Math.Pow(t * a0 * Math.Pow(b, gamma), 1 / delta) : Math.Pow(t * a, 1 / epsilon);
            return new Usage(alpha * gross / cx, beta * gross / cy, Math.Max(0, gamma * gross / cz - b));
        }
        var thetas = customers.Select(c => c.W * Math.Pow(c.S, delta)).ToArray();
        Assert.Contains(thetas, t => t / markup > threshold == (cz < 1));

        var recovered = Calibration.Thetas(model, thetas.Select(Bought), markup);
        for (int i = 0; i < thetas.Length; i++)
            Assert.True(Math.Abs(recovered[i] - thetas[i]) <= 1e-9 * Math.Max(thetas[i], 1e-12), $"customer {i}: θ = {thetas[i]}, recovered {recovered[i]}");
    }

    [Fact]
    public void Bad_usage_and_markups_are_rejected_by_name()
    {
        var model = Models.ExampleA();
        Assert.Equal("markup", Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Thetas(model, [new Usage(1, 1, 0)], 0.5)).ParamName);
        Assert.Equal("usage", Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Thetas(model, [new Usage(-1, 1, 0)], 1.5)).ParamName);
        Assert.Equal("usage", Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Thetas(model, [new Usage(double.NaN, 1, 0)], 1.5)).ParamName);
        Assert.Equal(0, Calibration.Thetas(model, [new Usage(0, 0, 0)], 1.5)[0]);
    }
}
