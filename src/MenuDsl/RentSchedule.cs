using System;
using System.Collections.Generic;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// The package rent U(θ) = ∫ Q(k) dk from the reserve value to θ for one quality schedule Q = q(φ̄_θ(·), 1), built
/// once per model: cumulative integrals at nodes, then per call the integral at the node below θ plus one adaptive
/// quadrature over the short, smooth stretch from that node to θ.
/// </summary>
/// <remarks>
/// Nodes: the law's kinks, the pools' ends and the fine-tuning switch (where Q has kinks), the pieces of a tabulated
/// φ̄ (<see cref="DistributionCore.VirtualValueTable"/>) and 64 equal steps of the served types, up to
/// <see cref="DistributionCore.Top"/>; past it, one quadrature from the top node to θ. (At the reserve value
/// Q ∝ φ̄^(κ/δ) is singular in its derivatives; the adaptive rule refines towards it within the first step.)
/// Error bound: every stretch (between nodes, and from the node below θ to θ) is integrated by adaptive Gauss-Kronrod
/// refining towards 10⁻¹² relative, as <see cref="Screening.Rent"/> does; the schedule keeps the running sums of the
/// stretches' error estimates and of ∫|Q|, and each call applies <see cref="Screening.Rent"/>'s acceptance to the
/// whole sum from the reserve value to θ: estimated error ≤ 10⁻⁸ U(θ) + 10⁻⁹ θ Q(θ), else it throws as the direct
/// quadrature would. The nodes only add cuts, so the schedule is at least as accurate as the single quadrature.
/// </remarks>
internal sealed class RentSchedule
{
    private const int Steps = 64;
    private const double RelativeAcceptance = 1e-8, AbsoluteTolerance = 1e-9;

    private readonly DistributionCore law;
    private readonly Func<double, double> quality;
    private readonly double reserve, switchLevel;
    private readonly double[] nodes, cumulative, errors, norms;

    public RentSchedule(DistributionCore law, Func<double, double> quality, double reserve, double switchLevel)
    {
        this.law = law;
        this.quality = quality;
        this.reserve = reserve;
        this.switchLevel = switchLevel;
        double top = law.Top;
        var points = new List<double> { reserve };
        if (top > reserve && Numeric.IsFinite(top))
        {
            points.Add(top);
            foreach (double kink in law.Kinks) points.Add(kink);
            foreach (var pool in law.ServedPoolingIntervals) { points.Add(pool.Lower); points.Add(pool.Upper); }
            points.Add(law.FirstTypeReaching(switchLevel, reserve, top));
            // The pieces of a tabulated φ̄ meet with jumps within its tolerance: nodes too, so every stretch is smooth.
            if (law.VirtualValueTable is { } table) points.AddRange(table.Breakpoints);
            double step = (top - reserve) / Steps;
            for (int i = 1; i < Steps; i++) points.Add(reserve + i * step);
            points.RemoveAll(p => !(p >= reserve && p <= top));
        }
        points.Sort();
        var distinct = new List<double>(points.Count);
        foreach (double p in points)
            if (distinct.Count == 0 || p > distinct[distinct.Count - 1]) distinct.Add(p);
        nodes = distinct.ToArray();
        cumulative = new double[nodes.Length];
        errors = new double[nodes.Length];
        norms = new double[nodes.Length];
        for (int j = 1; j < nodes.Length; j++)
        {
            // Past an overflowing quality the rent is infinite; At reports that before reading the sums.
            double piece = double.PositiveInfinity, error = 0, norm = 0;
            if (quality(nodes[j]) <= double.MaxValue) piece = Quadrature.Piece(quality, nodes[j - 1], nodes[j], out error, out norm);
            cumulative[j] = cumulative[j - 1] + piece;
            errors[j] = errors[j - 1] + error;
            norms[j] = norms[j - 1] + norm;
        }
    }

    /// <summary>U(<paramref name="type"/>); 0 at or below the reserve value, +∞ where the quality overflows.</summary>
    public double At(double type)
    {
        if (!(type > reserve)) return 0;
        double end = quality(type);
        if (!(end <= double.MaxValue)) return double.PositiveInfinity;
        // The last node at or below the type.
        int lo = 0, hi = nodes.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (nodes[mid] <= type) lo = mid; else hi = mid - 1;
        }
        double from = nodes[lo];
        double sum = cumulative[lo], error = errors[lo], norm = norms[lo];
        if (type > from)
        {
            // Between nodes the integrand is smooth; past the top node the kinks still ahead split the stretch.
            var cuts = new List<double> { from, type };
            if (lo == nodes.Length - 1 && nodes.Length > 1)
            {
                foreach (double kink in law.Kinks) cuts.Add(kink);
                foreach (var pool in law.ServedPoolingIntervals) { cuts.Add(pool.Lower); cuts.Add(pool.Upper); }
                cuts.Add(law.FirstTypeReaching(switchLevel, from, type));
                cuts.RemoveAll(c => !(c >= from && c <= type));
                cuts.Sort();
            }
            for (int i = 1; i < cuts.Count; i++)
            {
                sum += Quadrature.Piece(quality, cuts[i - 1], cuts[i], out double e, out double l1);
                error += e;
                norm += l1;
            }
        }
        // Screening.Rent's acceptance, applied to the whole integral from the reserve value.
        if (!Numeric.IsFinite(sum) || !(error <= RelativeAcceptance * norm + AbsoluteTolerance * type * end))
            throw new InvalidOperationException(
                $"The integral for the package rent over [{reserve}, {type}] did not converge (estimate {sum}, error estimate {error}).");
        return sum;
    }
}
