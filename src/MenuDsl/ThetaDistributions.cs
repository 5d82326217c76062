using System;
using System.Collections.Generic;
using MathNet.Numerics.Integration;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>The law F_θ of θ = w s^δ for independent w ~ F_w and s ~ F_s (model.md §4).</summary>
internal static class ThetaDistributions
{
    public static DistributionCore Create(DistributionCore values, DistributionCore? scales, double delta) =>
        ThetaLaws.ClosedForm(values, scales, delta) ?? new NumericThetaCore(values, scales!, delta);
}

/// <summary>
/// F_θ(t) = ∫ F_w(t/s^δ) dF_s(s) and f_θ(t) = ∫ f_w(t/s^δ) s^(−δ) dF_s(s) by adaptive Gauss-Kronrod over the
/// scales, split where t/s^δ crosses a kink of F_w or s crosses a kink of F_s so every piece is smooth.
/// (A fixed Gauss-Legendre rule misses the steep change near s = 0 when w's support is unbounded.)
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

    public override double Cdf(double t) => t <= Lower ? 0 : t >= Upper ? 1 : OverScales(t, s => values.Cdf(t / Math.Pow(s, delta)) * scales.Pdf(s));
    public override double Survival(double t) => t <= Lower ? 1 : t >= Upper ? 0 : OverScales(t, s => values.Survival(t / Math.Pow(s, delta)) * scales.Pdf(s));
    public override double Pdf(double t) => t < Lower || t > Upper ? 0 : OverScales(t, s => values.Pdf(t / Math.Pow(s, delta)) / Math.Pow(s, delta) * scales.Pdf(s));

    public override IEnumerable<double> Kinks
    {
        get
        {
            foreach (double w in values.Kinks)
                foreach (double s in scales.Kinks)
                    if (!double.IsInfinity(w)) yield return w * Math.Pow(s, delta);
        }
    }

    private double OverScales(double t, Func<double, double> integrand)
    {
        var cuts = new List<double>();
        foreach (double s in scales.Kinks) cuts.Add(s);
        foreach (double w in values.Kinks)
            if (w > 0 && !double.IsInfinity(w)) cuts.Add(Math.Pow(t / w, 1 / delta));
        cuts.RemoveAll(s => !(s >= scales.Lower && s <= scales.Upper));
        cuts.Sort();
        // Substituting s = v^(1/(1−δ)) turns the s^(−δ) in the density into a constant, so the integrand stays
        // smooth down to s = 0.
        double power = 1 / (1 - delta);
        double Smooth(double v) => v <= 0 ? 0 : integrand(Math.Pow(v, power)) * power * Math.Pow(v, power - 1);
        var vCuts = cuts.ConvertAll(x => Math.Pow(x, 1 - delta));
        // Densities that are infinite at an end of their support (power with c < 1, beta with a or b < 1) make the
        // density of θ singular at a cut; Gauss-Kronrod then stalls near 1e-7 relative, which is accepted.
        return Math.Max(0, Quadrature.Integrate(Smooth, vCuts[0], vCuts[vCuts.Count - 1], vCuts, "the distribution of θ", 1e-13, 1e-6));
    }
}
