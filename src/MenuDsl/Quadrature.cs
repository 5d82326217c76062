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
    public static double Integrate(Func<double, double> f, double a, double b, IEnumerable<double> breakpoints, string what, double absoluteTolerance = 0, double relativeAcceptance = 1e-8)
    {
        if (!(b > a)) return 0;
        var cuts = new List<double> { a, b };
        foreach (var p in breakpoints)
            if (p > a && p < b) cuts.Add(p);
        cuts.Sort();
        double sum = 0, error = 0, l1 = 0;
        for (int i = 1; i < cuts.Count; i++)
        {
            if (!(cuts[i] > cuts[i - 1])) continue;
            sum += GaussKronrodRule.Integrate(f, cuts[i - 1], cuts[i], out double e, out double norm, RelativeTolerance, MaximumDepth, 15);
            error += e;
            l1 += norm;
        }
        if (double.IsNaN(sum) || error > relativeAcceptance * l1 + absoluteTolerance)
            throw new InvalidOperationException(
                $"The integral for {what} over [{a}, {b}] did not converge (estimate {sum}, error estimate {error}).");
        return sum;
    }
}
