using System;
using System.Collections.Generic;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>Expectations E[g(t); t ≥ from] over a type distribution, finite or with an unbounded support.</summary>
internal static class Expectations
{
    // Pieces of the tail stop once the geometric extrapolation of what is left falls below this share of the sum.
    private const double TailTolerance = 1e-14;

    /// <summary>
    /// E[g(t); t ≥ from]. The body is integrated over quantiles u = F(t), which keeps densities that are infinite at an
    /// end of the support harmless; where quantiles are costly (a numeric law of θ), against the density, with the ends
    /// of each piece smoothed (<see cref="Quadrature.IntegrateSmoothingEnds"/>). An unbounded tail is integrated in y = ln(t / t₀) instead, one unit of y at a
    /// time, because in quantile space a growing g is singular at u = 1. Split wherever g or the density has a kink:
    /// the density's own kinks, the pools' ends and <paramref name="switchType"/> (where an item starts to fine-tune).
    /// </summary>
    /// <remarks>
    /// accuracy: the relative accuracy of g (0 for closed forms; a numeric first best's tolerance otherwise). The error
    /// estimate is accepted up to ten times it, since refining below that only resolves g's noise (as in
    /// <see cref="Screening.Rent"/>).
    /// </remarks>
    /// <exception cref="InvalidOperationException">A quadrature does not converge, or the tail does not vanish.</exception>
    public static double Of(DistributionCore d, Func<double, double> g, double from, double switchType, string what, double accuracy = 0)
    {
        double acceptance = Math.Max(1e-8, 10 * accuracy), tolerance = Math.Max(1e-12, 10 * accuracy);
        var kinks = new List<double>(d.Kinks);
        foreach (var pool in d.PoolingIntervals) { kinks.Add(pool.Lower); kinks.Add(pool.Upper); }
        if (Numeric.IsFinite(switchType)) kinks.Add(switchType);
        bool unbounded = double.IsPositiveInfinity(d.Upper);
        double split = unbounded ? Math.Max(from, d.Quantile(0.5)) : d.Upper;
        double body = d.HasCostlyQuantile
            ? Quadrature.IntegrateSmoothingEnds(t => Weighted(d, g, t), from, split, kinks, what, relativeAcceptance: acceptance)
            : Quadrature.Integrate(u => g(d.Quantile(u)), d.Cdf(from), unbounded ? d.Cdf(split) : 1, kinks.ConvertAll(d.Cdf), what,
                relativeAcceptance: acceptance, relativeTolerance: tolerance);
        return unbounded ? body + Tail(d, g, split, kinks, body, what, acceptance, tolerance) : body;
    }

    // g·f, with no evaluation of g where nobody is (f = 0 in a gap or beyond the support).
    private static double Weighted(DistributionCore d, Func<double, double> g, double t)
    {
        double f = d.Pdf(t);
        return f == 0 ? 0 : g(t) * f;
    }

    private static double Tail(DistributionCore d, Func<double, double> g, double start, List<double> kinks, double body, string what,
        double acceptance, double tolerance)
    {
        // t = start·e^y: g grows at most polynomially while the density decays at least like a power, so the pieces
        // shrink geometrically once past the body (exactly so for a Pareto tail).
        double Integrand(double y)
        {
            double t = start * Math.Exp(y);
            return Weighted(d, g, t) * t;
        }
        var cuts = new List<double>();
        foreach (double k in kinks)
            if (k > start && Numeric.IsFinite(k)) cuts.Add(Math.Log(k / start));
        double last = Math.Log(double.MaxValue / start) - 2; // t·f·g must stay representable
        double sum = 0, previous = double.NaN;
        // Far pieces are tiny: their own relative error does not matter, only their share of the whole.
        for (double y = 0; y + 1 <= last; y++)
        {
            double piece = Quadrature.Integrate(Integrand, y, y + 1, cuts, what, TailTolerance * Math.Abs(body + sum), acceptance, tolerance);
            sum += piece;
            if (piece == 0 && previous == 0) return sum; // the density has underflowed, or g vanishes
            double ratio = piece / previous;
            if (ratio >= 0 && ratio < 1)
            {
                double rest = piece * ratio / (1 - ratio);
                if (Math.Abs(rest) <= TailTolerance * Math.Abs(body + sum)) return sum + rest;
            }
            previous = piece;
        }
        throw new InvalidOperationException(
            $"The integral for {what} did not converge: its integrand has not vanished by t = {start * Math.Exp(last):G3} in the tail of the distribution.");
    }
}
