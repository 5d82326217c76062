using System;
using System.Globalization;

namespace MenuDsl.Shared.Expressions;

/// <summary>
/// A production function's body as an immutable tree of doubles over the variables x, y, z. Value equality (no syntax
/// or symbols inside) lets it travel through the incremental pipeline and cache.
/// </summary>
internal abstract record Expr
{
    /// <summary>
    /// The value at (x, y, z), computed with the operations the printed C# performs, in the same order, so the two
    /// agree to the bit.
    /// </summary>
    public double Evaluate(double x, double y, double z) => this switch
    {
        Constant c => c.Value,
        Variable v => v.Index switch { 0 => x, 1 => y, 2 => z, _ => double.NaN },
        Negate n => -n.Operand.Evaluate(x, y, z),
        Add a => a.Left.Evaluate(x, y, z) + a.Right.Evaluate(x, y, z),
        Subtract s => s.Left.Evaluate(x, y, z) - s.Right.Evaluate(x, y, z),
        Multiply m => m.Left.Evaluate(x, y, z) * m.Right.Evaluate(x, y, z),
        Divide d => d.Left.Evaluate(x, y, z) / d.Right.Evaluate(x, y, z),
        Power p => Math.Pow(p.Base.Evaluate(x, y, z), p.Exponent.Evaluate(x, y, z)),
        Exp e => Math.Exp(e.Operand.Evaluate(x, y, z)),
        Log l => Math.Log(l.Operand.Evaluate(x, y, z)),
        Sqrt s => Math.Sqrt(s.Operand.Evaluate(x, y, z)),
        _ => double.NaN,
    };

    /// <summary>Whether no variable occurs: the value is the same everywhere.</summary>
    public bool IsConstant => this switch
    {
        Constant => true,
        Variable => false,
        Unary u => u.Operand.IsConstant,
        Binary b => b.Left.IsConstant && b.Right.IsConstant,
        Power p => p.Base.IsConstant && p.Exponent.IsConstant,
        _ => false,
    };

    /// <summary>Math notation for messages, e.g. <c>x^0.3 * y^0.2 * (1 + z)^0.1</c>; not C#.</summary>
    public sealed override string ToString() => Notation(this, 0);

    // Binding strength in math notation: sums 1, products 2, negation 3, powers 4, atoms 5.
    private static string Notation(Expr e, int context)
    {
        (string text, int strength) = e switch
        {
            Constant c => (Number(c.Value), c.Value < 0 || double.IsNegativeInfinity(1 / c.Value) ? 3 : 5),
            Variable v => (v.Index switch { 0 => "x", 1 => "y", 2 => "z", var i => "v" + i.ToString(CultureInfo.InvariantCulture) }, 5),
            Negate n => ("-" + Notation(n.Operand, 4), 3),
            Add a => (Notation(a.Left, 1) + " + " + Notation(a.Right, 2), 1),
            Subtract s => (Notation(s.Left, 1) + " - " + Notation(s.Right, 2), 1),
            Multiply m => (Notation(m.Left, 2) + " * " + Notation(m.Right, 3), 2),
            Divide d => (Notation(d.Left, 2) + " / " + Notation(d.Right, 3), 2),
            Power p => (Notation(p.Base, 5) + "^" + Notation(p.Exponent, 5), 4),
            Exp x => ("exp(" + Notation(x.Operand, 0) + ")", 5),
            Log l => ("log(" + Notation(l.Operand, 0) + ")", 5),
            Sqrt s => ("sqrt(" + Notation(s.Operand, 0) + ")", 5),
            _ => ("?", 5),
        };
        return strength < context ? "(" + text + ")" : text;
    }

    private static string Number(double value) =>
        double.IsNegativeInfinity(1 / value) ? "-0" : value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// A number. Compared by bits rather than by <c>==</c>: 0.0 and -0.0 (or two NaNs) print and compute differently,
/// so trees that differ there must not share a cached output.
/// </summary>
internal sealed record Constant(double Value) : Expr
{
    public bool Equals(Constant? other) =>
        other is not null && BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value);

    public override int GetHashCode() => BitConverter.DoubleToInt64Bits(Value).GetHashCode();
}

/// <summary>The method's parameter at <paramref name="Index"/>: 0 is x, 1 is y, 2 is z.</summary>
internal sealed record Variable(int Index) : Expr;

/// <summary>An operation on one operand.</summary>
internal abstract record Unary(Expr Operand) : Expr;

/// <summary>An arithmetic operation on two operands, left before right.</summary>
internal abstract record Binary(Expr Left, Expr Right) : Expr;

internal sealed record Negate(Expr Operand) : Unary(Operand);

internal sealed record Add(Expr Left, Expr Right) : Binary(Left, Right);

internal sealed record Subtract(Expr Left, Expr Right) : Binary(Left, Right);

internal sealed record Multiply(Expr Left, Expr Right) : Binary(Left, Right);

internal sealed record Divide(Expr Left, Expr Right) : Binary(Left, Right);

/// <summary><c>Math.Pow(Base, Exponent)</c>.</summary>
internal sealed record Power(Expr Base, Expr Exponent) : Expr;

/// <summary><c>Math.Exp(Operand)</c>.</summary>
internal sealed record Exp(Expr Operand) : Unary(Operand);

/// <summary><c>Math.Log(Operand)</c>, the natural logarithm.</summary>
internal sealed record Log(Expr Operand) : Unary(Operand);

/// <summary><c>Math.Sqrt(Operand)</c>.</summary>
internal sealed record Sqrt(Expr Operand) : Unary(Operand);
