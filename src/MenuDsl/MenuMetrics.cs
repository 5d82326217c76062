using System;
using System.Collections.Generic;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>Expected revenue and profit of a model's menus over its declared type distributions.</summary>
public static class MenuMetrics
{
    // Myerson's identity E[T] = E[φ̄ q] (q is constant where φ̄ pools) replaces each transfer's own rent
    // integral, and the menu item is the first-best bundle of value φ̄: the expectations are single smooth
    // quadratures of closed forms rather than nested ones.

    /// <summary>E[T − C] = E[φ̄(w) q − C(q, s)] of the contractible screening menu, over w ~ F_w and s ~ F_s.</summary>
    public static double ExpectedProfit(this IPricingModel model) =>
        OverTypes(model, (phi, item) => phi * item.Quality - item.Cost, "the expected profit");

    /// <summary>E[T] = E[φ̄(w) q] of the contractible screening menu, over w ~ F_w and s ~ F_s.</summary>
    public static double ExpectedRevenue(this IPricingModel model) =>
        OverTypes(model, (phi, item) => phi * item.Quality, "the expected revenue");

    /// <summary>E[T − C] = E[φ̄_θ Q − C(Q)] of the token-package menu, over θ ~ F_θ.</summary>
    public static double ExpectedPackageProfit(this IIndexModel model) =>
        OverThetas(model, (phi, item) => phi * item.Quality - item.Cost, "the expected package profit");

    /// <summary>E[T] = E[φ̄_θ Q] of the token-package menu, over θ ~ F_θ.</summary>
    public static double ExpectedPackageRevenue(this IIndexModel model) =>
        OverThetas(model, (phi, item) => phi * item.Quality, "the expected package revenue");

    private static CobbDouglasCore Technology(ModelDescription d) => d.ProductionFunction == "CobbDouglas"
        ? new CobbDouglasCore(d.Alpha, d.Beta, d.Gamma, d.BaseQuality, d.InputCost, d.OutputCost, d.FineTuningCost)
        : throw new NotSupportedException($"Expected profits are implemented for Cobb-Douglas models, not '{d.ProductionFunction}'.");

    private static double OverTypes(IPricingModel model, Func<double, Bundle, double> measure, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var technology = Technology(d);
        var values = d.Values.Core;
        double reserve = model.ReserveValue;
        // The item of (w, s) starts fine-tuning where φ(w) s^δ = θ̂: a kink of the integrand.
        double PerScale(double s) => Expect(values, w => Measure(technology, measure, values.VirtualValue(w), s), reserve, what,
            FineTuningSwitch(values, reserve, technology.FineTuningVirtualValue(s)));
        return d.Scales is { } scales ? Expect(scales.Core, PerScale, scales.Core.Lower, what) : PerScale(1);
    }

    private static double OverThetas(IIndexModel model, Func<double, Bundle, double> measure, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var technology = Technology(d);
        var thetas = ThetaDistributions.Create(d.Values.Core, d.Scales?.Core, technology.Delta);
        double reserve = thetas.ReserveValue;
        return Expect(thetas, t => Measure(technology, measure, thetas.VirtualValue(t), 1), reserve, what,
            FineTuningSwitch(thetas, reserve, technology.FineTuningThreshold));
    }

    private static double Measure(CobbDouglasCore technology, Func<double, Bundle, double> measure, double phi, double scale) =>
        phi > 0 ? measure(phi, technology.FirstBest(phi, scale)) : 0;

    private static double FineTuningSwitch(DistributionCore d, double reserve, double level) =>
        d.VirtualValue(d.Top) < level ? double.NaN : d.FirstTypeReaching(level, reserve, d.Top);

    /// <summary>
    /// E[g(t); t ≥ from] = ∫ g(F⁻¹(u)) du over u ≥ F(from): quantile space keeps unbounded supports finite.
    /// Split at the images of the density's kinks and of the pools, where g has kinks.
    /// </summary>
    private static double Expect(DistributionCore d, Func<double, double> g, double from, string what, double kink = double.NaN)
    {
        var cuts = new List<double> { d.Cdf(kink) };
        foreach (double k in d.Kinks) cuts.Add(d.Cdf(k));
        foreach (var pool in d.PoolingIntervals) { cuts.Add(d.Cdf(pool.Lower)); cuts.Add(d.Cdf(pool.Upper)); }
        return Quadrature.Integrate(u => g(d.Quantile(u)), d.Cdf(from), 1, cuts, what);
    }
}
