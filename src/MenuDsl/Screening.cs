using System;
using System.Collections.Generic;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>The numeric parts of screening shared by runtime-built and generated models.</summary>
internal static class Screening
{
    /// <summary>
    /// U = ∫ q dk from the reserve value to the type, for a virtual value that is not affine: quadrature split
    /// where q has kinks (the fine-tuning switch, pool ends, the density's kinks).
    /// </summary>
    public static double Rent(DistributionCore d, Func<double, double> quality, double from, double to, double switchLevel, string what,
        double qualityAccuracy = 0)
    {
        if (!(to > from)) return 0;
        // An item whose quality overflows has no finite rent; the caller's representability check names the type.
        double top = quality(to);
        if (!(top <= double.MaxValue)) return double.PositiveInfinity;
        var cuts = new List<double>(d.Kinks);
        foreach (var pool in d.PoolingIntervals) { cuts.Add(pool.Lower); cuts.Add(pool.Upper); }
        // The virtual value is non-decreasing, so the fine-tuning switch is one point found by bisection.
        cuts.Add(d.FirstTypeReaching(switchLevel, from, to));
        // Roundoff in q near the reserve value is what limits the error estimate: accept errors far below the
        // transfer's own scale to·q(to), which is what the rent is subtracted from; a numeric first best can only
        // be integrated as accurately as it is solved (refining below that only resolves its noise).
        double accuracy = 10 * qualityAccuracy;
        return Quadrature.Integrate(quality, from, to, cuts, what, Math.Max(1e-9, accuracy) * to * top,
            relativeAcceptance: Math.Max(1e-8, accuracy), relativeTolerance: Math.Max(1e-12, accuracy));
    }
}
