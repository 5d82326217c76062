using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// Numerical edges (issue "Reliability", point 6): huge types on unbounded supports, α + β + γ near 1, tiny b, huge
/// and tiny costs, types at support ends and at the fine-tuning switch. Every public member either returns finite
/// numbers that are monotone where theory says so, or throws the named exception; never NaN or ±∞.
/// </summary>
public class NumericalEdgeTests
{
    private static IIndexModel Build(double alpha, double beta, double gamma, double b, double cx, double cy, double cz,
        TypeDistribution values, TypeDistribution? scales = null)
    {
        var builder = PricingModel.CobbDouglas(alpha, beta, gamma, b).WithCosts(cx, cy, cz).WithValues(values);
        return (scales is null ? builder : builder.WithScales(scales)).Build();
    }

    private static bool Finite(double x) => double.IsFinite(x);

    private static void AssertFinite(Contract c, string at) =>
        Assert.True(new[] { c.Quality, c.Input, c.Output, c.FineTuning, c.Transfer, c.Cost, c.BuyerUtility, c.Profit }.All(Finite), $"{at}: {c}");

    private static void AssertFinite(PackageContract p, string at) =>
        Assert.True(new[] { p.Quality, p.InputTokens, p.OutputTokens, p.FineTuning, p.Transfer, p.Cost, p.BuyerUtility, p.Profit }.All(Finite), $"{at}: {p}");

    private static void AssertFinite(Allocation a, string at) =>
        Assert.True(new[] { a.Quality, a.Input, a.Output, a.FineTuning, a.Surplus }.All(Finite), $"{at}: {a}");

    private static void AssertFinite(TwoPartTariff t, string at)
    {
        if (t.IsNoSale || t.Included is not null) { Assert.True(Finite(t.Fee), $"{at}: {t}"); return; }
        Assert.True(new[] { t.InputPrice, t.OutputPrice, t.FineTuningPrice, t.Fee, t.Markup }.All(Finite), $"{at}: {t}");
    }

    /// <summary>The result, or null when the call threw the overflow exception naming <paramref name="argument"/>.</summary>
    private static T? FiniteOrNamed<T>(Func<T> call, string argument) where T : struct
    {
        try
        {
            return call();
        }
        catch (ArgumentOutOfRangeException e)
        {
            Assert.Equal(argument, e.ParamName);
            Assert.Contains("overflows double precision", e.Message);
            Assert.DoesNotContain("NaN", e.Message.Split('(')[0]);
            return null;
        }
    }

    // ---- huge types on unbounded supports ----

    public static TheoryData<string> UnboundedFamilies => new() { "Exponential", "Pareto", "LogNormal" };

    private static TypeDistribution Family(string name) => name switch
    {
        "Exponential" => TypeDistribution.Exponential(1),
        "Pareto" => TypeDistribution.Pareto(1, 3),
        _ => TypeDistribution.LogNormal(0, 1),
    };

    private static readonly double[] HugeValues = [1e3, 1e6, 1e12, 1e100, 1e300];

    [Theory]
    [MemberData(nameof(UnboundedFamilies))]
    public void Huge_values_on_unbounded_supports_are_finite_and_monotone_or_named(string family)
    {
        var model = Build(0.3, 0.2, 0.1, 1, 1, 2, 5, Family(family));
        Contract? previous = null;
        PackageContract? previousPackage = null;
        foreach (double w in HugeValues)
        {
            string at = $"{family}, w = {w:R}";
            Assert.True(Finite(model.VirtualValue(w)), at);
            Assert.True(Finite(model.Theta(w, 1)), at);
            if (FiniteOrNamed(() => model.Efficient(w, 1), "value") is { } a) AssertFinite(a, at);
            if (FiniteOrNamed(() => model.Tariff(w, 1), "value") is { } t) AssertFinite(t, at);
            if (FiniteOrNamed(() => model.PackageTariff(w), "theta") is { } pt) AssertFinite(pt, at);
            if (FiniteOrNamed(() => model.Contract(w, 1), "value") is { } c)
            {
                AssertFinite(c, at);
                Assert.True(c.BuyerUtility >= 0, at);
                if (previous is { } p)
                {
                    Assert.True(c.Quality >= p.Quality && c.Transfer >= p.Transfer && c.BuyerUtility >= p.BuyerUtility, $"{at}: {p} then {c}");
                }
                previous = c;
            }
            if (FiniteOrNamed(() => model.Package(w), "theta") is { } pk)
            {
                AssertFinite(pk, at);
                Assert.True(pk.BuyerUtility >= 0, at);
                if (previousPackage is { } p)
                    Assert.True(pk.Quality >= p.Quality && pk.Transfer >= p.Transfer && pk.BuyerUtility >= p.BuyerUtility, $"{at}: {p} then {pk}");
                previousPackage = pk;
            }
        }
        // The known bug: w = 1e300 made q = ∞ and the transfer ∞ − ∞ = NaN. Now every item of it is refused by name.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Contract(1e300, 1));
        Assert.Equal("value", error.ParamName);
        Assert.Contains("w = 1E+300", error.Message);
        Assert.Contains("quality = ∞", error.Message);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => model.Tariff(1e300, 1)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => model.Efficient(1e300, 1)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => model.Package(1e300)).ParamName);
        Assert.Equal("theta", Assert.Throws<ArgumentOutOfRangeException>(() => model.PackageTariff(1e300)).ParamName);
        // 1e3 is an ordinary type: it must be priced.
        Assert.False(model.Contract(1e3, 1).IsEmpty);
    }

    [Fact]
    public void Huge_values_with_scales_use_the_same_check()
    {
        // w ~ Exponential, s ~ U[0, 1]: θ's law is numeric, the contract's rent closed form.
        var model = Build(0.3, 0.2, 0.1, 1, 1, 2, 5, TypeDistribution.Exponential(1), TypeDistribution.Uniform(0, 1));
        foreach (double s in new[] { 0.01, 0.5, 1.0 })
        {
            AssertFinite(model.Contract(1e12, s), $"s = {s}");
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Contract(1e300, s));
            Assert.Equal("value", error.ParamName);
        }
        // s = 0 runs no tasks: the empty contract, whatever w.
        Assert.True(model.Contract(1e300, 0).IsEmpty);
    }

    // ---- technologies whose constants overflow are refused at Build() ----

    public static TheoryData<double, double, double, double, double, double, double, string> OverflowingTechnologies => new()
    {
        // ε = 1e-7: A^(1/ε) underflows (A < 1) or overflows (A > 1).
        { 0.3, 0.2, 0.4999999, 1, 1, 2, 5, "gamma" },
        { 0.3, 0.2, 0.4999999, 1, 1, 1, 1, "gamma" },
        { 0.3, 0.2, 0.4999999, 1, 1e-3, 1e-3, 1e-3, "gamma" },
        // Costs of 1e300: A^(1/ε) underflows; the input term α ln(α/c_x) dominates ln A.
        { 0.3, 0.2, 0.1, 1, 1e300, 1e300, 1e300, "input" },
    };

    [Theory]
    [MemberData(nameof(OverflowingTechnologies))]
    public void Technologies_whose_constants_overflow_are_refused_by_name(double alpha, double beta, double gamma, double b, double cx, double cy, double cz, string parameter)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Build(alpha, beta, gamma, b, cx, cy, cz, TypeDistribution.Uniform(0, 10)));
        Assert.Equal(parameter, error.ParamName);
        Assert.Contains("double precision", error.Message);
    }

    // ---- extreme but representable parameters: finite and monotone ----

    public static TheoryData<string, double, double, double, double, double, double, double> ExtremeTechnologies => new()
    {
        { "alpha + beta + gamma = 0.99", 0.3, 0.2, 0.49, 1, 1, 2, 5 },
        { "tiny base quality", 0.3, 0.2, 0.1, 1e-12, 1, 2, 5 },
        { "huge costs", 0.3, 0.2, 0.1, 1, 1e12, 1e12, 1e12 },
        { "tiny costs", 0.3, 0.2, 0.1, 1, 1e-12, 1e-12, 1e-12 },
        { "tiny fine-tuning cost", 0.3, 0.2, 0.1, 1, 1, 2, 1e-12 },
        { "huge fine-tuning cost", 0.3, 0.2, 0.1, 1, 1, 2, 1e12 },
    };

    [Theory]
    [MemberData(nameof(ExtremeTechnologies))]
    public void Extreme_parameters_give_finite_monotone_menus(string name, double alpha, double beta, double gamma, double b, double cx, double cy, double cz)
    {
        var model = Build(alpha, beta, gamma, b, cx, cy, cz, TypeDistribution.Uniform(0, 10), TypeDistribution.Uniform(0, 1));
        var grid = Enumerable.Range(0, 41).Select(i => i * 10.0 / 40).ToArray();
        foreach (double s in new[] { 0.0, 0.3, 1.0 })
        {
            Contract? previous = null;
            foreach (double w in grid)
            {
                string at = $"{name}: (w, s) = ({w}, {s})";
                var c = model.Contract(w, s);
                AssertFinite(c, at);
                AssertFinite(model.Tariff(w, s), at);
                AssertFinite(model.Efficient(w, s), at);
                Assert.True(c.BuyerUtility >= 0, at);
                if (previous is { } p)
                    Assert.True(c.Quality >= p.Quality && c.Transfer >= p.Transfer * (1 - 1e-12) && c.BuyerUtility >= p.BuyerUtility * (1 - 1e-12), $"{at}: {p} then {c}");
                previous = c;
            }
        }
        PackageContract? before = null;
        foreach (double theta in grid)
        {
            var pk = model.Package(theta);
            AssertFinite(pk, $"{name}: θ = {theta}");
            AssertFinite(model.PackageTariff(theta), $"{name}: θ = {theta}");
            if (before is { } p)
                Assert.True(pk.Quality >= p.Quality && pk.Transfer >= p.Transfer * (1 - 1e-12), $"{name}: θ = {theta}: {p} then {pk}");
            before = pk;
        }
    }

    // ---- support ends and the fine-tuning switch ----

    [Fact]
    public void Types_at_the_ends_of_the_support_are_finite()
    {
        var model = Build(0.3, 0.2, 0.1, 1, 1, 2, 5, TypeDistribution.Uniform(0, 40), TypeDistribution.Uniform(0.2, 1));
        foreach (double w in new[] { 0.0, 20.0, 40.0 })
            foreach (double s in new[] { 0.2, 1.0 })
            {
                var c = model.Contract(w, s);
                AssertFinite(c, $"({w}, {s})");
                AssertFinite(model.Tariff(w, s), $"({w}, {s})");
                AssertFinite(model.Efficient(w, s), $"({w}, {s})");
            }
        Assert.True(model.Contract(0, 1).IsEmpty);
        Assert.True(model.Contract(20, 1).IsEmpty); // φ(20) = 0 exactly: the reserve value is excluded
        Assert.True(model.Tariff(20, 1).IsNoSale);
        var (lower, upper) = ((IndexModel)model).ThetaSupport;
        foreach (double theta in new[] { lower, upper })
        {
            AssertFinite(model.Package(theta), $"θ = {theta}");
            AssertFinite(model.PackageTariff(theta), $"θ = {theta}");
        }
    }

    [Fact]
    public void Quality_is_continuous_at_the_fine_tuning_switch()
    {
        // φ(w) = 2w − 40 on U[0, 40]; θ̂ ≈ 16.08: the item of (w, 1) fine-tunes iff 2w − 40 > θ̂.
        var model = Build(0.3, 0.2, 0.1, 1, 1, 2, 5, TypeDistribution.Uniform(0, 40));
        double threshold = model.FineTuningThreshold;

        // First best at θ = θ̂ exactly (s = 1, so θ = w) and its neighbours.
        var at = model.Efficient(threshold, 1);
        var above = model.Efficient(Math.BitIncrement(threshold), 1);
        Assert.False(at.FineTunes);
        Assert.True(above.FineTunes);
        Assert.Equal(at.Quality, above.Quality, 1e-9 * at.Quality);
        Assert.Equal(at.Surplus, above.Surplus, 1e-9 * at.Surplus);

        // Screening at φ(w) s^δ = θ̂.
        double w = (threshold + 40) / 2;
        var below = model.Contract(Math.BitDecrement(w), 1);
        var exact = model.Contract(w, 1);
        var after = model.Contract(Math.BitIncrement(w), 1);
        foreach (var (x, y) in new[] { (below, exact), (exact, after) })
        {
            Assert.Equal(x.Quality, y.Quality, 1e-9 * x.Quality);
            Assert.Equal(x.Transfer, y.Transfer, 1e-9 * x.Transfer);
            // Non-decreasing up to roundoff: the two branches of q meet at the switch to within a few ulps.
            Assert.True(y.Quality >= x.Quality * (1 - 1e-13) && y.Transfer >= x.Transfer * (1 - 1e-13), $"{x} then {y}");
        }
        Assert.True(exact.FineTuning < 1e-9, $"z at the switch: {exact.FineTuning}"); // z starts from 0 continuously

        // The package menu at φ_θ(θ) = θ̂ (no scales: θ = w).
        var package = model.Package(w);
        var next = model.Package(Math.BitIncrement(w));
        Assert.Equal(package.Quality, next.Quality, 1e-9 * package.Quality);
    }
}
