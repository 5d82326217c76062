using System;
using System.Collections.Generic;

namespace MenuDsl.Kernel;

/// <summary>
/// A piecewise Chebyshev interpolant of a function that is smooth between known breakpoints, built once so that later
/// evaluations cost a binary search and a Clenshaw sum instead of the function's own (quadrature) cost.
/// </summary>
/// <remarks>
/// Each piece interpolates the function at <see cref="Nodes"/> Chebyshev points of the first kind (interior points:
/// the function is never evaluated at a breakpoint, where a density may jump). A piece is accepted once the last
/// <see cref="TailTerms"/> Chebyshev coefficients together fall below half its tolerance, the relative tolerance times
/// max(|c|, d − c) on the piece [c, d], where pieces of positive arguments span at most a factor <see cref="Ratio"/> (so
/// the tolerance is relative to the argument, except on a piece reaching down to 0) — for a function analytic
/// near the piece the coefficients decay geometrically, so the interpolation error, bounded by twice the sum of the
/// neglected coefficients, is then below the tolerance — and is halved otherwise. A piece still failing after
/// <see cref="MaximumDepth"/> halvings (noise in the function, or a kink nobody declared) is left out of the table:
/// the caller evaluates the function directly there, so the table never answers worse than its tolerance where the
/// coefficient test holds. The bound is a-posteriori and heuristic, so the tests check it against the direct function
/// at hundreds of points.
/// </remarks>
internal sealed class ChebyshevTable
{
    /// <summary>Interpolation points per piece (degree <see cref="Nodes"/> − 1).</summary>
    public const int Nodes = 24;

    /// <summary>Coefficients whose sum decides whether a piece has converged.</summary>
    public const int TailTerms = 4;

    /// <summary>Halvings of a breakpoint interval before a piece is left to direct evaluation.</summary>
    public const int MaximumDepth = 10;

    /// <summary>The largest ratio of the ends of a piece of positive arguments.</summary>
    public const double Ratio = 4;

    private static readonly double[] UnitNodes = MakeNodes();

    private readonly double[] lowers, uppers;
    private readonly double[]?[] coefficients;

    private ChebyshevTable(List<(double Lower, double Upper, double[]? Coefficients)> pieces)
    {
        lowers = new double[pieces.Count];
        uppers = new double[pieces.Count];
        coefficients = new double[]?[pieces.Count];
        for (int i = 0; i < pieces.Count; i++)
        {
            lowers[i] = pieces[i].Lower;
            uppers[i] = pieces[i].Upper;
            coefficients[i] = pieces[i].Coefficients;
        }
    }

    /// <summary>The lower end of the tabulated range.</summary>
    public double Lower => lowers.Length == 0 ? double.NaN : lowers[0];

    /// <summary>The upper end of the tabulated range.</summary>
    public double Upper => uppers.Length == 0 ? double.NaN : uppers[uppers.Length - 1];

    /// <summary>Pieces in the table, and how many of them are left to direct evaluation.</summary>
    public (int Pieces, int Direct) Size
    {
        get
        {
            int direct = 0;
            foreach (var c in coefficients) if (c is null) direct++;
            return (coefficients.Length, direct);
        }
    }

    /// <summary>The ends of the pieces, in increasing order: the interpolant is smooth between them.</summary>
    public IEnumerable<double> Breakpoints
    {
        get
        {
            foreach (double lower in lowers) yield return lower;
            if (uppers.Length > 0) yield return uppers[uppers.Length - 1];
        }
    }

    /// <summary>
    /// Tabulates <paramref name="f"/> on [<paramref name="a"/>, <paramref name="b"/>], split at the breakpoints inside;
    /// on a piece [c, d] the error tolerance is <paramref name="relativeTolerance"/> × max(|c|, d − c).
    /// </summary>
    public static ChebyshevTable Build(Func<double, double> f, double a, double b, IEnumerable<double> breakpoints, double relativeTolerance)
    {
        var cuts = new List<double> { a, b };
        foreach (double p in breakpoints)
            if (p > a && p < b) cuts.Add(p);
        cuts.Sort();
        // Pieces of positive arguments span at most a factor 4, so each piece's tolerance stays relative to its
        // arguments and the Clenshaw sum keeps their relative precision (a piece [1, 10⁵] would not).
        for (int i = cuts.Count - 1; i > 0; i--)
            for (double p = cuts[i - 1] * Ratio; cuts[i - 1] > 0 && p < cuts[i]; p *= Ratio) cuts.Add(p);
        cuts.Sort();
        var pieces = new List<(double, double, double[]?)>();
        for (int i = 1; i < cuts.Count; i++)
            if (cuts[i] > cuts[i - 1]) Refine(f, cuts[i - 1], cuts[i], relativeTolerance, 0, pieces);
        return new ChebyshevTable(pieces);
    }

    /// <summary>The error tolerance of the piece [<paramref name="a"/>, <paramref name="b"/>].</summary>
    public static double PieceTolerance(double a, double b, double relativeTolerance) =>
        relativeTolerance * Math.Max(Math.Max(Math.Abs(a), b - a), 1e-300);

    /// <summary>The ends of the piece holding <paramref name="t"/>, or null outside the table.</summary>
    public (double Lower, double Upper)? PieceAt(double t)
    {
        int i = Find(t);
        return i < 0 ? null : (lowers[i], uppers[i]);
    }

    private static void Refine(Func<double, double> f, double a, double b, double relativeTolerance, int depth, List<(double, double, double[]?)> pieces)
    {
        double tolerance = PieceTolerance(a, b, relativeTolerance);
        var c = Coefficients(f, a, b);
        bool finite = true;
        foreach (double x in c) finite &= Numeric.IsFinite(x);
        double tail = 0;
        for (int k = Nodes - TailTerms; k < Nodes; k++) tail += Math.Abs(c[k]);
        if (finite && tail <= 0.5 * tolerance) { pieces.Add((a, b, c)); return; }
        double mid = 0.5 * (a + b);
        if (depth >= MaximumDepth || !(mid > a && mid < b)) { pieces.Add((a, b, null)); return; }
        Refine(f, a, mid, relativeTolerance, depth + 1, pieces);
        Refine(f, mid, b, relativeTolerance, depth + 1, pieces);
    }

    // c_k = (2/N) Σ_j f(x_j) cos(k (j + ½) π / N) at the first-kind points x_j = cos((j + ½) π / N); c_0 halved.
    private static double[] Coefficients(Func<double, double> f, double a, double b)
    {
        var values = new double[Nodes];
        for (int j = 0; j < Nodes; j++) values[j] = f(0.5 * (a + b) + 0.5 * (b - a) * UnitNodes[j]);
        var c = new double[Nodes];
        for (int k = 0; k < Nodes; k++)
        {
            double sum = 0;
            for (int j = 0; j < Nodes; j++) sum += values[j] * Math.Cos(k * (j + 0.5) * Math.PI / Nodes);
            c[k] = 2.0 / Nodes * sum;
        }
        c[0] *= 0.5;
        return c;
    }

    private static double[] MakeNodes()
    {
        var x = new double[Nodes];
        for (int j = 0; j < Nodes; j++) x[j] = Math.Cos((j + 0.5) * Math.PI / Nodes);
        return x;
    }

    // The last piece whose lower end is at most t; −1 outside the table.
    private int Find(double t)
    {
        int n = lowers.Length;
        if (n == 0 || !(t >= lowers[0] && t <= uppers[n - 1])) return -1;
        int lo = 0, hi = n - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (lowers[mid] <= t) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    /// <summary>The interpolant at <paramref name="t"/>; false outside the table or on a piece left to direct evaluation.</summary>
    public bool TryEvaluate(double t, out double value)
    {
        value = double.NaN;
        int lo = Find(t);
        if (lo < 0 || coefficients[lo] is not { } c) return false;
        double a = lowers[lo], b = uppers[lo];
        double x = (2 * t - a - b) / (b - a);
        // Clenshaw's recurrence for Σ c_k T_k(x).
        double b1 = 0, b2 = 0, twoX = 2 * x;
        for (int k = Nodes - 1; k >= 1; k--)
        {
            double b0 = twoX * b1 - b2 + c[k];
            b2 = b1;
            b1 = b0;
        }
        value = x * b1 - b2 + c[0];
        return true;
    }
}
