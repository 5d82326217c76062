using System;

namespace MenuDsl;

/// <summary>Argument checks that name the argument and its value.</summary>
internal static class Guard
{
    public static double NotNaN(double x, string name) =>
        double.IsNaN(x) ? throw new ArgumentOutOfRangeException(name, x, $"'{name}' is NaN.") : x;

    public static double Finite(double x, string name) =>
        double.IsFinite(x) ? x : throw new ArgumentOutOfRangeException(name, x, $"'{name}' must be a finite number but is {x}.");

    public static double Positive(double x, string name) =>
        double.IsFinite(x) && x > 0 ? x : throw new ArgumentOutOfRangeException(name, x, $"'{name}' must be finite and > 0 but is {x}.");

    /// <summary>The lower end of a support: finite and ≥ 0 (types are non-negative).</summary>
    public static double Lower(double lo, string name) =>
        Finite(lo, name) >= 0 ? lo : throw new ArgumentOutOfRangeException(name, lo, $"'{name}' must be >= 0 (types are non-negative) but is {lo}.");

    /// <summary>The upper end of a support: above <paramref name="lo"/>, and finite unless +∞ is allowed.</summary>
    public static double Upper(double hi, double lo, string name, bool mayBeInfinite = false)
    {
        if (!(mayBeInfinite && double.IsPositiveInfinity(hi))) Finite(hi, name);
        return hi > lo ? hi : throw new ArgumentOutOfRangeException(name, hi, $"'{name}' ({hi}) must be above 'lo' ({lo}).");
    }

    public static double InSupport(TypeDistribution d, double x, string name)
    {
        Finite(x, name);
        var (lower, upper) = d.Support;
        if (x < 0) throw new ArgumentOutOfRangeException(name, x, $"'{name}' must be >= 0 (types are non-negative) but is {x}.");
        if (x < lower || x > upper)
            throw new ArgumentOutOfRangeException(name, x, $"'{name}' = {x} lies outside the support [{lower}, {upper}] of {d}.");
        return x;
    }

    /// <summary>A scale in the declared scale distribution's support, or exactly 1 when none is declared.</summary>
    public static double Scale(TypeDistribution? scales, double scale, string name)
    {
        if (scales is not null) return InSupport(scales, scale, name);
        return scale == 1 ? scale : throw new ArgumentOutOfRangeException(name, scale,
            $"'{name}' must be 1: the model declares no scale distribution, so every buyer runs all tasks (s = 1), but got {scale}.");
    }
}
