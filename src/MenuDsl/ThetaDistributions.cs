using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>The law F_θ of θ = w s^δ for independent w ~ F_w and s ~ F_s (model.md §4).</summary>
internal static class ThetaDistributions
{
    // One law per (values, scales, δ), shared by a model, its metrics and its audit: a numeric law irons itself
    // once, which is the expensive part.
    private static readonly ConditionalWeakTable<TypeDistribution, List<(TypeDistribution Scales, double Delta, TypeDistribution Law)>> Cache = new();

    /// <summary>The law of θ; the values themselves when there is no scale distribution.</summary>
    public static TypeDistribution For(TypeDistribution values, TypeDistribution? scales, double delta)
    {
        if (scales is null) return values;
        var laws = Cache.GetValue(values, static _ => new());
        lock (laws)
        {
            foreach (var entry in laws)
                if (ReferenceEquals(entry.Scales, scales) && entry.Delta == delta) return entry.Law;
            var law = TypeDistribution.FromCore(Create(values.Core, scales.Core, delta), "θ = w s^δ");
            laws.Add((scales, delta, law));
            return law;
        }
    }

    private static DistributionCore Create(DistributionCore values, DistributionCore scales, double delta)
    {
        if (ThetaLaws.ClosedForm(values, scales, delta) is { } closedForm) return closedForm;
        // An infinite density at an end of a support makes the density of θ singular along a curve in (w, s); the
        // quadratures below do not resolve that to the accuracy that ironing θ's virtual value needs.
        if (!values.HasBoundedDensity || !scales.HasBoundedDensity)
            throw new NotSupportedException(
                "The law of θ = w·s^δ, which token packages need, is not computed when the value or scale density is infinite at an end of its support " +
                "(power laws with c < 1, beta laws with a or b < 1). Contracts and tariffs do not need it; for packages use such a law without scales, or a bounded density.");
        return new NumericThetaCore(values, scales, delta);
    }
}

/// <summary>
/// F_θ(t) = ∫ F_w(t/s^δ) dF_s(s) and f_θ(t) = ∫ f_w(t/s^δ) s^(−δ) dF_s(s) by Gauss-Kronrod over the scales, split
/// where t/s^δ crosses a kink of F_w or s crosses a kink of F_s so every piece is smooth, and halved where the rule's
/// error estimate asks. (A fixed Gauss-Legendre rule misses the steep change near s = 0 when w's support is unbounded.)
/// What one type needs comes from one pass: F_θ and 1 − F_θ (ironing), or f_θ and 1 − F_θ (φ), on the same nodes.
/// </summary>
internal sealed class NumericThetaCore(DistributionCore values, DistributionCore scales, double delta) : DistributionCore
{
    public override double Lower => values.Lower * Math.Pow(scales.Lower, delta);
    public override double Upper => values.Upper * Math.Pow(scales.Upper, delta);
    // θ's quantiles would each need a root search over quadratures; products of the components' quantiles
    // put grid points where θ's mass is at a fraction of the cost.
    public override IEnumerable<double> IroningGrid(int size)
    {
        int valueSteps = 64, scaleSteps = Math.Max(2, size / valueSteps / 4);
        for (int i = 0; i <= valueSteps; i++)
        {
            double w = values.Quantile(i == valueSteps ? 1 - 1e-9 : (double)i / valueSteps);
            for (int j = 0; j <= scaleSteps; j++)
                yield return w * Math.Pow(scales.Quantile((double)j / scaleSteps), delta);
        }
    }

    public override double Cdf(double t) => t <= Lower ? 0 : t >= Upper ? 1 : OverScales(t, Parts.Cdf).First;
    public override double Survival(double t) => t <= Lower ? 1 : t >= Upper ? 0 : OverScales(t, Parts.Survival).First;
    public override double Pdf(double t) => t < Lower || t > Upper ? 0 : OverScales(t, Parts.Pdf).First;

    // To 10⁻¹² in probability, not each relative to itself: next to the ends one of them is tiny, and rounding in
    // t/s^δ near a kink of the values keeps its relative error near 10⁻⁷, which halving pieces cannot lower (a type
    // within 10⁻⁹ of the top cost thousands of pieces). Ironing reads u = F and H = Lower − t(1 − F), where that is
    // the accuracy that counts; F and 1 − F alone stay relative to themselves.
    public override (double Cdf, double Survival) CdfAndSurvival(double t) =>
        t <= Lower ? (0, 1) : t >= Upper ? (1, 0) : OverScales(t, Parts.CdfAndSurvival);

    public override (double Pdf, double Survival) PdfAndSurvival(double t)
    {
        if (t < Lower || t > Upper) return (0, t < Lower ? 1 : 0);
        var (pdf, survival) = OverScales(t, Parts.PdfAndSurvival);
        return (pdf, t <= Lower ? 1 : t >= Upper ? 0 : survival);
    }

    public override bool HasCostlyQuantile => true;

    // ln θ = ln w + δ ln s: served types need no ironing when both logs have log-concave densities.
    public override bool IsCertifiedRegularWhereServed => values.LogHasLogConcaveDensity && scales.LogHasLogConcaveDensity;

    // Each φ̄ is a pass of quadrature over the scales: packages read it from the table.
    public override bool TabulatesVirtualValue => true;

    // Scales are at most 1, so θ's tail is the values' tail.
    public override double TailExponent => values.TailExponent;

    // Every pass, table and schedule reads them: products of the components' kinks, formed once.
    public override IEnumerable<double> Kinks => kinks;

    private readonly double[] kinks = KinksOf(values, scales, delta);

    private static double[] KinksOf(DistributionCore values, DistributionCore scales, double delta)
    {
        var kinks = new List<double>();
        foreach (double w in values.Kinks)
            foreach (double s in scales.Kinks)
                if (!double.IsInfinity(w)) kinks.Add(w * Math.Pow(s, delta));
        return kinks.ToArray();
    }

    // Values where w's distribution changes: its kinks and, for an unbounded w, quantiles spanning its body and tail.
    // Where t/s^δ passes one the integrand over s changes shape (for an unbounded w it is a narrow spike at small t),
    // so they are cuts.
    private readonly double[] landmarks = Landmarks(values);

    private static double[] Landmarks(DistributionCore values)
    {
        var points = new List<double>();
        foreach (double w in values.Kinks) points.Add(w);
        if (double.IsPositiveInfinity(values.Upper))
            foreach (double u in new[] { 1e-6, 0.5, 1 - 1e-6 }) points.Add(values.Quantile(u));
        points.RemoveAll(w => !(w > 0) || double.IsInfinity(w));
        return points.ToArray();
    }

    // Types below this are evaluated at it: the density of θ can be log-singular at 0, which no quadrature
    // resolves past ~200 decades, and no menu tells such types apart.
    private const double Smallest = 1e-200;

    // F_w left of its median is at most ½, and 1 − F_w right of it. A root search for most laws, so only once a pass
    // needs it: a model whose contracts alone are asked for never does.
    private readonly Lazy<double> median = new(() => values.Quantile(0.5), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>F_w(x) and 1 − F_w(x) from one evaluation: the one below ½ directly, the other as its complement (at least ½, so no digits are lost).</summary>
    private (double Cdf, double Survival) ValuesAt(double x)
    {
        if (x <= median.Value)
        {
            double cdf = values.Cdf(x);
            return (cdf, 1 - cdf);
        }
        double survival = values.Survival(x);
        return (1 - survival, survival);
    }

    /// <summary>Which parts of θ's law a pass over the scales integrates.</summary>
    private enum Parts { Cdf, Survival, Pdf, CdfAndSurvival, PdfAndSurvival }

    /// <summary>∫ (the values' parts at t/s^δ) dF_s(s): one of F_θ, 1 − F_θ, f_θ (and 0), or a pair.</summary>
    private (double First, double Second) OverScales(double t, Parts parts)
    {
        t = Math.Max(t, Smallest);
        // Substituting s = v^(1/(1−δ)) turns the s^(−δ) in the density into a constant, so the integrand stays
        // smooth down to s = 0. Cuts, in v: the scales' kinks, and where t/s^δ crosses a kink of the values,
        // v = (t/w)^((1−δ)/δ) (computed in v directly, which underflows far later than s does).
        double power = 1 / (1 - delta);
        (double, double) Smooth(double v)
        {
            if (v <= 0) return (0, 0);
            double s = Math.Pow(v, power);
            if (s == 0) return (0, 0); // v so small that s underflows: no weight to speak of
            // s^δ = v^(δ/(1−δ)) = s/v, which is also ds/dv over 1/(1−δ).
            double scaleDelta = s / v;
            // The density of v first: it stays moderate where the scales' density and the values' part are both huge.
            double weight = scales.Pdf(s) * power * scaleDelta;
            if (weight == 0) return (0, 0);
            double x = t / scaleDelta;
            switch (parts)
            {
                case Parts.Cdf:
                    return (weight * ValuesAt(x).Cdf, 0);
                case Parts.Survival:
                    return (weight * ValuesAt(x).Survival, 0);
                case Parts.Pdf:
                    return (weight * values.Pdf(x) / scaleDelta, 0);
                case Parts.CdfAndSurvival:
                    var (cdf, survival) = ValuesAt(x);
                    return (weight * cdf, weight * survival);
                default:
                    return (weight * values.Pdf(x) / scaleDelta, weight * ValuesAt(x).Survival);
            }
        }
        double vLower = Math.Pow(scales.Lower, 1 - delta), vUpper = Math.Pow(scales.Upper, 1 - delta);
        var cuts = new List<double>();
        foreach (double s in scales.Kinks) cuts.Add(Math.Pow(s, 1 - delta));
        foreach (double w in landmarks) cuts.Add(Math.Pow(t / w, (1 - delta) / delta));
        cuts.RemoveAll(v => !(v >= vLower && v <= vUpper));
        cuts.Sort();
        // Past a cut the density of θ can behave like 1/v (log-singular at θ = 0): decades of v, three at a time,
        // keep each piece within reach of Gauss-Kronrod.
        for (int i = cuts.Count - 1; i > 0; i--)
            for (double v = cuts[i - 1] * 1e3; cuts[i - 1] > 0 && v < cuts[i]; v *= 1e3) cuts.Add(v);
        // Densities that are infinite at an end of their support (power with c < 1, beta with a or b < 1) are
        // singular at a cut; what singularity the smoothing leaves stalls Gauss-Kronrod's error estimate near 1e-6
        // relative, which is accepted.
        var tolerance = parts == Parts.CdfAndSurvival ? PairTolerance.Sum : PairTolerance.Each;
        var (first, second) = Quadrature.IntegratePairSmoothingEnds(Smooth, vLower, vUpper, cuts, "the distribution of θ", tolerance, 1e-13, 2e-5);
        return (Math.Max(0, first), Math.Max(0, second));
    }
}
