using System;
using System.Collections.Generic;
using MathNet.Numerics.Integration;

namespace MenuDsl;

/// <summary>Adaptive Gauss-Kronrod integration split at known kinks, with a convergence check.</summary>
internal static class Quadrature
{
    private const double RelativeTolerance = 1e-12;

    // Deep enough to resolve smooth pieces far below tolerance; shallow enough that roundoff noise cannot make
    // the recursion explode.
    private const int MaximumDepth = 12;

    /// <summary>
    /// ∫ₐᵇ f, split at the breakpoints inside (a, b). The absolute tolerance is the error accepted whatever the
    /// integral's size: roundoff in an integrand that nearly vanishes (quality just above the reserve value)
    /// keeps the relative error estimate from getting small. The relative acceptance is the error estimate, as a
    /// share of ∫|f|, above which the integral counts as not converged.
    /// </summary>
    /// <exception cref="InvalidOperationException">The error estimate stays above tolerance.</exception>
    public static double Integrate(Func<double, double> f, double a, double b, IEnumerable<double> breakpoints, string what, double absoluteTolerance = 0,
        double relativeAcceptance = 1e-8, double relativeTolerance = RelativeTolerance)
    {
        if (!(b > a)) return 0;
        var cuts = Cuts(a, b, breakpoints);
        double sum = 0, error = 0, l1 = 0;
        for (int i = 1; i < cuts.Count; i++)
        {
            if (!(cuts[i] > cuts[i - 1])) continue;
            sum += GaussKronrodRule.Integrate(f, cuts[i - 1], cuts[i], out double e, out double norm, relativeTolerance, MaximumDepth, 15);
            error += e;
            l1 += norm;
        }
        if (!double.IsFinite(sum) || !(error <= relativeAcceptance * l1 + absoluteTolerance))
            throw new InvalidOperationException(
                $"The integral for {what} over [{a}, {b}] did not converge (estimate {sum}, error estimate {error}).");
        return sum;
    }

    /// <summary>
    /// ∫ₐᵇ f by adaptive Gauss-Kronrod on one smooth piece, with its error estimate and ∫|f|, without a convergence
    /// check: callers that sum pieces (<see cref="RentSchedule"/>) apply <see cref="Integrate"/>'s acceptance to the sum.
    /// </summary>
    public static double Piece(Func<double, double> f, double a, double b, out double error, out double l1)
    {
        error = 0; l1 = 0;
        return b > a ? GaussKronrodRule.Integrate(f, a, b, out error, out l1, RelativeTolerance, MaximumDepth, 15) : 0;
    }

    /// <summary>
    /// <see cref="Integrate"/> for integrands that may be infinite (integrably) at the breakpoints, such as densities
    /// of beta laws with a or b &lt; 1. On each piece [c, d], t = c + (d − c)·σ(x) with σ(x) = x²(3 − 2x): σ′ = 6x(1 − x)
    /// vanishes at both ends, so an end singularity (t − c)^(−½) becomes a constant and milder ones become bounded.
    /// </summary>
    public static double IntegrateSmoothingEnds(Func<double, double> f, double a, double b, IEnumerable<double> breakpoints, string what, double absoluteTolerance = 0, double relativeAcceptance = 1e-8)
    {
        if (!(b > a)) return 0;
        var cuts = Cuts(a, b, breakpoints);
        int pieces = cuts.Count - 1;
        double Piecewise(double x)
        {
            int i = Math.Min((int)x, pieces - 1);
            double u = x - i, width = cuts[i + 1] - cuts[i];
            double jacobian = 6 * u * (1 - u) * width, t = cuts[i] + width * u * u * (3 - 2 * u);
            // Rounding can land t on an end, where the integrand may be infinite; the end itself has no weight.
            return jacobian == 0 || t <= cuts[i] || t >= cuts[i + 1] ? 0 : f(t) * jacobian;
        }
        var joints = new List<double>(pieces);
        for (int i = 1; i < pieces; i++) joints.Add(i);
        return Integrate(Piecewise, 0, pieces, joints, what, absoluteTolerance, relativeAcceptance);
    }

    // a, b and the breakpoints strictly between them, sorted.
    private static List<double> Cuts(double a, double b, IEnumerable<double> breakpoints)
    {
        var cuts = new List<double> { a, b };
        foreach (var p in breakpoints)
            if (p > a && p < b) cuts.Add(p);
        cuts.Sort();
        return cuts;
    }
}
