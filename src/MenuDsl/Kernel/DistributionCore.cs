using System;
using System.Collections.Generic;
using System.Threading;

namespace MenuDsl.Kernel;

/// <summary>
/// A type distribution F on a subset of the non-negative reals: density, distribution function, support and
/// the Myerson virtual value φ(t) = t − (1 − F(t)) / f(t), ironed where it is not non-decreasing.
/// </summary>
internal abstract class DistributionCore
{
    // Distributions are shared by the static singletons of generated models, so lazy state must be published
    // safely: each cache is computed at most once and read only when complete.
    private readonly Lazy<IroningCore> ironing;
    private readonly Lazy<double> reserveValue;
    private readonly Lazy<double> top;
    private readonly Lazy<ChebyshevTable?> virtualValueTable;

    protected DistributionCore()
    {
        ironing = new Lazy<IroningCore>(() => IroningCore.Compute(this), LazyThreadSafetyMode.ExecutionAndPublication);
        reserveValue = new Lazy<double>(ComputeReserveValue, LazyThreadSafetyMode.ExecutionAndPublication);
        top = new Lazy<double>(() => double.IsPositiveInfinity(Upper) ? Quantile(1 - 1e-12) : Upper, LazyThreadSafetyMode.ExecutionAndPublication);
        virtualValueTable = new Lazy<ChebyshevTable?>(BuildVirtualValueTable, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Lower end of the support (finite).</summary>
    public abstract double Lower { get; }

    /// <summary>Upper end of the support (may be +∞).</summary>
    public abstract double Upper { get; }

    public abstract double Pdf(double t);

    public abstract double Cdf(double t);

    /// <summary>1 − F(t), computed without cancellation where the family allows it.</summary>
    public virtual double Survival(double t) => 1.0 - Cdf(t);

    /// <summary>
    /// F(t) and 1 − F(t), what ironing reads at each type, which needs them to 10⁻¹² in probability rather than each
    /// relative to itself; laws that integrate them get both from one quadrature held to that.
    /// </summary>
    public virtual (double Cdf, double Survival) CdfAndSurvival(double t) => (Cdf(t), Survival(t));

    /// <summary>f(t) and 1 − F(t), what φ needs; laws that integrate them get both from one quadrature.</summary>
    public virtual (double Pdf, double Survival) PdfAndSurvival(double t) => (Pdf(t), Survival(t));

    /// <summary>Smallest t with F(t) ≥ u. Bisection by default; families with a closed form override it.</summary>
    public virtual double Quantile(double u)
    {
        if (u <= 0) return Lower;
        if (u >= 1) return Upper;
        double hi = Upper;
        if (double.IsPositiveInfinity(hi))
        {
            hi = Math.Max(1.0, 2 * Math.Abs(Lower));
            for (int i = 0; i < 2000 && Cdf(hi) < u; i++) hi *= 2;
        }
        return Numeric.FirstTrue(t => Cdf(t) >= u, Lower, hi);
    }

    /// <summary>Whether the density is bounded (false for power laws with c &lt; 1 and beta laws with a or b &lt; 1).</summary>
    public virtual bool HasBoundedDensity => true;

    /// <summary>
    /// Whether each quantile is a root search over expensive distribution functions (a numeric law of θ), so that
    /// expectations integrate against the density instead of over quantiles.
    /// </summary>
    public virtual bool HasCostlyQuantile => false;

    /// <summary>
    /// The maximal intervals on which the density is positive, in increasing order. A single interval except for
    /// mixtures whose components leave gaps.
    /// </summary>
    public virtual IReadOnlyList<Interval> SupportIntervals => new[] { new Interval(Lower, Upper) };

    /// <summary>
    /// Whether φ is known to be non-decreasing on the whole support (uniform, exponential, Pareto, power with
    /// c ≥ 1, log-concave densities). Only then is ironing skipped.
    /// </summary>
    public virtual bool IsCertifiedRegular => false;

    /// <summary>
    /// Whether ln t has a log-concave density, i.e. t·f(t) is log-concave in ln t: uniform, exponential, Pareto and
    /// log-normal laws; power laws with c ≥ 1 or lo = 0; beta laws with b ≥ 1 and a ≥ 1 or lo = 0; truncated normals
    /// with lo ≥ mean/2. ln θ = ln w + δ ln s then has one too (a convolution of log-concave densities is log-concave),
    /// which certifies the law of θ where it is served (<see cref="IsCertifiedRegularWhereServed"/>).
    /// </summary>
    public virtual bool LogHasLogConcaveDensity => false;

    /// <summary>
    /// Whether φ is known to be non-decreasing wherever it is positive, so that no pool holds a served type: φ̄ = φ
    /// where φ &gt; 0, φ̄ ≤ 0 elsewhere, and the reserve value is where φ turns positive, all without ironing. True for
    /// certified-regular laws and for laws of θ whose components' logs have log-concave densities
    /// (<see cref="LogHasLogConcaveDensity"/>): the hazard rate h of ln θ is then non-decreasing, and
    /// φ(t) = t(1 − 1/h(ln t)) is positive exactly above some type, where it is the product of two positive
    /// non-decreasing factors. A pool is a chord below H in quantile space whose level k is H's slope φ at its upper end
    /// and the average of φ over it; ending where φ &gt; 0 it would need φ ≤ k there and an average at least k below,
    /// where φ ≤ 0 &lt; k. So pools lie where φ ≤ 0, at levels ≤ 0. Types below the reserve value are still ironed
    /// (lazily), since their φ̄ is a pool's level.
    /// </summary>
    public virtual bool IsCertifiedRegularWhereServed => IsCertifiedRegular;

    /// <summary>
    /// Whether t f(t)/(1 − F(t)) is known to be non-decreasing, so the markup t/φ(t) is non-increasing where φ &gt; 0
    /// (uniform, exponential, Pareto, power with c ≥ 1; model.md §6): the two-part tariffs are then incentive
    /// compatible and, under Cobb-Douglas, bounded rent growth holds.
    /// </summary>
    public virtual bool HasNonIncreasingMarkup => false;

    /// <summary>
    /// The tail exponent a: E[t^p] is finite exactly for p &lt; a (a Pareto tail P(t &gt; x) ~ x^(−a)); +∞ for bounded
    /// supports and for tails lighter than every power (exponential, log-normal, normal).
    /// </summary>
    public virtual double TailExponent => double.PositiveInfinity;

    /// <summary>
    /// The coefficients of φ(t) = slope·t + intercept when φ is affine in t (uniform, exponential, Pareto);
    /// null otherwise. Only certified-regular laws have one (an affine φ with positive slope never needs
    /// ironing), so an affine φ gives payment integrals in closed form.
    /// </summary>
    public virtual AffineVirtualValue? AffineVirtualValue => null;

    /// <summary>
    /// φ as affine pieces covering the support in order, continuous and increasing (so never ironed), when it is
    /// piecewise affine: one piece for a law with <see cref="AffineVirtualValue"/>, several for some laws of θ; null
    /// otherwise. Rents are then closed forms piece by piece (<see cref="AffinePiece.Rent"/>).
    /// </summary>
    public AffinePiece[]? AffinePieces
    {
        get
        {
            // Found once: every rent of an affine law reads it. Two threads may both find it; they find the same.
            if (Volatile.Read(ref affinePiecesFound) == 0)
            {
                affinePieces = FindAffinePieces();
                Volatile.Write(ref affinePiecesFound, 1);
            }
            return affinePieces;
        }
    }

    private AffinePiece[]? affinePieces;
    private int affinePiecesFound;

    /// <summary>The pieces <see cref="AffinePieces"/> returns; one piece from <see cref="AffineVirtualValue"/> by default.</summary>
    protected virtual AffinePiece[]? FindAffinePieces() =>
        AffineVirtualValue is { Slope: > 0 } affine ? [new AffinePiece(Lower, Upper, affine)] : null;

    /// <summary>φ(t) = t − (1 − F(t)) / f(t), not ironed. Inside a gap of the support (f = 0) it is the left limit.</summary>
    public virtual double RawVirtualValue(double t)
    {
        if (AffineVirtualValue is { } affine) return affine.At(t);
        var (f, survival) = PdfAndSurvival(t);
        if (f > 0) return double.IsPositiveInfinity(f) ? t : t - survival / f;
        // A type in a gap has the quantile of the gap's left end, so it takes that point's virtual value.
        if (Gap(t) is { } gap)
        {
            double fLo = Pdf(gap.Lower);
            return fLo > 0 ? gap.Lower - Survival(gap.Lower) / fLo : gap.Lower;
        }
        // f = 0 at an end of the support: φ tends to −∞ at the bottom and to t where nobody is above.
        return survival == 0 ? t : double.NegativeInfinity;
    }

    /// <summary>The gap of the support (between two support intervals) strictly containing t, if any.</summary>
    public Interval? Gap(double t)
    {
        var intervals = SupportIntervals;
        for (int i = 1; i < intervals.Count; i++)
            if (t > intervals[i - 1].Upper && t < intervals[i].Lower) return new Interval(intervals[i - 1].Upper, intervals[i].Lower);
        return null;
    }

    /// <summary>
    /// The ironed virtual value: φ itself off the pooling intervals, the pool's average of φ on them. Where each
    /// evaluation is a quadrature (<see cref="TabulatesVirtualValue"/>), served types read it from a table built once
    /// (<see cref="VirtualValueTable"/>).
    /// </summary>
    public double VirtualValue(double t)
    {
        if (IsCertifiedRegular) return RawVirtualValue(t);
        if (TabulatesVirtualValue && virtualValueTable.Value is { } table && table.TryEvaluate(t, out double tabulated)) return tabulated;
        return DirectVirtualValue(t);
    }

    /// <summary>φ̄ evaluated from the distribution itself, never from the table.</summary>
    public double DirectVirtualValue(double t)
    {
        if (IsCertifiedRegular) return RawVirtualValue(t);
        if (IsServedUnpooled(t, out double raw)) return raw;
        var pool = Ironing.PoolContaining(t);
        return pool is { } p ? p.Level : IsCertifiedRegularWhereServed ? raw : RawVirtualValue(t);
    }

    /// <summary>
    /// Whether φ̄ is tabulated: true for laws whose density and distribution function are themselves quadratures
    /// (a numeric law of θ), where one evaluation costs a tenth of a millisecond and a rent needs hundreds.
    /// </summary>
    public virtual bool TabulatesVirtualValue => false;

    /// <summary>
    /// Accuracy of the table of φ̄ relative to the types: on a piece [a, b] its error is at most this times
    /// max(a, b − a), so at most this times max(t, b − a) at t (see <see cref="VirtualValueTable"/>).
    /// </summary>
    public const double VirtualValueTableTolerance = 1e-12;

    /// <summary>
    /// The table of φ̄ on the served types [reserve value, <see cref="Top"/>], or null when φ̄ is not tabulated or
    /// nobody is served. Pieces split at the kinks and the pools' ends, so φ̄ is smooth (or constant) on each; each
    /// piece [a, b] is a Chebyshev interpolant accepted when its tail coefficients promise an error below
    /// <see cref="VirtualValueTableTolerance"/> × max(a, b − a) (<see cref="ChebyshevTable"/>), so the package quality
    /// Q ∝ φ̄^p, p = κ/δ or ρ/ε, is off by a relative p·10⁻¹²·max(t, b − a)/φ̄ at most. Types outside the
    /// table, and pieces that never pass the test, are evaluated directly.
    /// </summary>
    public ChebyshevTable? VirtualValueTable => TabulatesVirtualValue ? virtualValueTable.Value : null;

    private ChebyshevTable? BuildVirtualValueTable()
    {
        double from = ReserveValue, to = Top;
        if (!(from < to) || !Numeric.IsFinite(to)) return null;
        var cuts = new List<double>(Kinks);
        foreach (var pool in ServedPoolingIntervals) { cuts.Add(pool.Lower); cuts.Add(pool.Upper); }
        return ChebyshevTable.Build(DirectVirtualValue, from, to, cuts, VirtualValueTableTolerance);
    }

    /// <summary>Whether ironing pools <paramref name="t"/> with other types (its ends included).</summary>
    public bool IsPooled(double t) => !IsCertifiedRegular && !IsServedUnpooled(t, out _) && Ironing.PoolContaining(t) is not null;

    /// <summary>The pooling intervals of the ironed virtual value (empty when φ is non-decreasing).</summary>
    public IReadOnlyList<PoolingInterval> PoolingIntervals =>
        IsCertifiedRegular ? Array.Empty<PoolingInterval>() : Ironing.Pools;

    /// <summary>
    /// The pooling intervals that can hold served types: none when <see cref="IsCertifiedRegularWhereServed"/> (and
    /// ironing is not computed for them), else all of them; callers keep those in their range.
    /// </summary>
    public IReadOnlyList<PoolingInterval> ServedPoolingIntervals =>
        IsCertifiedRegularWhereServed ? Array.Empty<PoolingInterval>() : PoolingIntervals;

    // A type with φ > 0 under IsCertifiedRegularWhereServed: served and in no pool, so φ̄ = φ there. φ is returned
    // either way where certified, NaN elsewhere.
    private bool IsServedUnpooled(double t, out double virtualValue)
    {
        virtualValue = IsCertifiedRegularWhereServed ? RawVirtualValue(t) : double.NaN;
        return virtualValue > 0;
    }

    private IroningCore Ironing => ironing.Value;

    /// <summary>
    /// H(t) = ∫ φ dF from the bottom of the support to t, the seller's objective in quantile space; ironing takes
    /// its convex hull. Closed form: d/dt[−t(1 − F)] = f φ on the support. Across a gap (h₁, l₂) it falls by
    /// (l₂ − h₁)(1 − F(h₁)) at the single quantile F(h₁): the rent every type above the gap earns across it is a
    /// point mass in φ (model.md §6), which is why types just below a gap are pooled at a lower level.
    /// </summary>
    public double CumulativeVirtualValue(double t) => CumulativeVirtualValue(t, Survival(t));

    /// <summary>H(t) from 1 − F(t) already at hand.</summary>
    public double CumulativeVirtualValue(double t, double survival) => Lower - t * survival;

    /// <summary>
    /// ∫ φ̄ dF from the bottom of the support to t for the ironed φ̄: H itself off the pools (the hull touches H there),
    /// and linear in F across a pool at the pool's level. Needs only the CDF, not a quadrature of φ̄.
    /// </summary>
    public double IronedCumulativeVirtualValue(double t)
    {
        if (IsCertifiedRegular || Ironing.PoolContaining(t) is not { } pool) return CumulativeVirtualValue(t);
        return CumulativeVirtualValue(pool.Lower) + pool.Level * (Cdf(t) - Cdf(pool.Lower));
    }

    /// <summary>
    /// Points where the density may be discontinuous or not smooth (ends of the components' supports).
    /// Quadrature splits there.
    /// </summary>
    public virtual IEnumerable<double> Kinks
    {
        get
        {
            foreach (var interval in SupportIntervals)
            {
                yield return interval.Lower;
                if (!double.IsPositiveInfinity(interval.Upper)) yield return interval.Upper;
            }
        }
    }

    /// <summary>
    /// The lowest type with a positive ironed virtual value (the reserve value); +∞ when φ is never positive, so
    /// that nobody would be served.
    /// </summary>
    public double ReserveValue => reserveValue.Value;

    private double ComputeReserveValue()
    {
        // Directly: the table of φ̄ starts here. Where certified, φ̄ > 0 exactly where φ > 0, which needs no ironing.
        bool Served(double t) => IsCertifiedRegularWhereServed ? RawVirtualValue(t) > 0 : DirectVirtualValue(t) > 0;
        if (Served(Lower)) return Lower;
        if (AffineVirtualValue is { Slope: > 0 } affine)
            return Math.Max(Lower, -affine.Intercept / affine.Slope);
        return Served(Top) ? Numeric.FirstTrue(Served, Lower, Top) : double.PositiveInfinity;
    }

    /// <summary>The upper end of the support, or its 1 − 10⁻¹² quantile when unbounded: where numeric searches stop.</summary>
    public double Top => top.Value;

    /// <summary>
    /// The lowest type in [from, to] whose ironed virtual value reaches <paramref name="level"/> (φ̄ is
    /// non-decreasing, so bisection finds it); <paramref name="to"/> when none does.
    /// </summary>
    public double FirstTypeReaching(double level, double from, double to) =>
        Numeric.FirstTrue(t => VirtualValue(t) >= level, from, to);

    /// <summary>
    /// Points that resolve where the mass is, for ironing: <paramref name="size"/> + 1 equal-mass quantiles and
    /// extra ones towards both tails. Laws whose quantiles are expensive override it.
    /// </summary>
    public virtual IEnumerable<double> IroningGrid(int size)
    {
        for (int i = 0; i < size; i++) yield return Quantile((double)i / size);
        yield return Top;
        for (int k = 4; k <= 12; k++)
        {
            yield return Quantile(Math.Pow(10, -k));
            yield return Quantile(1 - Math.Pow(10, -k));
        }
    }
}

/// <summary>A closed interval [Lower, Upper]; Upper may be +∞.</summary>
internal readonly record struct Interval(double Lower, double Upper);

/// <summary>φ(t) = Slope·t + Intercept (Slope ≤ 0 only for a Pareto law whose φ is never positive).</summary>
internal readonly record struct AffineVirtualValue(double Slope, double Intercept)
{
    public double At(double t) => Slope * t + Intercept;

    /// <summary>φ at the bottom of a support starting at <paramref name="lower"/>, floored at 0: where rents start.</summary>
    public double ServedFrom(double lower) => Math.Max(0, At(lower));
}

/// <summary>φ = <paramref name="Phi"/> on [<paramref name="Lower"/>, <paramref name="Upper"/>].</summary>
internal readonly record struct AffinePiece(double Lower, double Upper, AffineVirtualValue Phi)
{
    /// <summary>
    /// U(type) = ∫ q(φ(k), s) dk from the bottom of the pieces to <paramref name="type"/> for an index technology, with
    /// G(v, s) = ∫₀^v q(t, s) dt in closed form (<see cref="CobbDouglasCore.QualityIntegral"/>, 0 for v ≤ 0): on a piece
    /// dk = dφ / slope, so it adds (G(φ(end)) − G(φ(start)⁺)) / slope; types below the reserve value add nothing.
    /// </summary>
    public static double Rent(AffinePiece[] pieces, CobbDouglasCore technology, double scale, double type)
    {
        double rent = 0;
        foreach (var piece in pieces)
        {
            if (!(type > piece.Lower)) break;
            double end = Math.Min(type, piece.Upper);
            rent += (technology.QualityIntegral(Math.Max(0, piece.Phi.At(end)), scale)
                - technology.QualityIntegral(piece.Phi.ServedFrom(piece.Lower), scale)) / piece.Phi.Slope;
        }
        return rent;
    }
}

/// <summary>Types in [Lower, Upper] are pooled: they share the ironed virtual value Level.</summary>
internal readonly record struct PoolingInterval(double Lower, double Upper, double Level);
