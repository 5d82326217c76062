using System;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>Expected revenue and profit of a model's menus over its declared type distributions.</summary>
/// <remarks>
/// Each member returns a finite number or throws <see cref="InvalidOperationException"/> saying why: the expectation
/// is infinite (a power tail too heavy for surplus that grows like t^(1/ε)), or a quadrature did not converge.
/// </remarks>
public static class MenuMetrics
{
    // Myerson's identity E[T] = E[φ̄ q] (q is constant where φ̄ pools, and φ carries the point mass of a support
    // gap) replaces each transfer's own rent integral, and the menu item is the first-best bundle of value φ̄: the
    // expectations are single smooth quadratures of closed forms rather than nested ones.

    /// <summary>E[T − C] = E[φ̄(w) q − C(q, s)] of the contractible screening menu, over w ~ F_w and s ~ F_s.</summary>
    public static double ExpectedProfit(this IPricingModel model) =>
        OverTypes(model, (phi, item) => phi * item.Quality - item.Cost, "the expected profit");

    /// <summary>E[T] = E[φ̄(w) q] of the contractible screening menu, over w ~ F_w and s ~ F_s.</summary>
    public static double ExpectedRevenue(this IPricingModel model) =>
        OverTypes(model, (phi, item) => phi * item.Quality, "the expected revenue");

    /// <summary>
    /// Expected profit of linear pricing — today's price sheet: every token at <paramref name="markup"/> × cost, no fee —
    /// over w ~ F_w and s ~ F_s: each type buys the first best of value w/markup on its tasks and the seller keeps
    /// (markup − 1) × its cost. The baseline a menu is compared with.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The markup is not finite and ≥ 1.</exception>
    public static double LinearPricingProfit(this IPricingModel model, double markup)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(markup >= 1) || !double.IsFinite(markup))
            throw new ArgumentOutOfRangeException(nameof(markup), markup, $"'markup' must be finite and >= 1 but is {markup}.");
        var d = model.Description;
        var technology = d.Core;
        var values = d.Values.Core;
        const string what = "the expected profit of linear pricing";
        CheckTail(values, technology, what, "values");
        // The bundle of (w, s) fine-tunes from w = markup·φ̂(s): a kink of the integrand.
        double PerScale(double s) => Expectations.Of(values, w => w > 0 ? (markup - 1) * technology.FirstBest(w / markup, s).Cost : 0,
            values.Lower, markup * technology.FineTuningVirtualValue(s), what, technology.Accuracy);
        return Solved(() => d.Scales is { } scales ? Expectations.Of(scales.Core, PerScale, scales.Core.Lower, double.NaN, what, technology.Accuracy) : PerScale(1), what);
    }

    /// <summary>E[T − C] = E[φ̄_θ Q − C(Q)] of the token-package menu, over θ ~ F_θ.</summary>
    public static double ExpectedPackageProfit(this IIndexModel model) =>
        OverThetas(model, (phi, item) => phi * item.Quality - item.Cost, "the expected package profit");

    /// <summary>E[T] = E[φ̄_θ Q] of the token-package menu, over θ ~ F_θ.</summary>
    public static double ExpectedPackageRevenue(this IIndexModel model) =>
        OverThetas(model, (phi, item) => phi * item.Quality, "the expected package revenue");

    private static double OverTypes(IPricingModel model, Func<double, Bundle, double> measure, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var technology = d.Core;
        var values = d.Values.Core;
        CheckTail(values, technology, what, "values");
        double reserve = model.ReserveValue;
        // The item of (w, s) starts fine-tuning where φ̄(w) s^δ = θ̂: a kink of the integrand.
        // A numeric first best is accurate to its solver's tolerance only: the quadratures cannot resolve more.
        double accuracy = technology.Accuracy;
        double PerScale(double s) => Expectations.Of(values, w => Measure(technology, measure, values.VirtualValue(w), s), reserve,
            FineTuningSwitch(values, reserve, technology.FineTuningVirtualValue(s)), what, accuracy);
        return Solved(() => d.Scales is { } scales ? Expectations.Of(scales.Core, PerScale, scales.Core.Lower, double.NaN, what, accuracy) : PerScale(1), what);
    }

    // A first best the numeric solver cannot find surfaces as the metric that needed it.
    private static double Solved(Func<double> compute, string what)
    {
        try
        {
            return compute();
        }
        catch (ArithmeticException e) when (ValueScaleMenu.FromSolver(e))
        {
            throw new InvalidOperationException($"{char.ToUpperInvariant(what[0])}{what[1..]} could not be computed: {e.Message}.", e);
        }
    }

    private static double OverThetas(IIndexModel model, Func<double, Bundle, double> measure, string what)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var technology = Index(d);
        var thetas = ThetaDistributions.For(d.Values, d.Scales, technology.Delta).Core;
        CheckTail(thetas, technology, what, "types θ");
        double reserve = thetas.ReserveValue;
        if (double.IsPositiveInfinity(reserve)) return 0;
        return Expectations.Of(thetas, t => Measure(technology, measure, thetas.VirtualValue(t), 1), reserve,
            FineTuningSwitch(thetas, reserve, technology.FineTuningThreshold), what);
    }

    private static double Measure(TechnologyCore technology, Func<double, Bundle, double> measure, double phi, double scale) =>
        phi > 0 ? measure(phi, technology.FirstBest(phi, scale)) : 0;

    // The lowest type whose item fine-tunes; NaN when none does (no kink to split at). On an unbounded support it
    // may lie beyond the numeric top, in the tail.
    private static double FineTuningSwitch(DistributionCore d, double reserve, double level)
    {
        double top = d.Top;
        while (double.IsPositiveInfinity(d.Upper) && d.VirtualValue(top) < level && top < 1e300) top *= 2;
        return d.VirtualValue(top) < level ? double.NaN : d.FirstTypeReaching(level, reserve, top);
    }

    /// <summary>The technology of an index model, which packages need.</summary>
    internal static CobbDouglasCore Index(ModelDescription d) => d.Core as CobbDouglasCore
        ?? throw new InvalidOperationException($"Packages need a technology with an index θ (Cobb-Douglas or CES), not {d.Technology.Name}.");

    /// <summary>
    /// Once an item fine-tunes its quality grows like φ^(ρ/ε), so φ̄ q and C(q) grow like t^(1/ε): against a power tail
    /// P(t &gt; x) ~ x^(−a) the expectation is finite only if a &gt; 1/ε.
    /// </summary>
    private static void CheckTail(DistributionCore d, TechnologyCore technology, string what, string law)
    {
        // A custom technology's growth is unknown: a tail too heavy for it shows as a quadrature that does not converge.
        if (technology.SurplusGrowth is not { } growth) return;
        if (d.TailExponent <= growth)
            throw new InvalidOperationException(
                $"{char.ToUpperInvariant(what[0])}{what[1..]} is infinite: the {law} have a power tail P(t > x) ~ x^(−{Families.Format(d.TailExponent)}), " +
                $"while a fine-tuning buyer's surplus grows like t^(1/ε) = t^{Families.Format(growth)}. The expectation needs a tail exponent above 1/ε " +
                "(a larger Pareto shape, or a smaller α + β + γ).");
    }
}
