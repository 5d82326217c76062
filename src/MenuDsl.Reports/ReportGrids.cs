using System;
using System.Linq;
using MenuDsl.Generation;

namespace MenuDsl.Reports;

/// <summary>
/// The default grids of tables and plots: equal-probability points of the served types. For n cells of equal
/// probability between the reserve value r and the top of the support, point i is the quantile
/// F⁻¹(F(r) + (1 − F(r))(i + ½)/n), so every point is a served type and dense where buyers are.
/// </summary>
public static class ReportGrids
{
    /// <summary>n values w: equal-probability points of the served values (above <see cref="IPricingModel.ReserveValue"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 2.</exception>
    public static double[] Values(IPricingModel model, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckCount(count, 2);
        return Served(model.Description.Values, model.ReserveValue, count);
    }

    /// <summary>
    /// m scales s: equal-probability points of the scale distribution, or the single scale 1 when the model declares none.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static double[] Scales(IPricingModel model, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckCount(count, 1);
        var scales = model.Description.Scales;
        if (scales is null) return [1.0];
        return [.. Enumerable.Range(0, count).Select(j => scales.Quantile((j + 0.5) / count))];
    }

    /// <summary>
    /// n representative types θ = w s^δ: equal-probability points of the θ served by the package menu (those whose
    /// virtual value φ_θ is positive).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 2.</exception>
    public static double[] Thetas(IIndexModel model, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        CheckCount(count, 2);
        var law = ThetaLaw(model);
        return Served(law, model is IndexModel built ? built.PackageReserveValue : PackageReserve(law), count);
    }

    /// <summary>The law of θ = w s^δ of an index model (the values themselves when there are no scales).</summary>
    internal static TypeDistribution ThetaLaw(IIndexModel model)
    {
        var d = model.Description;
        if (d.Scales is null) return d.Values;
        // δ from the model itself: θ(w, s₁)/θ(w, s₂) = (s₁/s₂)^δ for a positive value and two distinct positive scales.
        double w = d.Values.Quantile(0.5);
        if (!(w > 0)) w = d.Values.Quantile(0.9);
        var (sLower, sUpper) = d.Scales.Support;
        double s1 = sLower + 0.25 * (sUpper - sLower), s2 = sLower + 0.75 * (sUpper - sLower);
        double delta = Math.Log(model.Theta(w, s1) / model.Theta(w, s2)) / Math.Log(s1 / s2);
        return GeneratedModelSupport.Thetas(d.Values, d.Scales, delta);
    }

    /// <summary>The lowest θ with a positive (ironed) virtual value, by bisection in quantile space.</summary>
    internal static double PackageReserve(TypeDistribution law)
    {
        double lower = law.Support.Lower;
        if (law.VirtualValue(Math.Max(lower, law.Quantile(0))) > 0) return lower;
        double lo = 0, hi = 1 - 1e-12;
        for (int k = 0; k < 60; k++)
        {
            double mid = 0.5 * (lo + hi);
            if (law.VirtualValue(law.Quantile(mid)) > 0) hi = mid; else lo = mid;
        }
        return law.Quantile(hi);
    }

    /// <summary>
    /// Points for curves: n equal-probability steps from the reserve value to the top of the support (the top itself when
    /// finite, else the quantile ½/n below 1), so a plotted schedule spans all served types.
    /// </summary>
    internal static double[] CurveValues(IPricingModel model, int count) => Curve(model.Description.Values, model.ReserveValue, count);

    /// <summary>Points for curves over the θ served by the package menu (see <see cref="CurveValues"/>).</summary>
    internal static double[] CurveThetas(IIndexModel model, int count)
    {
        var law = ThetaLaw(model);
        return Curve(law, model is IndexModel built ? built.PackageReserveValue : PackageReserve(law), count);
    }

    private static double[] Curve(TypeDistribution law, double reserve, int count)
    {
        double u0 = Math.Clamp(law.Cdf(reserve), 0, 1);
        var (lower, upper) = law.Support;
        double top = double.IsFinite(upper) ? 1 : 1 - 0.5 / count;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            double u = u0 + (top - u0) * i / (count - 1);
            double t = i == count - 1 && double.IsFinite(upper) ? upper : law.Quantile(u);
            return Math.Clamp(t, Math.Max(lower, reserve), upper);
        })];
    }

    private static double[] Served(TypeDistribution law, double reserve, int count)
    {
        double u0 = Math.Clamp(law.Cdf(reserve), 0, 1);
        var (lower, upper) = law.Support;
        return [.. Enumerable.Range(0, count).Select(i => Math.Clamp(law.Quantile(u0 + (1 - u0) * (i + 0.5) / count), Math.Max(lower, reserve), upper))];
    }

    private static void CheckCount(int count, int least)
    {
        if (count < least) throw new ArgumentOutOfRangeException(nameof(count), count, $"'count' must be at least {least} but is {count}.");
    }
}
