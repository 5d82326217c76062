using System;
using System.Collections.Generic;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>Expected revenue and profit of a model's menus over its declared type distributions.</summary>
public static class MenuMetrics
{
    /// <summary>E[T − C] of the contractible screening menu, over w ~ F_w and s ~ F_s.</summary>
    public static double ExpectedProfit(this IPricingModel model) => OverTypes(model, c => c.Profit, "the expected profit");

    /// <summary>E[T] of the contractible screening menu, over w ~ F_w and s ~ F_s.</summary>
    public static double ExpectedRevenue(this IPricingModel model) => OverTypes(model, c => c.Transfer, "the expected revenue");

    /// <summary>E[T − C] of the token-package menu, over θ ~ F_θ.</summary>
    public static double ExpectedPackageProfit(this IIndexModel model) => OverThetas(model, p => p.Profit, "the expected package profit");

    /// <summary>E[T] of the token-package menu, over θ ~ F_θ.</summary>
    public static double ExpectedPackageRevenue(this IIndexModel model) => OverThetas(model, p => p.Transfer, "the expected package revenue");

    private static double OverTypes(IPricingModel model, Func<Contract, double> measure, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var values = d.Values.Core;
        double reserve = model.ReserveValue;
        double PerScale(double s) => Expect(values, w => measure(model.Contract(w, s)), reserve, what);
        return d.Scales is { } scales ? Expect(scales.Core, PerScale, scales.Core.Lower, what) : PerScale(1);
    }

    private static double OverThetas(IIndexModel model, Func<PackageContract, double> measure, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var thetas = ThetaDistributions.Create(d.Values.Core, d.Scales?.Core, 1 - d.Alpha - d.Beta);
        double reserve = Numeric.FirstTrue(t => thetas.VirtualValue(t) > 0, thetas.Lower, thetas.Quantile(1 - 1e-12));
        return Expect(thetas, t => measure(model.Package(t)), reserve, what);
    }

    /// <summary>
    /// E[g(t); t ≥ from] = ∫ g(F⁻¹(u)) du over u ≥ F(from): quantile space keeps unbounded supports finite.
    /// Split at the images of the density's kinks and of the pools, where g has kinks.
    /// </summary>
    private static double Expect(DistributionCore d, Func<double, double> g, double from, string what)
    {
        var cuts = new List<double>();
        foreach (double k in d.Kinks) cuts.Add(d.Cdf(k));
        foreach (var pool in d.PoolingIntervals) { cuts.Add(d.Cdf(pool.Lower)); cuts.Add(d.Cdf(pool.Upper)); }
        return Quadrature.Integrate(u => g(d.Quantile(u)), d.Cdf(from), 1, cuts, what);
    }
}
