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
    /// <c>operand^exponent</c> for operand ≥ 0, as the cheapest exact expression: a multiple of ¼ up to 4 is products of
    /// the operand, its square root and its fourth root, anything else one <c>Math.Pow</c>. Mirrors the kernel's
    /// Numeric.Pow factor for factor, so generated and runtime-built models round alike. The operand must be a name
    /// (it is repeated).
    /// </summary>
    public static string Power(string operand, double exponent)
    {
        double p = Kernel.Numeric.SnapExponent(exponent);
        if (Kernel.Numeric.QuarterPower(p) is not { } quarters) return $"global::System.Math.Pow({operand}, {Number(p)})";
        if (quarters == 0) return "1.0";
        string sqrt = $"global::System.Math.Sqrt({operand})";
        string root = (quarters % 4) switch
        {
            1 => $"global::System.Math.Sqrt({sqrt})",
            2 => sqrt,
            3 => $"({sqrt} * global::System.Math.Sqrt({sqrt}))",
            _ => "",
        };
        string product = (quarters / 4) switch
        {
            0 => "",
            1 => operand,
            var n => "(" + string.Join(" * ", System.Linq.Enumerable.Repeat(operand, n)) + ")",
        };
        return product.Length == 0 ? root : root.Length == 0 ? product : $"({product} * {root})";
    }
}
