using System;

namespace MenuDsl.Kernel;

/// <summary>
/// The few scalar routines the kernel needs. They live here, not in MathNet, because the kernel is also
/// compiled into the source generator and analyzers, where Roslyn cannot load third-party assemblies.
/// </summary>
internal static class Numeric
{
    /// <summary><c>double.IsFinite</c> does not exist in netstandard2.0.</summary>
    public static bool IsFinite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);

    /// <summary>
    /// Smallest <c>x</c> in [<paramref name="lo"/>, <paramref name="hi"/>] with <c>predicate(x)</c> true, for a
    /// predicate that is false then true (monotone). Bisection: deterministic and exact to the last bit.
    /// </summary>
    public static double FirstTrue(Func<double, bool> predicate, double lo, double hi)
    {
        if (predicate(lo)) return lo;
        for (int i = 0; i < 2000; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (predicate(mid)) hi = mid; else lo = mid;
        }
        return hi;
    }

    /// <summary>Minimises <paramref name="f"/> on [a, b] by golden-section search to the last representable digit.</summary>
    public static double GoldenSectionMinimum(Func<double, double> f, double a, double b)
    {
        const double invPhi = 0.6180339887498949;
        double a0 = a, b0 = b;
        double c = b - invPhi * (b - a), d = a + invPhi * (b - a);
        double fc = f(c), fd = f(d);
        for (int i = 0; i < 200 && b - a > 1e-15 * (Math.Abs(a) + Math.Abs(b)) + 1e-300; i++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - invPhi * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + invPhi * (b - a); fd = f(d); }
        }
        // The bracket's own ends are candidates too: a tangency can sit on the edge of the support.
        double best = 0.5 * (a + b), fBest = f(best);
        foreach (double x in new[] { a0, b0 })
        {
            double fx = f(x);
            if (fx < fBest) { best = x; fBest = fx; }
        }
        return best;
    }

    /// <summary>
    /// <c>x^p</c> for <c>x ≥ 0</c>, with the exponents that occur in closed forms made exact and cheap: a multiple of
    /// ¼ up to 4 is products of x, √x and ⁴√x (a square root costs a fraction of a <c>Math.Pow</c>), anything else one
    /// <c>Math.Pow</c>. The generator emits the same products as source text (<see cref="QuarterPower"/>).
    /// </summary>
    public static double Pow(double x, double p)
    {
        p = SnapExponent(p);
        if (QuarterPower(p) is not { } quarters) return Math.Pow(x, p);
        double result = 1;
        for (int i = 0; i < quarters / 4; i++) result = i == 0 ? x : result * x;
        switch (quarters % 4)
        {
            case 1: return (quarters < 4 ? 1 : result) * Math.Sqrt(Math.Sqrt(x));
            case 2: return (quarters < 4 ? 1 : result) * Math.Sqrt(x);
            case 3: { double root = Math.Sqrt(x); return (quarters < 4 ? 1 : result) * (root * Math.Sqrt(root)); }
            default: return quarters == 0 ? 1 : result;
        }
    }

    /// <summary>The number of quarters in <paramref name="p"/> when it is k/4 for k in 0..16 (after <see cref="SnapExponent"/>), else null.</summary>
    public static int? QuarterPower(double p)
    {
        double quarters = 4 * p;
        return quarters >= 0 && quarters <= 16 && quarters == Math.Floor(quarters) ? (int)quarters : null;
    }

    /// <summary>
    /// Exponents such as κ/δ are ratios of decimal inputs, so one that is 3/2 in exact arithmetic can arrive as
    /// 1.4999999999999998. Within a few ulps of a multiple of ¼ (up to 4) the exact value is taken.
    /// </summary>
    public static double SnapExponent(double p)
    {
        double nearest = Math.Round(4 * p) / 4;
        return nearest >= 0 && nearest <= 4 && Math.Abs(p - nearest) <= 1e-14 * Math.Max(1, nearest) ? nearest : p;
    }
}
