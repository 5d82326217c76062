using System;
using System.Linq;
using MathNet.Numerics.Distributions;
using MenuDsl.Kernel;
using Xunit;
using MBeta = MathNet.Numerics.Distributions.Beta;
using MExponential = MathNet.Numerics.Distributions.Exponential;
using MLogNormal = MathNet.Numerics.Distributions.LogNormal;
using MPareto = MathNet.Numerics.Distributions.Pareto;

namespace MenuDsl.Tests.Distributions;

/// <summary>
/// The distribution families of <see cref="TypeDistribution"/> against an independent reference (MathNet, or a
/// closed form written here), their virtual values, and the argument and parameter checks.
/// </summary>
public class FamilyTests
{
    private const double Rel = 1e-10;

    /// <summary>A family built through the public API and its reference law computed without the kernel.</summary>
    private sealed record Reference(
        TypeDistribution Dist,
        Func<double, double> Pdf,
        Func<double, double> Cdf,
        Func<double, double> Quantile,
        double Lo,
        double Hi)
    {
        /// <summary>Top of the test grid: the support's end, or a far quantile when the support is unbounded.</summary>
        public double GridTop(double tail = 1e-3) => double.IsPositiveInfinity(Hi) ? Quantile(1 - tail) : Hi;
    }

    public static readonly TheoryData<string> Cases = new()
    {
        "Uniform(1,3)", "Uniform(0,0.5)", "Exponential(2.5)", "Power(2.5,1,4)", "Power(0.5,1,2)", "Power(1,0,2)",
        "Pareto(2,3)", "Pareto(0.5,1.2)", "Beta(2,3,1,5)", "Beta(0.5,0.7,0,1)", "Beta(1,1,2,3)", "LogNormal(0.3,0.8)",
        "TruncatedNormal(1,2,0.5,4)", "TruncatedNormal(1,0.7,0,inf)", "TruncatedNormal(-1,1,0.5,inf)",
    };

    private static Reference Make(string name)
    {
        switch (name)
        {
            case "Uniform(1,3)": return Uniform(1, 3);
            case "Uniform(0,0.5)": return Uniform(0, 0.5);
            case "Exponential(2.5)":
            {
                var m = new MExponential(2.5);
                return new(TypeDistribution.Exponential(2.5), m.Density, m.CumulativeDistribution, m.InverseCumulativeDistribution, 0, double.PositiveInfinity);
            }
            case "Power(2.5,1,4)": return Power(2.5, 1, 4);
            case "Power(0.5,1,2)": return Power(0.5, 1, 2);
            case "Power(1,0,2)": return Power(1, 0, 2);
            case "Pareto(2,3)": return Pareto(2, 3);
            case "Pareto(0.5,1.2)": return Pareto(0.5, 1.2);
            case "Beta(2,3,1,5)": return Beta(2, 3, 1, 5);
            case "Beta(0.5,0.7,0,1)": return Beta(0.5, 0.7, 0, 1);
            case "Beta(1,1,2,3)": return Beta(1, 1, 2, 3);
            case "LogNormal(0.3,0.8)":
            {
                var m = new MLogNormal(0.3, 0.8);
                return new(TypeDistribution.LogNormal(0.3, 0.8), m.Density, m.CumulativeDistribution, m.InverseCumulativeDistribution, 0, double.PositiveInfinity);
            }
            case "TruncatedNormal(1,2,0.5,4)": return TruncatedNormal(1, 2, 0.5, 4);
            case "TruncatedNormal(1,0.7,0,inf)": return TruncatedNormal(1, 0.7, 0, double.PositiveInfinity);
            case "TruncatedNormal(-1,1,0.5,inf)": return TruncatedNormal(-1, 1, 0.5, double.PositiveInfinity);
            default: throw new ArgumentException(name);
        }
    }

    private static Reference Uniform(double lo, double hi)
    {
        var m = new ContinuousUniform(lo, hi);
        return new(TypeDistribution.Uniform(lo, hi), m.Density, m.CumulativeDistribution, m.InverseCumulativeDistribution, lo, hi);
    }

    private static Reference Pareto(double scale, double shape)
    {
        var m = new MPareto(scale, shape);
        return new(TypeDistribution.Pareto(scale, shape), m.Density, m.CumulativeDistribution, m.InverseCumulativeDistribution, scale, double.PositiveInfinity);
    }

    // Power law F = x^c with x = (t − lo)/(hi − lo), written out here.
    private static Reference Power(double c, double lo, double hi) => new(
        TypeDistribution.Power(c, lo, hi),
        t => t < lo || t > hi ? 0 : c * Math.Pow((t - lo) / (hi - lo), c - 1) / (hi - lo),
        t => t <= lo ? 0 : t >= hi ? 1 : Math.Pow((t - lo) / (hi - lo), c),
        u => lo + (hi - lo) * Math.Pow(u, 1 / c),
        lo, hi);

    // MathNet's beta law on [0, 1] rescaled onto [lo, hi]; the quantile by bisection on MathNet's CDF because
    // MathNet's own inverse only promises 1e-12 absolute accuracy.
    private static Reference Beta(double a, double b, double lo, double hi)
    {
        var m = new MBeta(a, b);
        double Cdf(double t) => t <= lo ? 0 : t >= hi ? 1 : m.CumulativeDistribution((t - lo) / (hi - lo));
        return new(
            TypeDistribution.Beta(a, b, lo, hi),
            t => t < lo || t > hi ? 0 : m.Density((t - lo) / (hi - lo)) / (hi - lo),
            Cdf,
            u => Bisect(t => Cdf(t) >= u, lo, hi),
            lo, hi);
    }

    // Normal(mean, sd) conditioned on [lo, hi] from MathNet's Φ; masses from the upper tail when lo is above the
    // mean, so the conditioning does not cancel.
    private static Reference TruncatedNormal(double mean, double sd, double lo, double hi)
    {
        double zl = (lo - mean) / sd, zh = (hi - mean) / sd;
        bool upper = zl >= 0;
        double Between(double z1, double z2) => upper ? Normal.CDF(0, 1, -z1) - Normal.CDF(0, 1, -z2) : Normal.CDF(0, 1, z2) - Normal.CDF(0, 1, z1);
        double mass = Between(zl, zh);
        return new(
            TypeDistribution.TruncatedNormal(mean, sd, lo, hi),
            t => t < lo || t > hi ? 0 : Normal.PDF(mean, sd, t) / mass,
            t => t <= lo ? 0 : t >= hi ? 1 : Between(zl, (t - mean) / sd) / mass,
            u => upper
                ? mean - sd * Normal.InvCDF(0, 1, Normal.CDF(0, 1, -zh) + (1 - u) * mass)
                : mean + sd * Normal.InvCDF(0, 1, Normal.CDF(0, 1, zl) + u * mass),
            lo, hi);
    }

    private static double Bisect(Func<double, bool> isAbove, double lo, double hi)
    {
        for (int i = 0; i < 200 && hi - lo > 0; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (isAbove(mid)) hi = mid; else lo = mid;
        }
        return hi;
    }

    /// <summary>Points strictly inside (lo, top), avoiding the ends where densities may be singular.</summary>
    private static double[] Grid(double lo, double top, int n) =>
        Enumerable.Range(0, n).Select(i => lo + (i + 0.5) / n * (top - lo)).ToArray();

    private static void Close(double expected, double actual, double rel, string what, double abs = 1e-15)
    {
        double err = Math.Abs(actual - expected);
        Assert.True(err <= rel * Math.Abs(expected) + abs,
            $"{what}: expected {expected:R}, got {actual:R} (error {err:E2})");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pdf_and_Cdf_match_the_reference_law(string name)
    {
        var r = Make(name);
        foreach (double t in Grid(r.Lo, r.GridTop(), 200))
        {
            Close(r.Pdf(t), r.Dist.Pdf(t), Rel, $"{name} pdf at {t}");
            Close(r.Cdf(t), r.Dist.Cdf(t), Rel, $"{name} cdf at {t}");
        }
        // Outside the support: no density, F = 0 below and 1 above.
        Assert.Equal(0, r.Dist.Pdf(r.Lo - 0.25));
        Assert.Equal(0, r.Dist.Cdf(r.Lo - 0.25));
        if (!double.IsPositiveInfinity(r.Hi))
        {
            Assert.Equal(0, r.Dist.Pdf(r.Hi + 0.25));
            Assert.Equal(1, r.Dist.Cdf(r.Hi + 0.25));
        }
        Assert.Equal((r.Lo, r.Hi), r.Dist.Support);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quantile_matches_the_reference_inverse(string name)
    {
        var r = Make(name);
        double[] levels = [1e-6, 1e-3, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999];
        foreach (double u in levels)
        {
            double q = r.Dist.Quantile(u);
            Close(r.Quantile(u), q, Rel, $"{name} quantile at {u}", abs: 1e-14);
            // Round trip through the reference law, independent of how either inverse was computed; F can only
            // be as exact as q itself, which is rounded to a few ulps (matters near a singular density).
            Close(u, r.Cdf(q), 1e-9, $"{name} F(Q({u}))", abs: r.Pdf(q) * 4 * (Math.BitIncrement(q) - q));
        }
        Assert.Equal(r.Lo, r.Dist.Quantile(0));
        if (!double.IsPositiveInfinity(r.Hi)) Assert.Equal(r.Hi, r.Dist.Quantile(1));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Raw_virtual_value_is_t_minus_inverse_hazard(string name)
    {
        var r = Make(name);
        foreach (double t in Grid(r.Lo, r.GridTop(), 200))
        {
            double inverseHazard = (1 - r.Cdf(t)) / r.Pdf(t);
            // Absolute tolerance on the scale of the two terms: φ itself crosses zero.
            double expected = t - inverseHazard;
            double err = Math.Abs(r.Dist.RawVirtualValue(t) - expected);
            Assert.True(err <= 1e-10 * (Math.Abs(t) + inverseHazard) + 1e-14,
                $"{name} φ({t}): expected {expected:R}, got {r.Dist.RawVirtualValue(t):R}");
        }
    }

    // model.md §6 / Families.cs: affine φ for uniform (2t − hi), exponential (t − 1/rate), Pareto (t(1 − 1/shape)),
    // and the uniform special cases power c = 1 and beta(1, 1).
    [Theory]
    [InlineData("Uniform(1,3)", 2, -3)]
    [InlineData("Uniform(0,0.5)", 2, -0.5)]
    [InlineData("Exponential(2.5)", 1, -0.4)]
    [InlineData("Pareto(2,3)", 2.0 / 3, 0)]
    [InlineData("Pareto(0.5,1.2)", 1 - 1 / 1.2, 0)]
    [InlineData("Power(1,0,2)", 2, -2)]
    [InlineData("Beta(1,1,2,3)", 2, -3)]
    public void Documented_affine_virtual_values(string name, double slope, double intercept)
    {
        var r = Make(name);
        var affine = r.Dist.Core.AffineVirtualValue;
        Assert.NotNull(affine);
        Close(slope, affine.Value.Slope, 1e-15, $"{name} slope");
        Close(intercept, affine.Value.Intercept, 1e-15, $"{name} intercept");
        foreach (double t in Grid(r.Lo, r.GridTop(), 50))
        {
            Close(slope * t + intercept, r.Dist.VirtualValue(t), 1e-13, $"{name} ironed φ({t})", abs: 1e-13);
            Close(slope * t + intercept, r.Dist.RawVirtualValue(t), 1e-13, $"{name} raw φ({t})", abs: 1e-13);
        }
    }

    [Theory]
    [InlineData("Power(2.5,1,4)")]
    [InlineData("Power(0.5,1,2)")]
    [InlineData("Beta(2,3,1,5)")]
    [InlineData("LogNormal(0.3,0.8)")]
    [InlineData("TruncatedNormal(1,2,0.5,4)")]
    public void Non_affine_families_report_no_affine_virtual_value(string name) =>
        Assert.Null(Make(name).Dist.Core.AffineVirtualValue);

    // Certification (model.md §6): uniform, exponential, Pareto, power c ≥ 1, beta a, b ≥ 1 and truncated normal
    // (log-concave). A power law with c < 1, a U-shaped beta and the log-normal are not certified.
    private static readonly string[] Uncertified = ["Power(0.5,1,2)", "Beta(0.5,0.7,0,1)", "LogNormal(0.3,0.8)"];

    // The documented rule decides which cases the monotonicity check below applies to, so it never skips one.
    public static readonly TheoryData<string> CertifiedCases = new(Cases.Cast<object[]>().Select(row => (string)row[0]).Except(Uncertified));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Certification_follows_the_documented_rule(string name) =>
        Assert.Equal(!Uncertified.Contains(name), Make(name).Dist.IsCertifiedRegular);

    [Theory]
    [MemberData(nameof(CertifiedCases))]
    public void Certified_families_have_a_non_decreasing_virtual_value(string name)
    {
        var r = Make(name);
        Assert.True(r.Dist.IsCertifiedRegular, $"{name} is documented as certified");
        Assert.Empty(r.Dist.PoolingIntervals);
        double[] grid = Grid(r.Lo, r.GridTop(1e-7), 5000);
        double previousKernel = double.NegativeInfinity, previousReference = double.NegativeInfinity;
        foreach (double t in grid)
        {
            double kernel = r.Dist.VirtualValue(t);
            double reference = t - (1 - r.Cdf(t)) / r.Pdf(t);
            double tol = 1e-12 * (1 + Math.Abs(t));
            Assert.True(kernel >= previousKernel - tol, $"{name}: kernel φ decreases at {t}: {previousKernel:R} -> {kernel:R}");
            // The certificate itself, checked on the reference law (the reference tail loses digits, hence 1e-9).
            Assert.True(reference >= previousReference - 1e-9 * (1 + Math.Abs(t)),
                $"{name}: reference φ decreases at {t}: {previousReference:R} -> {reference:R}");
            previousKernel = kernel;
            previousReference = reference;
        }
    }

    // --- parameter checks -------------------------------------------------------------------------------------

    [Theory]
    [InlineData(Distribution.Uniform, new[] { 1.0 }, new[] { "Uniform", "takes 2 parameter(s) (lo, hi)", "but 1 were given" })]
    [InlineData(Distribution.Exponential, new[] { 1.0, 2.0 }, new[] { "Exponential", "takes 1 parameter(s) (rate)", "but 2 were given" })]
    [InlineData(Distribution.Beta, new[] { 1.0, 2.0, 0.0 }, new[] { "Beta", "takes 4 parameter(s) (a, b, lo, hi)", "but 3 were given" })]
    [InlineData(Distribution.TruncatedNormal, new double[0], new[] { "TruncatedNormal", "takes 4 parameter(s)", "but 0 were given" })]
    [InlineData(Distribution.Uniform, new[] { 1.0, 1.0 }, new[] { "'lo' (1)", "must be below", "'hi' (1)" })]
    [InlineData(Distribution.Uniform, new[] { 2.0, 1.0 }, new[] { "'lo' (2)", "must be below", "'hi' (1)" })]
    [InlineData(Distribution.Power, new[] { 2.0, 3.0, 2.5 }, new[] { "'lo' (3)", "'hi' (2.5)" })]
    [InlineData(Distribution.Beta, new[] { 2.0, 2.0, 1.0, 1.0 }, new[] { "'lo' (1)", "'hi' (1)" })]
    [InlineData(Distribution.TruncatedNormal, new[] { 0.0, 1.0, 2.0, 1.0 }, new[] { "'lo' (2)", "'hi' (1)" })]
    [InlineData(Distribution.Uniform, new[] { -1.0, 1.0 }, new[] { "'lo'", ">= 0", "-1" })]
    [InlineData(Distribution.Power, new[] { 1.0, -0.5, 1.0 }, new[] { "'lo'", ">= 0", "-0.5" })]
    [InlineData(Distribution.TruncatedNormal, new[] { 0.0, 1.0, -2.0, 1.0 }, new[] { "'lo'", ">= 0", "-2" })]
    [InlineData(Distribution.Exponential, new[] { 0.0 }, new[] { "'rate'", "> 0", "is 0" })]
    [InlineData(Distribution.Exponential, new[] { -2.0 }, new[] { "'rate'", "> 0", "-2" })]
    [InlineData(Distribution.Power, new[] { 0.0, 0.0, 1.0 }, new[] { "'c'", "> 0" })]
    [InlineData(Distribution.Pareto, new[] { 0.0, 2.0 }, new[] { "'scale'", "> 0" })]
    [InlineData(Distribution.Pareto, new[] { 1.0, -1.0 }, new[] { "'shape'", "> 0", "-1" })]
    [InlineData(Distribution.Beta, new[] { 0.0, 1.0, 0.0, 1.0 }, new[] { "'a'", "> 0" })]
    [InlineData(Distribution.Beta, new[] { 1.0, -3.0, 0.0, 1.0 }, new[] { "'b'", "> 0", "-3" })]
    [InlineData(Distribution.LogNormal, new[] { 0.0, 0.0 }, new[] { "'sigma'", "> 0" })]
    [InlineData(Distribution.TruncatedNormal, new[] { 0.0, -1.0, 0.0, 1.0 }, new[] { "'sd'", "> 0", "-1" })]
    [InlineData(Distribution.Uniform, new[] { double.NaN, 1.0 }, new[] { "Uniform", "'lo'", "finite", "NaN" })]
    [InlineData(Distribution.Exponential, new[] { double.NaN }, new[] { "'rate'", "finite", "NaN" })]
    [InlineData(Distribution.LogNormal, new[] { 0.0, double.NaN }, new[] { "'sigma'", "finite", "NaN" })]
    [InlineData(Distribution.Uniform, new[] { 0.0, double.PositiveInfinity }, new[] { "'hi'", "finite", "Infinity" })]
    [InlineData(Distribution.Exponential, new[] { double.PositiveInfinity }, new[] { "'rate'", "finite", "Infinity" })]
    [InlineData(Distribution.LogNormal, new[] { double.NegativeInfinity, 1.0 }, new[] { "'mu'", "finite", "-Infinity" })]
    [InlineData(Distribution.Pareto, new[] { 1.0, double.PositiveInfinity }, new[] { "'shape'", "finite" })]
    // Only the upper end of a truncated normal may be infinite, and only +∞.
    [InlineData(Distribution.TruncatedNormal, new[] { 0.0, 1.0, 0.0, double.NegativeInfinity }, new[] { "'hi'", "finite", "-Infinity" })]
    [InlineData(Distribution.TruncatedNormal, new[] { 0.0, 1.0, double.PositiveInfinity, double.PositiveInfinity }, new[] { "'lo'", "finite" })]
    [InlineData(Distribution.TruncatedNormal, new[] { double.PositiveInfinity, 1.0, 0.0, 1.0 }, new[] { "'mean'", "finite" })]
    [InlineData(Distribution.TruncatedNormal, new[] { 0.0, double.PositiveInfinity, 0.0, 1.0 }, new[] { "'sd'", "finite" })]
    public void Invalid_parameters_are_rejected_with_a_reason(Distribution kind, double[] parameters, string[] fragments)
    {
        string? reason = Families.Validate((Family)kind, parameters);
        Assert.NotNull(reason);
        foreach (string fragment in fragments) Assert.Contains(fragment, reason);

        var ex = Assert.Throws<ArgumentException>(() => TypeDistribution.From(kind, parameters));
        Assert.Contains(reason, ex.Message);
    }

    [Theory]
    [InlineData(Distribution.Uniform, new[] { 0.0, 1e-9 })]
    [InlineData(Distribution.Exponential, new[] { 1e-9 })]
    [InlineData(Distribution.Power, new[] { 0.1, 0.0, 1.0 })]
    [InlineData(Distribution.Pareto, new[] { 1.0, 0.5 })]
    [InlineData(Distribution.Beta, new[] { 0.5, 0.5, 0.0, 1.0 })]
    [InlineData(Distribution.LogNormal, new[] { -5.0, 0.1 })]
    [InlineData(Distribution.TruncatedNormal, new[] { -3.0, 1.0, 0.0, double.PositiveInfinity })]
    public void Valid_parameters_pass(Distribution kind, double[] parameters)
    {
        Assert.Null(Families.Validate((Family)kind, parameters));
        var d = TypeDistribution.From(kind, parameters);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(parameters, d.Parameters);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Mixture_rejects_a_weight_that_is_not_finite_and_positive(double bad)
    {
        var u = TypeDistribution.Uniform(0, 1);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TypeDistribution.Mixture((1.0, u), (bad, u)));
        Assert.Equal("parts", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => TypeDistribution.Mixture((bad, u)));
    }

    [Fact]
    public void Mixture_rejects_no_components()
    {
        Assert.ThrowsAny<ArgumentException>(() => TypeDistribution.Mixture());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.5)]
    [InlineData(0.5)] // below the support [1, 2]
    [InlineData(2.5)] // above it
    public void Virtual_value_rejects_a_point_outside_the_support(double t)
    {
        var d = TypeDistribution.Uniform(1, 2);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => d.VirtualValue(t)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => d.RawVirtualValue(t)).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    [InlineData(0.99)] // below the scale
    public void Virtual_value_rejects_a_point_outside_an_unbounded_support(double t)
    {
        var d = TypeDistribution.Pareto(1, 3);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => d.VirtualValue(t)).ParamName);
    }

    [Fact]
    public void Virtual_value_accepts_the_ends_of_the_support_and_a_gap_of_a_mixture()
    {
        var u = TypeDistribution.Uniform(1, 2);
        Close(0, u.VirtualValue(1), 0, "φ(lo) = 2·1 − 2");
        Close(2, u.VirtualValue(2), 0, "φ(hi) = 2·2 − 2");
        var gapped = TypeDistribution.Mixture((1, TypeDistribution.Uniform(0, 1)), (1, TypeDistribution.Uniform(2, 3)));
        Assert.True(double.IsFinite(gapped.VirtualValue(1.5)));
    }

    [Fact]
    public void Pdf_and_Cdf_reject_NaN()
    {
        var d = TypeDistribution.Exponential(1);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => d.Pdf(double.NaN)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => d.Cdf(double.NaN)).ParamName);
        Assert.Equal("u", Assert.Throws<ArgumentOutOfRangeException>(() => d.Quantile(1.5)).ParamName);
    }

    // --- mixtures -----------------------------------------------------------------------------------------------

    [Fact]
    public void Mixture_density_and_distribution_are_normalised_weighted_sums()
    {
        // Weights 2 : 1 : 1 are normalised to 1/2, 1/4, 1/4.
        var mixture = TypeDistribution.Mixture(
            (2, TypeDistribution.Uniform(0, 1)),
            (1, TypeDistribution.Exponential(3)),
            (1, TypeDistribution.Beta(2, 5, 0.5, 3)));
        var u = new ContinuousUniform(0, 1);
        var e = new MExponential(3);
        var b = new MBeta(2, 5);
        double BetaPdf(double t) => t < 0.5 || t > 3 ? 0 : b.Density((t - 0.5) / 2.5) / 2.5;
        double BetaCdf(double t) => t <= 0.5 ? 0 : t >= 3 ? 1 : b.CumulativeDistribution((t - 0.5) / 2.5);

        Assert.Equal((0.0, double.PositiveInfinity), mixture.Support);
        Assert.False(mixture.IsCertifiedRegular);
        foreach (double t in Grid(0, 4, 173))
        {
            Close(0.5 * u.Density(t) + 0.25 * e.Density(t) + 0.25 * BetaPdf(t), mixture.Pdf(t), Rel, $"mixture pdf at {t}");
            Close(0.5 * u.CumulativeDistribution(t) + 0.25 * e.CumulativeDistribution(t) + 0.25 * BetaCdf(t), mixture.Cdf(t), Rel, $"mixture cdf at {t}");
        }
    }

    [Fact]
    public void Mixture_with_a_gap_has_no_density_and_a_flat_distribution_in_the_gap()
    {
        var mixture = TypeDistribution.Mixture((0.9, TypeDistribution.Uniform(0, 1)), (0.1, TypeDistribution.Uniform(2, 10)));
        Assert.Equal((0.0, 10.0), mixture.Support);
        foreach (double t in new[] { 1.01, 1.5, 1.99 })
        {
            Assert.Equal(0, mixture.Pdf(t));
            Close(0.9, mixture.Cdf(t), 1e-15, $"F in the gap at {t}");
        }
        Close(0.9 + 0.1 * 3 / 8, mixture.Cdf(5), 1e-15, "F(5)");
        Close(0.1 / 8, mixture.Pdf(5), 1e-15, "f(5)");
        Close(0.9, mixture.Pdf(0.5), 1e-15, "f(0.5)");
    }

    [Fact]
    public void Mixture_of_one_component_keeps_its_certificate_and_affine_virtual_value()
    {
        var single = TypeDistribution.Mixture((3, TypeDistribution.Exponential(2)));
        Assert.True(single.IsCertifiedRegular);
        Close(1.7 - 0.5, single.VirtualValue(1.7), 1e-15, "φ = t − 1/rate");
    }
}
