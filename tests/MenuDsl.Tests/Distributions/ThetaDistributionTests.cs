using System;
using System.Linq;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using MenuDsl.Kernel;
using Xunit;

namespace MenuDsl.Tests.Distributions;

/// <summary>
/// The law of the representative type θ = w s^δ for independent w and s (model.md §4): the closed form for uniform
/// w and s (<see cref="UniformThetaCore"/>) and the quadrature for any laws (<see cref="NumericThetaCore"/>),
/// against the paper's formula and against integrals computed here with MathNet's laws and Gauss-Kronrod.
/// </summary>
public class ThetaDistributionTests
{
    /// <summary>
    /// F_θ(t) = P(w s^δ ≤ t) = ∫∫ 1{w ≤ t s^(−δ)} f_w(w) f_s(s) dw ds as a nested Gauss-Kronrod integral: the outer
    /// one over s (split where t s^(−δ) crosses an end of w's support), the inner one over w.
    /// </summary>
    private static double ReferenceCdf(IContinuousDistribution w, double wLo, double wHi, IContinuousDistribution s, double sLo, double sHi, double delta, double t)
    {
        double Inner(double scale)
        {
            double top = Math.Min(wHi, t / Math.Pow(scale, delta));
            return top <= wLo ? 0 : GaussKronrodRule.Integrate(w.Density, wLo, top, out _, out _, 1e-13);
        }
        return OverScales(scale => Inner(scale) * s.Density(scale), wLo, wHi, sLo, sHi, delta, t);
    }

    /// <summary>
    /// 1 − F_θ(t) = ∫ P(w &gt; t s^(−δ)) f_s(s) ds from w's survival function (MathNet's, for a law whose upper tail it
    /// gives without cancellation), free of the cancellation in 1 − F_θ near the top.
    /// </summary>
    private static double ReferenceSurvival(Func<double, double> wSurvival, double wLo, double wHi, IContinuousDistribution s, double sLo, double sHi, double delta, double t) =>
        OverScales(scale => wSurvival(t / Math.Pow(scale, delta)) * s.Density(scale), wLo, wHi, sLo, sHi, delta, t);

    /// <summary>f_θ(t) = ∫ f_w(t s^(−δ)) s^(−δ) f_s(s) ds, the density of w at the level that puts θ at t.</summary>
    private static double ReferencePdf(IContinuousDistribution w, double wLo, double wHi, IContinuousDistribution s, double sLo, double sHi, double delta, double t) =>
        OverScales(scale => w.Density(t / Math.Pow(scale, delta)) / Math.Pow(scale, delta) * s.Density(scale), wLo, wHi, sLo, sHi, delta, t);

    private static double OverScales(Func<double, double> integrand, double wLo, double wHi, double sLo, double sHi, double delta, double t)
    {
        // The scales where t/s^δ equals an end of w's support are kinks of the integrand.
        var cuts = new[] { wLo, wHi }
            .Where(x => x > 0 && double.IsFinite(x))
            .Select(x => Math.Pow(t / x, 1 / delta))
            .Where(x => x > sLo && x < sHi)
            .Append(sLo).Append(sHi).OrderBy(x => x).ToArray();
        double sum = 0;
        for (int i = 1; i < cuts.Length; i++)
            if (cuts[i] > cuts[i - 1])
                sum += GaussKronrodRule.Integrate(integrand, cuts[i - 1], cuts[i], out _, out _, 1e-13);
        return sum;
    }

    private static void Close(double expected, double actual, double rel, string what, double abs = 1e-14)
    {
        double err = Math.Abs(actual - expected);
        Assert.True(err <= rel * Math.Abs(expected) + abs, $"{what}: expected {expected:R}, got {actual:R} (error {err:E2})");
    }

    private static double[] Grid(double lo, double hi, int n) =>
        Enumerable.Range(0, n).Select(i => lo + (i + 0.5) / n * (hi - lo)).ToArray();

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void Unit_uniforms_give_the_papers_closed_form(double delta)
    {
        // model.md §4: w, s ~ U[0,1] gives F_θ(t) = (t − δ t^(1/δ))/(1 − δ) on [0, 1]; f_θ is its derivative
        // (1 − t^(1/δ − 1))/(1 − δ).
        var theta = new UniformThetaCore(0, 1, 0, 1, delta);
        Assert.Equal(0, theta.Lower);
        Assert.Equal(1, theta.Upper);
        foreach (double t in Grid(0, 1, 400))
        {
            Close((t - delta * Math.Pow(t, 1 / delta)) / (1 - delta), theta.Cdf(t), 1e-12, $"F_θ({t}), δ = {delta}");
            Close((1 - Math.Pow(t, 1 / delta - 1)) / (1 - delta), theta.Pdf(t), 1e-12, $"f_θ({t}), δ = {delta}");
            Close(1 - (t - delta * Math.Pow(t, 1 / delta)) / (1 - delta), theta.Survival(t), 1e-12, $"1 − F_θ({t}), δ = {delta}");
        }
    }

    [Fact]
    public void Half_exponent_gives_virtual_value_three_theta_minus_one_over_two()
    {
        // δ = 1/2: F = 2t − t², f = 2 − 2t, so φ_θ = t − (1 − t)/2 = (3t − 1)/2 (model.md §4), increasing: no
        // pools, and exclusion exactly below θ = 1/3.
        var theta = new UniformThetaCore(0, 1, 0, 1, 0.5);
        Assert.Empty(theta.PoolingIntervals);
        foreach (double t in Grid(0, 1, 500))
        {
            Assert.Equal((3 * t - 1) / 2, theta.RawVirtualValue(t), 1e-12);
            Assert.Equal((3 * t - 1) / 2, theta.VirtualValue(t), 1e-12);
        }
        Assert.Equal(0, theta.VirtualValue(1.0 / 3), 1e-12);
    }

    [Theory]
    [InlineData(0.5, 2, 0.2, 0.9, 0.4)]
    [InlineData(0.5, 2, 0.2, 0.9, 0.75)]
    [InlineData(1, 3, 0.1, 1, 0.3)]
    [InlineData(0, 1, 0.5, 1, 0.5)]
    public void Uniform_closed_form_matches_a_double_integral_and_the_quadrature(double wl, double wh, double sl, double sh, double delta)
    {
        var closed = new UniformThetaCore(wl, wh, sl, sh, delta);
        var numeric = new NumericThetaCore(new UniformCore(wl, wh), new UniformCore(sl, sh), delta);
        var w = new ContinuousUniform(wl, wh);
        var s = new ContinuousUniform(sl, sh);

        Close(wl * Math.Pow(sl, delta), closed.Lower, 1e-15, "lower end");
        Close(wh * Math.Pow(sh, delta), closed.Upper, 1e-15, "upper end");
        Assert.Equal(closed.Lower, numeric.Lower, 1e-15);
        Assert.Equal(closed.Upper, numeric.Upper, 1e-15);

        foreach (double t in Grid(closed.Lower, closed.Upper, 150))
        {
            double cdf = ReferenceCdf(w, wl, wh, s, sl, sh, delta, t);
            double pdf = ReferencePdf(w, wl, wh, s, sl, sh, delta, t);
            Close(cdf, closed.Cdf(t), 1e-10, $"closed F_θ({t})");
            Close(pdf, closed.Pdf(t), 1e-10, $"closed f_θ({t})");
            Close(1 - cdf, closed.Survival(t), 1e-10, $"closed 1 − F_θ({t})");
            Close(cdf, numeric.Cdf(t), 1e-10, $"numeric F_θ({t})");
            Close(pdf, numeric.Pdf(t), 1e-10, $"numeric f_θ({t})");
            // The virtual value built from the reference law.
            double phi = t - (1 - cdf) / pdf;
            Assert.True(Math.Abs(closed.RawVirtualValue(t) - phi) <= 1e-9 * (t + (1 - cdf) / pdf),
                $"closed φ_θ({t}): expected {phi:R}, got {closed.RawVirtualValue(t):R}");
        }
        Assert.Equal(0, closed.Cdf(closed.Lower));
        Assert.Equal(1, closed.Cdf(closed.Upper));
    }

    [Theory]
    [InlineData(0.5, 2, 0.2, 0.9, 0.4)]
    [InlineData(0, 1, 0.2, 1, 0.47)]
    [InlineData(1, 3, 0.1, 1, 0.3)]
    [InlineData(0, 2, 0.05, 0.8, 0.8)]
    public void Uniform_laws_of_theta_are_certified_where_served_and_need_no_ironing_above_the_reserve(double wl, double wh, double sl, double sh, double delta)
    {
        // The certificate's premise (log θ is log-concave): its hazard rate t f_θ / (1 − F_θ) never falls, checked on
        // the reference law.
        var w = new ContinuousUniform(wl, wh);
        var s = new ContinuousUniform(sl, sh);
        var closed = new UniformThetaCore(wl, wh, sl, sh, delta);
        Assert.True(closed.IsCertifiedRegularWhereServed);
        double previous = 0;
        foreach (double t in Grid(closed.Lower, closed.Upper, 300).Skip(1).SkipLast(1))
        {
            double ratio = t * ReferencePdf(w, wl, wh, s, sl, sh, delta, t) / (1 - ReferenceCdf(w, wl, wh, s, sl, sh, delta, t));
            Assert.True(ratio >= previous * (1 - 1e-9), $"t f/(1 − F) falls at t = {t:R}: {previous:R} → {ratio:R}");
            previous = ratio;
        }
        // So the reserve value and φ̄ of the served types come without ironing, and equal the quadrature law's.
        var numeric = new NumericThetaCore(new UniformCore(wl, wh), new UniformCore(sl, sh), delta);
        Assert.Equal(numeric.ReserveValue, closed.ReserveValue, 1e-9);
        foreach (double t in Grid(closed.ReserveValue, closed.Upper, 40).Skip(1))
            Assert.True(Math.Abs(numeric.VirtualValue(t) - closed.VirtualValue(t)) <= 1e-8 * (1 + t), $"φ̄_θ({t:R})");
    }

    // w ~ Exponential(2) on [0, ∞), s ~ Beta(2, 3) on [0, 1], δ = 0.4: no closed form, so only the quadrature.
    private static void AssertExponentialBetaMatches(double from, double to)
    {
        const double delta = 0.4;
        var numeric = new NumericThetaCore(new ExponentialCore(2), new BetaCore(2, 3, 0, 1), delta);
        var w = new Exponential(2);
        var s = new Beta(2, 3);
        Assert.Equal(0, numeric.Lower);
        Assert.True(double.IsPositiveInfinity(numeric.Upper));

        // The reference integrals stop where less than 1e-16 of w's mass is left.
        double wTop = w.InverseCumulativeDistribution(1 - 1e-16);
        foreach (double t in Grid(from, to, 100))
        {
            Close(ReferenceCdf(w, 0, wTop, s, 0, 1, delta, t), numeric.Cdf(t), 1e-9, $"F_θ({t})");
            Close(ReferencePdf(w, 0, wTop, s, 0, 1, delta, t), numeric.Pdf(t), 1e-9, $"f_θ({t})");
        }
    }

    [Fact]
    public void Exponential_values_and_beta_scales_match_a_double_integral() => AssertExponentialBetaMatches(1, 3);

    [Fact]
    public void Exponential_values_and_beta_scales_match_a_double_integral_for_small_theta()
    {
        // For small t the integrand s ↦ F_w(t s^(−δ)) f_s(s) changes over a boundary layer near s = 0 of width
        // ~(rate·t)^(1/δ); the same 1e-9 accuracy is required there (api.md: generated and runtime models agree
        // to 1e-9 relative on every member).
        AssertExponentialBetaMatches(0.02, 1);
    }

    [Fact]
    public void One_pass_pairs_match_a_double_integral()
    {
        // F_θ and 1 − F_θ come from one quadrature refined to 10⁻¹² in probability (what ironing reads), f_θ and
        // 1 − F_θ from another refined to 10⁻¹² of each; seeded types, kinks inside the support and an unbounded w.
        const double delta = 0.4;
        var random = new Random(20261201);
        // w's upper tails: Beta(2, 3) reflected is Beta(3, 2); the exponential's in closed form.
        var laws = new (string Name, DistributionCore Core, IContinuousDistribution W, Func<double, double> WSurvival, double WLo, double WHi, IContinuousDistribution S, double SLo, double SHi)[]
        {
            ("beta × uniform", new NumericThetaCore(new BetaCore(2, 3, 0, 1), new UniformCore(0.2, 0.9), delta), new Beta(2, 3),
                x => x >= 1 ? 0 : new Beta(3, 2).CumulativeDistribution(1 - x), 0, 1, new ContinuousUniform(0.2, 0.9), 0.2, 0.9),
            ("exponential × beta", new NumericThetaCore(new ExponentialCore(2), new BetaCore(2, 3, 0, 1), delta), new Exponential(2),
                x => Math.Exp(-2 * x), 0, new Exponential(2).InverseCumulativeDistribution(1 - 1e-16), new Beta(2, 3), 0, 1),
        };
        foreach (var (name, core, w, wSurvival, wLo, wHi, s, sLo, sHi) in laws)
        {
            double top = Math.Min(core.Upper, 3);
            for (int i = 0; i < 40; i++)
            {
                double t = core.Lower + (top - core.Lower) * random.NextDouble();
                double cdf = ReferenceCdf(w, wLo, wHi, s, sLo, sHi, delta, t), survival = ReferenceSurvival(wSurvival, wLo, wHi, s, sLo, sHi, delta, t);
                double pdf = ReferencePdf(w, wLo, wHi, s, sLo, sHi, delta, t);
                var (pairCdf, pairSurvival) = core.CdfAndSurvival(t);
                Close(cdf, pairCdf, 0, $"{name}: F_θ({t}) from (F, 1 − F)", abs: 1e-12);
                Close(survival, pairSurvival, 0, $"{name}: 1 − F_θ({t}) from (F, 1 − F)", abs: 1e-12);
                var (pairPdf, densitySurvival) = core.PdfAndSurvival(t);
                Close(pdf, pairPdf, 1e-11, $"{name}: f_θ({t}) from (f, 1 − F)", abs: 0);
                Close(survival, densitySurvival, 1e-11, $"{name}: 1 − F_θ({t}) from (f, 1 − F)", abs: 0);
            }
        }
    }

    [Fact]
    public void Density_is_the_derivative_of_the_distribution_function()
    {
        var cores = new (string Name, DistributionCore Core, double[] Points)[]
        {
            ("uniform closed form", new UniformThetaCore(0.5, 2, 0.2, 0.9, 0.4), Grid(0.5 * Math.Pow(0.2, 0.4), 2 * Math.Pow(0.9, 0.4), 97)),
            ("uniform quadrature", new NumericThetaCore(new UniformCore(0.5, 2), new UniformCore(0.2, 0.9), 0.4), Grid(0.5 * Math.Pow(0.2, 0.4), 2 * Math.Pow(0.9, 0.4), 97)),
            ("exponential × beta", new NumericThetaCore(new ExponentialCore(2), new BetaCore(2, 3, 0, 1), 0.4), Grid(0.02, 3, 97)),
        };
        foreach (var (name, core, points) in cores)
        {
            // Kinks of f_θ (where t/s^δ hits an end of w's support at an end of s's) make the difference one-sided.
            var kinks = core.Kinks.ToArray();
            foreach (double t in points.Where(t => kinks.All(k => Math.Abs(t - k) > 1e-3)))
            {
                double h = 1e-5 * t;
                double slope = (core.Cdf(t + h) - core.Cdf(t - h)) / (2 * h);
                Close(slope, core.Pdf(t), 1e-6, $"{name}: f_θ({t}) vs central difference", abs: 1e-9);
            }
        }
    }

    [Fact]
    public void Factory_picks_the_closed_form_only_for_two_uniform_laws_and_shares_each_law()
    {
        var u = TypeDistribution.Uniform(0, 1);
        var scales = TypeDistribution.Uniform(0.2, 1);
        Assert.IsType<UniformThetaCore>(ThetaDistributions.For(u, scales, 0.5).Core);
        Assert.IsType<NumericThetaCore>(ThetaDistributions.For(TypeDistribution.Exponential(1), scales, 0.5).Core);
        Assert.IsType<NumericThetaCore>(ThetaDistributions.For(u, TypeDistribution.Beta(2, 2, 0, 1), 0.5).Core);
        // Without a scale law θ = w.
        Assert.Same(u, ThetaDistributions.For(u, null, 0.5));
        // One law per (values, scales, δ): a model, its metrics and its audit iron it once.
        Assert.Same(ThetaDistributions.For(u, scales, 0.5), ThetaDistributions.For(u, scales, 0.5));
        Assert.NotSame(ThetaDistributions.For(u, scales, 0.5), ThetaDistributions.For(u, scales, 0.4));
    }

    [Fact]
    public void Infinite_component_densities_make_the_numeric_law_refuse_with_the_reason()
    {
        var e = Assert.Throws<NotSupportedException>(() => ThetaDistributions.For(TypeDistribution.Uniform(0, 1), TypeDistribution.Power(0.5, 0, 1), 0.5));
        Assert.Contains("infinite at an end of its support", e.Message);
        Assert.Throws<NotSupportedException>(() => ThetaDistributions.For(TypeDistribution.Beta(0.5, 2, 0, 1), TypeDistribution.Uniform(0.2, 1), 0.5));
    }
}
