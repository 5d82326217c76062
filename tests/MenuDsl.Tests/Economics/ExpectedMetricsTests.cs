using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Integration;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// Expected profit and revenue for every value family × scale family × fine-tuning regime, against two independent
/// computations written here: the virtual surplus E[φ̄(w) q − C(q, s)] by nested adaptive quadrature over the
/// densities, with q and C from the closed forms of model.md §3 (not the kernel's), and the plain average of the
/// model's own contracts over a quantile grid of types (Myerson's identity says the two agree, gapped mixtures
/// included).
/// </summary>
public sealed class ExpectedMetricsTests
{
    /// <summary>α = .3, β = .2, γ = .1 and three fine-tuning regimes (θ̂ = 16.1, 0.72 and 0.046).</summary>
    public enum Regime { Never, Sometimes, Always }

    private static (double B, double Cx, double Cy, double Cz) Parameters(Regime regime) => regime switch
    {
        Regime.Never => (1, 1, 2, 5),
        Regime.Sometimes => (1, 1, 2, 0.01),
        _ => (1e-3, 1, 2, 0.01),
    };

    private static readonly Dictionary<string, TypeDistribution> Values = new()
    {
        ["Uniform"] = TypeDistribution.Uniform(0, 1),
        ["Exponential"] = TypeDistribution.Exponential(2),
        ["Power(2)"] = TypeDistribution.Power(2, 0, 1),
        ["Power(0.5)"] = TypeDistribution.Power(0.5, 1, 2),
        ["Pareto"] = TypeDistribution.Pareto(1, 4),
        ["Beta(2,3)"] = TypeDistribution.Beta(2, 3, 0, 1),
        ["Beta(0.5,0.5)"] = TypeDistribution.Beta(0.5, 0.5, 0, 2),
        ["LogNormal"] = TypeDistribution.LogNormal(0, 0.5),
        ["TruncatedNormal"] = TypeDistribution.TruncatedNormal(1, 0.5, 0, 3),
        ["TruncatedNormal(∞)"] = TypeDistribution.TruncatedNormal(1, 0.5, 0, double.PositiveInfinity),
        ["Gapped mixture"] = TypeDistribution.Mixture((0.9, TypeDistribution.Uniform(0, 1)), (0.1, TypeDistribution.Uniform(2, 10))),
    };

    private static readonly Dictionary<string, TypeDistribution?> Scales = new()
    {
        ["none"] = null,
        ["Uniform"] = TypeDistribution.Uniform(0.2, 1),
        ["Beta(2,3)"] = TypeDistribution.Beta(2, 3, 0, 1),
        ["TruncatedNormal"] = TypeDistribution.TruncatedNormal(0.5, 0.2, 0, 1),
        ["Mixture"] = TypeDistribution.Mixture((1, TypeDistribution.Uniform(0.1, 0.4)), (1, TypeDistribution.Uniform(0.6, 1))),
    };

    /// <summary>Every value family with no scales and uniform scales, in all three regimes; every scale law with two value laws.</summary>
    public static TheoryData<string, string, Regime> Cases()
    {
        var data = new TheoryData<string, string, Regime>();
        foreach (var value in Values.Keys)
            foreach (var scale in new[] { "none", "Uniform" })
                foreach (var regime in Enum.GetValues<Regime>())
                    data.Add(value, scale, regime);
        foreach (var scale in Scales.Keys.Except(["none", "Uniform"]))
            foreach (var value in new[] { "Exponential", "Gapped mixture" })
                data.Add(value, scale, Regime.Sometimes);
        return data;
    }

    private static IIndexModel Build(string value, string scale, Regime regime)
    {
        var (b, cx, cy, cz) = Parameters(regime);
        var builder = PricingModel.CobbDouglas(0.3, 0.2, 0.1, b).WithCosts(cx, cy, cz).WithValues(Values[value]);
        return (Scales[scale] is { } s ? builder.WithScales(s) : builder).Build();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expected_profit_and_revenue_equal_the_virtual_surplus_by_nested_quadrature(string value, string scale, Regime regime)
    {
        var model = Build(value, scale, regime);
        var reference = new CobbDouglasReference(0.3, 0.2, 0.1, Parameters(regime));

        double Over(Func<double, double, double> measure) => OverScales(Scales[scale], s =>
            OverValues(Values[value], model.ReserveValue, w =>
            {
                double phi = model.VirtualValue(w);
                return phi > 0 ? measure(phi, s) : 0;
            }));
        double profit = Over((phi, s) => { double q = reference.Quality(phi, s); return phi * q - reference.Cost(q, s); });
        double revenue = Over((phi, s) => phi * reference.Quality(phi, s));

        Assert.True(profit > 0, $"the reference profit {profit} must be positive");
        AssertClose(profit, model.ExpectedProfit(), 1e-6, "expected profit");
        AssertClose(revenue, model.ExpectedRevenue(), 1e-6, "expected revenue");
    }

    [Theory]
    [InlineData("Uniform", "none")]
    [InlineData("Exponential", "Uniform")]
    [InlineData("Beta(2,3)", "Beta(2,3)")]
    [InlineData("LogNormal", "none")]
    [InlineData("Pareto", "none")]
    [InlineData("Gapped mixture", "none")]
    [InlineData("Gapped mixture", "Uniform")]
    [InlineData("Power(0.5)", "TruncatedNormal")]
    public void Expected_profit_is_the_average_profit_of_the_models_own_contracts(string value, string scale)
    {
        var model = Build(value, scale, Regime.Sometimes);
        var values = Values[value];
        var scales = Scales[scale];
        // A quantile-space midpoint rule for E[T − C] over the types: equal-mass cells, and cells halving towards
        // u = 1 so that an unbounded tail is not cut off at the last midpoint.
        var valueCells = Cells(3000, values.Support.Upper);
        var scaleCells = scales is null ? [(1.0, 1.0)] : Cells(12, 1).Select(c => (scales.Quantile(c.Mid), c.Weight)).ToArray();
        double profit = 0, revenue = 0;
        foreach (var (s, scaleWeight) in scaleCells)
            foreach (var (u, weight) in valueCells)
            {
                var contract = model.Contract(values.Quantile(u), s);
                profit += scaleWeight * weight * contract.Profit;
                revenue += scaleWeight * weight * contract.Transfer;
            }
        AssertClose(profit, model.ExpectedProfit(), 3e-3, "average contract profit");
        AssertClose(revenue, model.ExpectedRevenue(), 3e-3, "average contract transfer");
    }

    [Theory]
    [InlineData("Exponential", Regime.Sometimes)]
    [InlineData("Pareto", Regime.Always)]
    [InlineData("Beta(0.5,0.5)", Regime.Never)]
    [InlineData("Gapped mixture", Regime.Sometimes)]
    [InlineData("LogNormal", Regime.Sometimes)]
    public void Without_scales_the_package_menu_is_the_contract_menu(string value, Regime regime)
    {
        // θ = w when every buyer runs all tasks, so packages and contracts are the same items and earn the same.
        var model = Build(value, "none", regime);
        AssertClose(model.ExpectedProfit(), model.ExpectedPackageProfit(), 1e-9, "package profit");
        AssertClose(model.ExpectedRevenue(), model.ExpectedPackageRevenue(), 1e-9, "package revenue");
    }

    [Theory]
    [InlineData("Exponential", "Uniform")]
    [InlineData("Beta(2,3)", "Beta(2,3)")]
    [InlineData("Gapped mixture", "TruncatedNormal")]
    public void Expected_package_profit_is_the_average_profit_of_the_models_own_packages(string value, string scale)
    {
        var model = Build(value, scale, Regime.Sometimes);
        var values = Values[value];
        var scales = Scales[scale]!;
        // θ = w s^δ over a quantile-space midpoint grid of (w, s), as for contracts.
        double delta = 1 - 0.3 - 0.2, profit = 0, revenue = 0;
        foreach (var (u, weight) in Cells(160, values.Support.Upper))
            foreach (var (v, scaleWeight) in Cells(6, 1))
            {
                var package = model.Package(values.Quantile(u) * Math.Pow(scales.Quantile(v), delta));
                profit += weight * scaleWeight * package.Profit;
                revenue += weight * scaleWeight * package.Transfer;
            }
        // A coarse grid (each package is a quadrature over a numeric law of θ): the midpoint rule's error is ~1%.
        AssertClose(profit, model.ExpectedPackageProfit(), 2e-2, "average package profit");
        AssertClose(revenue, model.ExpectedPackageRevenue(), 2e-2, "average package transfer");
    }

    [Fact]
    public void A_tail_too_heavy_for_the_surplus_gives_an_infinite_expectation_with_the_reason()
    {
        // Surplus grows like w^(1/ε) = w^2.5 once buyers fine-tune; Pareto shape 2 has no such moment.
        var model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(TypeDistribution.Pareto(1, 2)).Build();
        foreach (var metric in new Func<double>[] { model.ExpectedProfit, model.ExpectedRevenue, model.ExpectedPackageProfit, model.ExpectedPackageRevenue })
        {
            var e = Assert.Throws<InvalidOperationException>(() => metric());
            Assert.Contains("is infinite", e.Message);
            Assert.Contains("x^(−2)", e.Message);
        }
        // Shape 3 > 2.5: finite.
        var light = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(TypeDistribution.Pareto(1, 3)).Build();
        Assert.True(double.IsFinite(light.ExpectedProfit()) && light.ExpectedProfit() > 0);
    }

    /// <summary>Midpoints and masses of quantile cells: n equal ones, the last split in halves towards 1 when the support is unbounded.</summary>
    private static (double Mid, double Weight)[] Cells(int n, double upper)
    {
        var cells = Enumerable.Range(0, n - 1).Select(i => ((i + 0.5) / n, 1.0 / n)).ToList();
        double lo = (n - 1.0) / n, width = 1.0 / n;
        if (double.IsFinite(upper)) return [.. cells, (lo + width / 2, width)];
        for (int k = 0; k < 40; k++, lo += width / 2, width /= 2) cells.Add((lo + width / 4, width / 2));
        return [.. cells];
    }

    private static void AssertClose(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / Math.Abs(expected):G3})");

    /// <summary>E[g(s)] over the scales (g(1) without a scale distribution), by adaptive quadrature on the density.</summary>
    private static double OverScales(TypeDistribution? scales, Func<double, double> g) =>
        scales is null ? g(1) : Integrate(s => g(s) * scales.Pdf(s), scales.Support.Lower, scales.Support.Upper, Breaks(scales));

    /// <summary>E[g(w); w ≥ from] by adaptive quadrature on the density; an unbounded tail through t = from + x/(1 − x).</summary>
    private static double OverValues(TypeDistribution values, double from, Func<double, double> g)
    {
        var (lower, upper) = values.Support;
        from = Math.Max(from, lower);
        double Weighted(double t) { double f = values.Pdf(t); return f == 0 ? 0 : g(t) * f; }
        if (double.IsFinite(upper)) return Integrate(Weighted, from, upper, Breaks(values));
        double split = Math.Max(from, values.Quantile(0.99));
        return Integrate(Weighted, from, split, Breaks(values))
            + Integrate(x => Weighted(split + x / (1 - x)) / ((1 - x) * (1 - x)), 0, 1, []);
    }

    // Where the density or the menu has kinks: support ends of the components, pool ends.
    private static double[] Breaks(TypeDistribution d) =>
        d.Components.SelectMany(c => new[] { c.Part.Support.Lower, c.Part.Support.Upper })
            .Concat(d.PoolingIntervals.SelectMany(p => new[] { p.Lower, p.Upper }))
            .Where(double.IsFinite).ToArray();

    private static double Integrate(Func<double, double> f, double a, double b, double[] breaks)
    {
        var cuts = breaks.Where(x => x > a && x < b).Append(a).Append(b).Distinct().OrderBy(x => x).ToArray();
        double sum = 0;
        for (int i = 1; i < cuts.Length; i++) sum += GaussKronrodRule.Integrate(f, cuts[i - 1], cuts[i], out _, out _, 1e-10, 15, 15);
        return sum;
    }

    /// <summary>
    /// model.md §3 from its statement: q(φ, s) = s φ^(κ/δ) (A0 b^γ)^(1/δ) while φ s^δ ≤ θ̂, else s^(δ/ε) φ^(ρ/ε) A^(1/ε);
    /// C(q, s) = κ s (q/(s A0 b^γ))^(1/κ) below q̂(s) = A0 b^ρ (c_z/γ)^κ s^δ, else ρ s^(−δ/ρ) (q/A)^(1/ρ) − c_z b.
    /// </summary>
    private sealed class CobbDouglasReference(double alpha, double beta, double gamma, (double B, double Cx, double Cy, double Cz) p)
    {
        private readonly double kappa = alpha + beta, delta = 1 - alpha - beta, rho = alpha + beta + gamma, epsilon = 1 - alpha - beta - gamma;
        private double A0 => Math.Pow(alpha / p.Cx, alpha) * Math.Pow(beta / p.Cy, beta);
        private double A => A0 * Math.Pow(gamma / p.Cz, gamma);
        private double ThetaHat => Math.Pow(p.B, epsilon) * Math.Pow(p.Cx / alpha, alpha) * Math.Pow(p.Cy / beta, beta) * Math.Pow(p.Cz / gamma, delta);

        public double Quality(double phi, double s) => s <= 0 ? 0
            : phi * Math.Pow(s, delta) <= ThetaHat
                ? s * Math.Pow(phi, kappa / delta) * Math.Pow(A0 * Math.Pow(p.B, gamma), 1 / delta)
                : Math.Pow(s, delta / epsilon) * Math.Pow(phi, rho / epsilon) * Math.Pow(A, 1 / epsilon);

        public double Cost(double q, double s) => q <= 0 ? 0
            : q <= A0 * Math.Pow(p.B, rho) * Math.Pow(p.Cz / gamma, kappa) * Math.Pow(s, delta)
                ? kappa * s * Math.Pow(q / (s * A0 * Math.Pow(p.B, gamma)), 1 / kappa)
                : rho * Math.Pow(s, -delta / rho) * Math.Pow(q / A, 1 / rho) - p.Cz * p.B;
    }
}
