using System;
using MenuDsl.Shared.Expressions;

namespace MenuDsl.Generators;

/// <summary>
/// C# source for an <see cref="Expr"/>. Parentheses follow the tree exactly (a + (b + c) keeps its own), so the
/// compiled code performs the operations of <see cref="Expr.Evaluate"/> in the same order and agrees to the bit.
/// </summary>
internal static class ExpressionPrinter
{
    // C# binding strength: additive 1, multiplicative 2, unary 3, primary 4.
    private const int Additive = 1, Multiplicative = 2, Unary = 3, Primary = 4;

    /// <param name="variables">The names of x, y and z in the printed code.</param>
    public static string Print(Expr e, string x, string y, string z) => Print(e, [x, y, z], 0);

    private static string Print(Expr e, string[] variables, int context)
    {
        (string text, int strength) = e switch
        {
            Constant c => (Number(c.Value), Primary),
            Variable v => (variables[v.Index], Primary),
            // Primary operand: -(-x), never the decrement --x.
            Negate n => ("-" + Print(n.Operand, variables, Primary), Unary),
            // The right operand binds tighter, so that a - (b - c) and a / (b * c) keep their parentheses.
            Add a => (Print(a.Left, variables, Additive) + " + " + Print(a.Right, variables, Multiplicative), Additive),
            Subtract s => (Print(s.Left, variables, Additive) + " - " + Print(s.Right, variables, Multiplicative), Additive),
            Multiply m => (Print(m.Left, variables, Multiplicative) + " * " + Print(m.Right, variables, Unary), Multiplicative),
            Divide d => (Print(d.Left, variables, Multiplicative) + " / " + Print(d.Right, variables, Unary), Multiplicative),
            Power p => (Call("Pow", Print(p.Base, variables, 0) + ", " + Print(p.Exponent, variables, 0)), Primary),
            Exp x => (Call("Exp", Print(x.Operand, variables, 0)), Primary),
            Log l => (Call("Log", Print(l.Operand, variables, 0)), Primary),
            Sqrt s => (Call("Sqrt", Print(s.Operand, variables, 0)), Primary),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown expression node."),
        };
        return strength < context ? "(" + text + ")" : text;
    }

    private static string Call(string name, string arguments) => $"global::System.Math.{name}({arguments})";

    // Literals.Number parenthesises negatives; -0.0 too, whose sign it may not print.
    private static string Number(double value) =>
        value == 0 && double.IsNegativeInfinity(1 / value) ? "(-0.0)" : Literals.Number(value);
}
