using System.Globalization;

namespace MenuDsl.Generators;

/// <summary>C# text for folded constants and powers with exponents known at build time.</summary>
internal static class Literals
{
    /// <summary>A double literal that round-trips exactly, culture-invariant; always typed double.</summary>
    public static string Number(double x)
    {
        if (double.IsPositiveInfinity(x)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(x)) return "double.NegativeInfinity";
        if (double.IsNaN(x)) return "double.NaN";
        string text = x.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOfAny(['.', 'E', 'e']) < 0) text += ".0";
        return x < 0 ? "(" + text + ")" : text;
    }

    /// <summary>
    /// <c>operand^exponent</c> for operand ≥ 0, as the cheapest exact expression: exponent 1 is the operand,
    /// 2 a product, 0.5 a square root, anything else one <c>Math.Pow</c>. Mirrors the kernel's Numeric.Pow.
    /// </summary>
    public static string Power(string operand, double exponent) => Kernel.Numeric.SnapExponent(exponent) switch
    {
        1.0 => operand,
        2.0 => $"({operand} * {operand})",
        0.5 => $"global::System.Math.Sqrt({operand})",
        0.0 => "1.0",
        var other => $"global::System.Math.Pow({operand}, {Number(other)})",
    };
}
