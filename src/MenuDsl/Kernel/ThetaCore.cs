using System;

namespace MenuDsl.Kernel;

/// <summary>The law of θ = w s^δ where the kernel knows it in closed form.</summary>
internal static class ThetaLaws
{
    /// <summary>
    /// F_w itself without scales (θ = w), the closed form for uniform values and scales, else null: the
    /// runtime then integrates over the scales numerically.
    /// </summary>
    public static DistributionCore? ClosedForm(DistributionCore values, DistributionCore? scales, double delta) => scales switch
    {
        null => values,
        UniformCore when values is UniformCore => new UniformThetaCore(values.Lower, values.Upper, scales.Lower, scales.Upper, delta),
        _ => null,
    };
}

/// <summary>
/// The law of θ = w s^δ when w ~ U[wl, wh] and s ~ U[sl, sh] are independent, in closed form (model.md §4):
/// F_θ(t) = (1/(sh − sl)) [ (min(s_a, sh) − sl)⁺ + ∫ (t s^(−δ) − wl)/(wh − wl) ds ] with s_a = (t/wh)^(1/δ),
/// the integral running over the scales where t/s^δ lies inside [wl, wh].
/// </summary>
internal sealed class UniformThetaCore : DistributionCore
{
    private readonly double wl, wh, sl, sh, delta;

    public UniformThetaCore(double wl, double wh, double sl, double sh, double delta)
    {
        this.wl = wl; this.wh = wh; this.sl = sl; this.sh = sh; this.delta = delta;
    }

    public override double Lower => wl * Math.Pow(sl, delta);
    public override double Upper => wh * Math.Pow(sh, delta);

    // Uniform laws' logs have log-concave densities (DistributionCore.LogHasLogConcaveDensity).
    public override bool IsCertifiedRegularWhereServed => true;

    // F_θ has no closed-form inverse: a quantile is a bisection of ~60 CDFs, so expectations integrate against f_θ.
    public override bool HasCostlyQuantile => true;

    /// <summary>
    /// With wl = 0 and δ = ½, φ_θ is piecewise affine (model.md §4): F_θ(t) = c·t below t0 = wh·√sl, with
    /// c = 2(√sh − √sl) / (wh (sh − sl)), so φ_θ = 2t − 1/c there; above, 1 − F_θ = (√sh − t/wh)² / (sh − sl) and
    /// φ_θ = (3t − wh √sh) / 2. Both pieces rise and meet at t0. Other laws of θ: null.
    /// </summary>
    protected override AffinePiece[]? FindAffinePieces()
    {
        if (wl != 0 || Numeric.SnapExponent(delta) != 0.5) return null;
        double rootLow = Math.Sqrt(sl), rootHigh = Math.Sqrt(sh), kink = wh * rootLow;
        var upper = new AffinePiece(kink, Upper, new AffineVirtualValue(1.5, -wh * rootHigh / 2));
        if (!(kink > 0)) return [upper with { Lower = Lower }];
        double inverseSlope = wh * (sh - sl) / (2 * (rootHigh - rootLow)); // 1/c
        return [new AffinePiece(Lower, kink, new AffineVirtualValue(2, -inverseSlope)), upper];
    }

    public override double Cdf(double t)
    {
        if (t <= Lower) return 0;
        if (t >= Upper) return 1;
        var (from, to) = Middle(t);
        double all = Math.Max(0, Math.Min(Threshold(t, wh), sh) - sl);
        double partial = to > from ? (t * (Antiderivative(to) - Antiderivative(from)) - wl * (to - from)) / (wh - wl) : 0;
        return Math.Min(1, (all + partial) / (sh - sl));
    }

    public override double Pdf(double t)
    {
        if (t < Lower || t > Upper) return 0;
        var (from, to) = Middle(t);
        return to > from ? (Antiderivative(to) - Antiderivative(from)) / ((wh - wl) * (sh - sl)) : 0;
    }

    public override double Survival(double t)
    {
        if (t <= Lower) return 1;
        if (t >= Upper) return 0;
        // 1 − F counted directly: scales where t/s^δ ≤ wl give 1, the middle gives (wh − t s^−δ)/(wh − wl).
        var (from, to) = Middle(t);
        double none = Math.Max(0, sh - Math.Max(Threshold(t, wl), sl));
        double partial = to > from ? (wh * (to - from) - t * (Antiderivative(to) - Antiderivative(from))) / (wh - wl) : 0;
        return Math.Min(1, (none + partial) / (sh - sl));
    }

    public override System.Collections.Generic.IEnumerable<double> Kinks => new[]
    {
        Lower, Upper, wl * Math.Pow(sh, delta), wh * Math.Pow(sl, delta),
    };

    // Scales with wl < t/s^δ < wh, clipped to [sl, sh].
    private (double From, double To) Middle(double t) =>
        (Math.Max(sl, Threshold(t, wh)), Math.Min(sh, Threshold(t, wl)));

    // The scale at which t/s^δ = w; +∞ for w = 0.
    private double Threshold(double t, double w) => w <= 0 ? double.PositiveInfinity : Math.Pow(t / w, 1 / delta);

    private double Antiderivative(double s) => Math.Pow(s, 1 - delta) / (1 - delta);
}
