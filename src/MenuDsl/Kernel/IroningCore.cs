using System;
using System.Collections.Generic;
using System.Linq;

namespace MenuDsl.Kernel;

/// <summary>
/// Myerson ironing. In quantile space u = F(t) the curve H(u) = ∫₀ᵘ φ(F⁻¹(v)) dv is convex exactly when φ is
/// non-decreasing; the ironed virtual value is the slope of H's lower convex hull. Where the hull leaves H it
/// is a bitangent, and the types in between are pooled at its slope.
/// </summary>
internal sealed class IroningCore
{
    private const int GridSize = 2048;

    private IroningCore(PoolingInterval[] pools) => Pools = pools;

    public IReadOnlyList<PoolingInterval> Pools { get; }

    public PoolingInterval? PoolContaining(double t)
    {
        foreach (var pool in Pools)
            if (t >= pool.Lower && t <= pool.Upper) return pool;
        return null;
    }

    public static IroningCore Compute(DistributionCore d)
    {
        double[] t = Grid(d);
        int n = t.Length;
        var u = new double[n];
        var h = new double[n];
        for (int i = 0; i < n; i++)
        {
            var (cdf, survival) = d.CdfAndSurvival(t[i]);
            u[i] = cdf;
            h[i] = d.CumulativeVirtualValue(t[i], survival);
        }

        // Lower convex hull by Andrew's monotone chain; points with equal u collapse to the lowest H.
        var hull = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            while (hull.Count >= 2 && !TurnsLeft(u, h, hull[hull.Count - 2], hull[hull.Count - 1], i))
                hull.RemoveAt(hull.Count - 1);
            hull.Add(i);
        }

        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.Max(scale, Math.Abs(h[i]));
        double tolerance = 1e-12 * Math.Max(scale, 1e-300);

        var pools = new List<PoolingInterval>();
        for (int k = 1; k < hull.Count; k++)
        {
            int a = hull[k - 1], b = hull[k];
            if (b == a + 1 || u[b] <= u[a]) continue;
            double slope = (h[b] - h[a]) / (u[b] - u[a]);
            bool leaves = false;
            for (int i = a + 1; i < b && !leaves; i++)
                leaves = h[i] - (h[a] + slope * (u[i] - u[a])) > tolerance;
            if (!leaves) continue;
            pools.Add(Refine(d, t, a, b));
        }
        return new IroningCore(pools.ToArray());
    }

    // Strict left turn of a → b → c; collinear points are dropped, which keeps pools maximal.
    private static bool TurnsLeft(double[] u, double[] h, int a, int b, int c) =>
        (u[b] - u[a]) * (h[c] - h[a]) - (h[b] - h[a]) * (u[c] - u[a]) > 0;

    /// <summary>
    /// Moves the grid bitangent to the true one: with slope k fixed, each end minimises H − k·u near its grid
    /// point (where φ = k); then k is the chord slope again. Converges in a few rounds.
    /// </summary>
    private static PoolingInterval Refine(DistributionCore d, double[] t, int a, int b)
    {
        double aLo = t[Math.Max(a - 1, 0)], aHi = t[a + 1];
        double bLo = t[b - 1], bHi = t[Math.Min(b + 1, t.Length - 1)];
        double lower = t[a], upper = t[b];
        double level = Chord(d, lower, upper);
        for (int round = 0; round < 100; round++)
        {
            double k = level;
            lower = Tangency(d, k, aLo, aHi);
            upper = Tangency(d, k, bLo, bHi);
            level = Chord(d, lower, upper);
            if (Math.Abs(level - k) <= 1e-15 * (1 + Math.Abs(k))) break;
        }
        return new PoolingInterval(OutOfGap(d, lower, toUpper: false), OutOfGap(d, upper, toUpper: true), level);
    }

    // H − k·u is flat across a gap of the support, so a pool end found inside one is arbitrary: the pool covers
    // the whole gap (its types have no mass, but they must not fall back to the raw φ).
    private static double OutOfGap(DistributionCore d, double end, bool toUpper) =>
        d.Gap(end) is { } gap ? (toUpper ? gap.Upper : gap.Lower) : end;

    /// <summary>
    /// The point of [lo, hi] where H − k·u is least. Where φ crosses k inside the bracket that is the crossing,
    /// found by bisection to the last bit (a golden-section search on the flat minimum would stop at √ε);
    /// at a kink or an end of the support the search falls back to golden section.
    /// </summary>
    private static double Tangency(DistributionCore d, double k, double lo, double hi)
    {
        if (d.RawVirtualValue(lo) < k && d.RawVirtualValue(hi) > k)
        {
            double crossing = Numeric.FirstTrue(x => d.RawVirtualValue(x) >= k, lo, hi);
            if (d.Pdf(crossing) > 0) return crossing;
        }
        return Numeric.GoldenSectionMinimum(x => Tilted(d, x, k), lo, hi);
    }

    // H − k·u at t: least where a line of slope k touches H.
    private static double Tilted(DistributionCore d, double t, double k)
    {
        var (cdf, survival) = d.CdfAndSurvival(t);
        return d.CumulativeVirtualValue(t, survival) - k * cdf;
    }

    private static double Chord(DistributionCore d, double lower, double upper)
    {
        var (cdfLower, survivalLower) = d.CdfAndSurvival(lower);
        var (cdfUpper, survivalUpper) = d.CdfAndSurvival(upper);
        return (d.CumulativeVirtualValue(upper, survivalUpper) - d.CumulativeVirtualValue(lower, survivalLower)) / (cdfUpper - cdfLower);
    }

    /// <summary>
    /// The distribution's grid (see <see cref="DistributionCore.IroningGrid"/>) plus the kinks and points just
    /// beside them, inside the support, sorted and distinct; only up to the reserve value where no pool reaches the
    /// served types (<see cref="DistributionCore.IsCertifiedRegularWhereServed"/>): the hull touches H there, so the
    /// hull of the part below is the whole hull's part below.
    /// </summary>
    private static double[] Grid(DistributionCore d)
    {
        var points = new List<double>(d.IroningGrid(GridSize));
        double top = double.IsPositiveInfinity(d.Upper) ? points.Max() : d.Upper;
        if (d.IsCertifiedRegularWhereServed && d.ReserveValue < top)
        {
            top = d.ReserveValue;
            points.Add(top);
        }
        // Kinks (component ends) are where narrow pools start: a pool holding less mass than a grid cell
        // would otherwise fall between two grid points.
        foreach (double kink in d.Kinks)
        {
            points.Add(kink);
            foreach (double side in new[] { kink * (1 - 1e-9), kink * (1 + 1e-9) }) points.Add(side);
        }
        points.RemoveAll(p => double.IsInfinity(p) || p < d.Lower || p > top);
        points.Sort();
        var distinct = new List<double>(points.Count);
        foreach (var p in points)
            if (distinct.Count == 0 || p > distinct[distinct.Count - 1]) distinct.Add(p);
        return distinct.ToArray();
    }
}
