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
            var (t, weight) = Smoothed(cuts[i], cuts[i + 1], x - i);
            return weight == 0 ? 0 : f(t) * weight;
        }
        var joints = new List<double>(pieces);
        for (int i = 1; i < pieces; i++) joints.Add(i);
        return Integrate(Piecewise, 0, pieces, joints, what, absoluteTolerance, relativeAcceptance);
    }

    /// <summary>
    /// <see cref="IntegrateSmoothingEnds"/> for two integrands that share their costly part (a law's distribution
    /// function and its complement, say), evaluated once per node for both. Each smoothed piece takes the 31-point
    /// Kronrod rule (<see cref="KronrodNodes"/>), whose difference from the embedded 15-point Gauss rule estimates its
    /// error; pieces are halved (at most <see cref="MaximumDepth"/> times) until, for each integrand, the estimates
    /// together are below 10⁻¹² of its ∫|f| over [a, b] or of both (<paramref name="tolerance"/>; from the first
    /// sweep), or at the level of rounding. The acceptance is <see cref="Integrate"/>'s, per integrand: a larger
    /// estimate throws.
    /// </summary>
    /// <exception cref="InvalidOperationException">An error estimate stays above tolerance.</exception>
    public static (double First, double Second) IntegratePairSmoothingEnds(Func<double, (double First, double Second)> f, double a, double b,
        IEnumerable<double> breakpoints, string what, PairTolerance tolerance, double absoluteTolerance, double relativeAcceptance)
    {
        if (!(b > a)) return (0, 0);
        var cuts = Cuts(a, b, breakpoints);
        var estimates = new PairEstimate[cuts.Count - 1];
        var norms = default(PairEstimate);
        int pieces = 0;
        for (int i = 1; i < cuts.Count; i++)
        {
            if (!(cuts[i] > cuts[i - 1])) continue;
            estimates[i - 1] = Kronrod(f, cuts[i - 1], cuts[i], 0, 1);
            norms += estimates[i - 1];
            pieces++;
        }
        // The error allowed over [a, b], shared evenly between the pieces and halved with each halving.
        double both = norms.FirstNorm + norms.SecondNorm;
        double firstTolerance = RelativeTolerance * (tolerance == PairTolerance.Sum ? both : norms.FirstNorm) / pieces;
        double secondTolerance = RelativeTolerance * (tolerance == PairTolerance.Sum ? both : norms.SecondNorm) / pieces;
        var sum = default(PairEstimate);
        for (int i = 1; i < cuts.Count; i++)
            if (cuts[i] > cuts[i - 1])
                sum += Refined(f, cuts[i - 1], cuts[i], 0, 1, estimates[i - 1], firstTolerance, secondTolerance, MaximumDepth);
        if (!double.IsFinite(sum.First) || !double.IsFinite(sum.Second)
            || !(sum.FirstError <= relativeAcceptance * sum.FirstNorm + absoluteTolerance)
            || !(sum.SecondError <= relativeAcceptance * sum.SecondNorm + absoluteTolerance))
            throw new InvalidOperationException(
                $"The integral for {what} over [{a}, {b}] did not converge (estimates {sum.First} and {sum.Second}, error estimates {sum.FirstError} and {sum.SecondError}).");
        return (sum.First, sum.Second);
    }

    /// <summary>Integrals, error estimates and ∫|f| of a pair of integrands, over a piece or summed over pieces.</summary>
    private readonly struct PairEstimate(double first, double second, double firstError, double secondError, double firstNorm, double secondNorm)
    {
        public readonly double First = first, Second = second, FirstError = firstError, SecondError = secondError, FirstNorm = firstNorm, SecondNorm = secondNorm;

        public static PairEstimate operator +(PairEstimate x, PairEstimate y) => new(x.First + y.First, x.Second + y.Second,
            x.FirstError + y.FirstError, x.SecondError + y.SecondError, x.FirstNorm + y.FirstNorm, x.SecondNorm + y.SecondNorm);
    }

    // An error estimate below this share of ∫|f| (50 ulps) is rounding in the rule's sums: halving cannot lower it.
    private const double Rounding = 50 * 2.220446049250313e-16;

    private static PairEstimate Refined(Func<double, (double, double)> f, double c, double d, double lo, double hi, PairEstimate estimate,
        double firstTolerance, double secondTolerance, int depth)
    {
        bool Settled(double error, double norm, double tolerance) => error <= tolerance || error <= Rounding * norm;
        double mid = 0.5 * (lo + hi);
        if (depth == 0 || !(mid > lo && mid < hi)
            || (Settled(estimate.FirstError, estimate.FirstNorm, firstTolerance) && Settled(estimate.SecondError, estimate.SecondNorm, secondTolerance)))
            return estimate;
        return Refined(f, c, d, lo, mid, Kronrod(f, c, d, lo, mid), firstTolerance / 2, secondTolerance / 2, depth - 1)
            + Refined(f, c, d, mid, hi, Kronrod(f, c, d, mid, hi), firstTolerance / 2, secondTolerance / 2, depth - 1);
    }

    /// <summary>
    /// The 31-point Gauss-Kronrod rule on [−1, 1] (QUADPACK's qk31): the nodes ±x, largest first and the centre last, and
    /// their Kronrod weights; x₂, x₄, …, x₁₄ and the centre are also the nodes of the embedded 15-point Gauss rule, whose
    /// weights follow in the same order.
    /// </summary>
    internal static readonly double[] KronrodNodes =
    [
        0.998002298693397060285172840152271, 0.987992518020485428489565718586613, 0.967739075679139134257347978784337,
        0.937273392400705904307758947710209, 0.897264532344081900882509656454496, 0.848206583410427216200648320774217,
        0.790418501442465932967649294817947, 0.724417731360170047416186054613938, 0.650996741297416970533735895313275,
        0.570972172608538847537226737253911, 0.485081863640239680693655740232351, 0.394151347077563369897207370981045,
        0.299180007153168812166780024266389, 0.201194093997434522300628303394596, 0.101142066918717499027074231447392,
        0,
    ];

    /// <summary>The Kronrod weights of <see cref="KronrodNodes"/>.</summary>
    internal static readonly double[] KronrodWeights =
    [
        0.005377479872923348987792051430128, 0.015007947329316122538374763075807, 0.025460847326715320186874001019653,
        0.035346360791375846222037948478360, 0.044589751324764876608227299373280, 0.053481524690928087265343147239430,
        0.062009567800670640285139230960803, 0.069854121318728258709520077099147, 0.076849680757720378894432777482659,
        0.083080502823133021038289247286104, 0.088564443056211770647275443693774, 0.093126598170825321225486872747346,
        0.096642726983623678505179907627589, 0.099173598721791959332393173484603, 0.100769845523875595044946662617570,
        0.101330007014791549017374792767493,
    ];

    /// <summary>The weights of the 15-point Gauss rule at x₂, x₄, …, x₁₄ and the centre (<see cref="KronrodNodes"/>).</summary>
    internal static readonly double[] GaussWeights =
    [
        0.030753241996117268354628393577204, 0.070366047488108124709267416450667, 0.107159220467171935011869546685869,
        0.139570677926154314447804794511028, 0.166269205816993933553200860481209, 0.186161000015562211026800561866423,
        0.198431485327111576456118326443839, 0.202578241925561272880620199967519,
    ];

    // The Kronrod rule on [lo, hi] ⊂ [0, 1] of the piece [c, d] smoothed, with the Gauss rule for its error estimate.
    private static PairEstimate Kronrod(Func<double, (double, double)> f, double c, double d, double lo, double hi)
    {
        double centre = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
        double first = 0, second = 0, firstGauss = 0, secondGauss = 0, firstNorm = 0, secondNorm = 0;
        int centreIndex = KronrodNodes.Length - 1;
        for (int i = 0; i <= centreIndex; i++)
        {
            double gaussWeight = i == centreIndex ? GaussWeights[GaussWeights.Length - 1] : i % 2 == 1 ? GaussWeights[i / 2] : 0;
            // Both nodes ±x, the centre once.
            for (int side = i == centreIndex ? 1 : -1; side <= 1; side += 2)
            {
                var (t, weight) = Smoothed(c, d, centre + side * half * KronrodNodes[i]);
                if (weight == 0) continue;
                var (x, y) = f(t);
                x *= weight;
                y *= weight;
                first += KronrodWeights[i] * x;
                second += KronrodWeights[i] * y;
                firstGauss += gaussWeight * x;
                secondGauss += gaussWeight * y;
                firstNorm += KronrodWeights[i] * Math.Abs(x);
                secondNorm += KronrodWeights[i] * Math.Abs(y);
            }
        }
        return new PairEstimate(half * first, half * second, half * Math.Abs(first - firstGauss), half * Math.Abs(second - secondGauss),
            half * firstNorm, half * secondNorm);
    }

    /// <summary>
    /// The point t = c + (d − c)·σ(u) of [c, d] for u in [0, 1], σ(u) = u²(3 − 2u), and its weight σ′(u)(d − c).
    /// Rounding can land t on an end, where the integrand may be infinite; the end itself has no weight.
    /// </summary>
    private static (double Point, double Weight) Smoothed(double c, double d, double u)
    {
        double width = d - c, weight = 6 * u * (1 - u) * width, t = c + width * u * u * (3 - 2 * u);
        return weight == 0 || t <= c || t >= d ? (c, 0) : (t, weight);
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

/// <summary>What the 10⁻¹² refinement target of a pair of integrals (<see cref="Quadrature.IntegratePairSmoothingEnds"/>) is relative to.</summary>
internal enum PairTolerance
{
    /// <summary>Each integral to 10⁻¹² of its own ∫|f|.</summary>
    Each,

    /// <summary>Both to 10⁻¹² of the two ∫|f| together: F and 1 − F, which add up to 1, to 10⁻¹² in probability.</summary>
    Sum,
}
