using System;
using System.Collections.Generic;

namespace MenuDsl.Kernel;

/// <summary>
/// A smoothed empirical law: the distribution function is piecewise linear through equal-count bins of a sample
/// (a histogram density), from the sample's minimum to its maximum. The bin edges are the sample's quantiles at
/// k/B (linear interpolation between order statistics), B = ⌊√n⌋ capped at <see cref="MaxBins"/>; F at edge k is k/B.
/// Ties that make edges coincide merge the bins: the tied mass is spread over the neighbouring bins (to the right
/// at the minimum, to the left at the maximum, half each way inside). The density is constant on each bin, so φ is
/// linear with slope 2 inside a bin and jumps at the edges; where the histogram makes it fall the kernel irons it.
/// </summary>
internal sealed class EmpiricalCore : DistributionCore
{
    /// <summary>The most bins a sample is cut into.</summary>
    public const int MaxBins = 100;

    private readonly double[] edges;
    private readonly double[] levels;

    /// <summary>A law through the points (edges[i], levels[i]): edges strictly increasing, levels from 0 to 1, non-decreasing.</summary>
    private EmpiricalCore(double[] edges, double[] levels, int sampleSize)
    {
        this.edges = edges;
        this.levels = levels;
        SampleSize = sampleSize;
    }

    /// <summary>How many values the law was built from.</summary>
    public int SampleSize { get; }

    /// <summary>The number of bins after ties were merged.</summary>
    public int Bins => edges.Length - 1;

    /// <summary>
    /// Why the sample cannot make a law (fewer than two values, or all equal), or null. Entries must already be
    /// checked finite and ≥ 0.
    /// </summary>
    public static string? Validate(IReadOnlyList<double> sample)
    {
        if (sample.Count < 2) return $"an empirical law needs at least 2 values but the sample has {sample.Count}";
        for (int i = 1; i < sample.Count; i++)
            if (sample[i] != sample[0]) return null;
        return $"every value of the sample is {Families.Format(sample[0])}: a single point has no density";
    }

    /// <summary>Builds the law from a sample of finite, non-negative values with at least two distinct ones.</summary>
    public static EmpiricalCore Create(IReadOnlyList<double> sample)
    {
        if (Validate(sample) is { } error) throw new ArgumentException(error + ".", nameof(sample));
        var sorted = new double[sample.Count];
        for (int i = 0; i < sorted.Length; i++) sorted[i] = sample[i];
        Array.Sort(sorted);
        int n = sorted.Length;
        int bins = Math.Max(1, Math.Min(MaxBins, (int)Math.Floor(Math.Sqrt(n))));

        var edges = new List<double>(bins + 1);
        var levels = new List<double>(bins + 1);
        int k = 0;
        while (k <= bins)
        {
            double edge = At(sorted, (double)k * (n - 1) / bins);
            int last = k;
            while (last < bins && At(sorted, (double)(last + 1) * (n - 1) / bins) == edge) last++;
            // A run of equal edges k..last: keep one point, at the bottom or top pinned to 0 or 1, else the run's middle level.
            double level = k == 0 ? 0 : last == bins ? 1 : 0.5 * ((double)k / bins + (double)last / bins);
            if (edges.Count > 0 && edge <= edges[edges.Count - 1])
            {
                // Floating-point interpolation can repeat an edge across runs; keep the higher level.
                levels[levels.Count - 1] = Math.Max(levels[levels.Count - 1], level);
            }
            else
            {
                edges.Add(edge);
                levels.Add(level);
            }
            k = last + 1;
        }
        levels[0] = 0;
        levels[levels.Count - 1] = 1;
        return new EmpiricalCore(edges.ToArray(), levels.ToArray(), n);
    }

    // The type-7 sample quantile: linear interpolation between the order statistics around a fractional index.
    private static double At(double[] sorted, double position)
    {
        int i = (int)Math.Floor(position);
        if (i >= sorted.Length - 1) return sorted[sorted.Length - 1];
        double fraction = position - i;
        return fraction == 0 ? sorted[i] : sorted[i] + fraction * (sorted[i + 1] - sorted[i]);
    }

    public override double Lower => edges[0];

    public override double Upper => edges[edges.Length - 1];

    public override double TailExponent => double.PositiveInfinity;

    /// <summary>The bin edges: the density jumps there.</summary>
    public override IEnumerable<double> Kinks => edges;

    // The bin holding t: the last i with edges[i] ≤ t, at most the last bin.
    private int Bin(double t)
    {
        int i = Array.BinarySearch(edges, t);
        if (i < 0) i = ~i - 1;
        return Math.Max(0, Math.Min(i, edges.Length - 2));
    }

    private double Density(int i) => (levels[i + 1] - levels[i]) / (edges[i + 1] - edges[i]);

    /// <summary>Constant on each bin, right-continuous; at the top of the support the last bin's (left limit).</summary>
    public override double Pdf(double t) => t < Lower || t > Upper ? 0 : Density(Bin(t));

    public override double Cdf(double t)
    {
        if (t <= Lower) return 0;
        if (t >= Upper) return 1;
        int i = Bin(t);
        return levels[i] + (levels[i + 1] - levels[i]) * ((t - edges[i]) / (edges[i + 1] - edges[i]));
    }

    public override double Survival(double t)
    {
        if (t <= Lower) return 1;
        if (t >= Upper) return 0;
        int i = Bin(t);
        return (1 - levels[i + 1]) + (levels[i + 1] - levels[i]) * ((edges[i + 1] - t) / (edges[i + 1] - edges[i]));
    }

    public override double Quantile(double u)
    {
        if (u <= 0) return Lower;
        if (u >= 1) return Upper;
        int i = Array.BinarySearch(levels, u);
        if (i >= 0)
        {
            // The first edge at this level: F reaches u there (a flat stretch, a zero-mass bin, lies beyond it).
            while (i > 0 && levels[i - 1] == u) i--;
            return edges[i];
        }
        i = ~i - 1;
        double share = (u - levels[i]) / (levels[i + 1] - levels[i]);
        return Math.Min(edges[i + 1], edges[i] + share * (edges[i + 1] - edges[i]));
    }
}
