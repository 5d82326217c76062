using System;

namespace MenuDsl.Shared.Expressions;

/// <summary>First derivatives of a production function, one per variable.</summary>
internal sealed record Gradient(Expr X, Expr Y, Expr Z)
{
    public Expr this[int variable] => variable switch { 0 => X, 1 => Y, _ => Z };
}

/// <summary>Second derivatives; the matrix is symmetric, so six entries.</summary>
internal sealed record Hessian(Expr XX, Expr XY, Expr XZ, Expr YY, Expr YZ, Expr ZZ)
{
    public Expr this[int i, int j] => (Math.Min(i, j), Math.Max(i, j)) switch
    {
        (0, 0) => XX,
        (0, 1) => XY,
        (0, 2) => XZ,
        (1, 1) => YY,
        (1, 2) => YZ,
        _ => ZZ,
    };
}

/// <summary>
/// Symbolic derivatives. Every result is simplified as it is built, so that the Hessian of a nested function stays
/// small enough to print.
/// </summary>
internal static class Differentiation
{
    private static readonly Constant Zero = new(0.0), One = new(1.0), Two = new(2.0);

    public static Gradient Gradient(Expr e) => new(Derivative(e, 0), Derivative(e, 1), Derivative(e, 2));

    public static Hessian Hessian(Expr e)
    {
        var g = Gradient(e);
        return new(Derivative(g.X, 0), Derivative(g.X, 1), Derivative(g.X, 2), Derivative(g.Y, 1), Derivative(g.Y, 2), Derivative(g.Z, 2));
    }

    /// <summary>∂e/∂(variable), simplified.</summary>
    public static Expr Derivative(Expr e, int variable)
    {
        Expr D(Expr u) => Derivative(u, variable);
        return Simplify(e switch
        {
            Constant => Zero,
            Variable v => v.Index == variable ? One : Zero,
            Negate n => new Negate(D(n.Operand)),
            Add a => new Add(D(a.Left), D(a.Right)),
            Subtract s => new Subtract(D(s.Left), D(s.Right)),
            Multiply m => new Add(new Multiply(D(m.Left), m.Right), new Multiply(m.Left, D(m.Right))),
            // (u/v)' = u'/v − u·v'/v², which is u'/v alone when v is constant.
            Divide d => new Subtract(new Divide(D(d.Left), d.Right),
                new Divide(new Multiply(d.Left, D(d.Right)), new Power(d.Right, Two))),
            // (u^c)' = c·u^(c−1)·u': no log, so it holds for u ≤ 0 too.
            Power p when p.Exponent.IsConstant => new Multiply(
                new Multiply(p.Exponent, new Power(p.Base, new Subtract(p.Exponent, One))), D(p.Base)),
            // (u^v)' = u^v·(v'·ln u + v·u'/u).
            Power p => new Multiply(p, new Add(
                new Multiply(D(p.Exponent), new Log(p.Base)),
                new Divide(new Multiply(p.Exponent, D(p.Base)), p.Base))),
            Exp x => new Multiply(x, D(x.Operand)),
            Log l => new Divide(D(l.Operand), l.Operand),
            Sqrt s => new Divide(D(s.Operand), new Multiply(Two, s)),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Unknown expression node."),
        });
    }

    /// <summary>
    /// Folds constants, drops neutral elements and gathers constant factors, bottom-up. The result is equal in exact
    /// arithmetic, not to the bit (factors are regrouped), and 0·e → 0, 0/e → 0 assume e finite: meant for
    /// derivatives, whose zeros are exact symbolic zeros.
    /// </summary>
    public static Expr Simplify(Expr e) => e switch
    {
        Unary u => Rewrite(u with { Operand = Simplify(u.Operand) }),
        Binary b => Rewrite(b with { Left = Simplify(b.Left), Right = Simplify(b.Right) }),
        Power p => Rewrite(new Power(Simplify(p.Base), Simplify(p.Exponent))),
        _ => e,
    };

    // One node whose children are already simplified.
    private static Expr Rewrite(Expr e)
    {
        if (e is not Variable && e.IsConstant) return new Constant(e.Evaluate(0, 0, 0));
        return e switch
        {
            Negate { Operand: Negate inner } => inner.Operand,
            Add a when IsZero(a.Left) => a.Right,
            Add a when IsZero(a.Right) => a.Left,
            Add { Right: Negate n } a => new Subtract(a.Left, n.Operand),
            Add { Right: Multiply { Left: Constant { Value: < 0 } c } m } a => new Subtract(a.Left, new Multiply(new Constant(-c.Value), m.Right)),
            Subtract s when IsZero(s.Right) => s.Left,
            Subtract s when IsZero(s.Left) => Rewrite(new Negate(s.Right)),
            Subtract { Right: Negate n } s => new Add(s.Left, n.Operand),
            Subtract { Right: Multiply { Left: Constant { Value: < 0 } c } m } s => new Add(s.Left, new Multiply(new Constant(-c.Value), m.Right)),
            Multiply m when IsZero(m.Left) || IsZero(m.Right) => Zero,
            Multiply m when IsOne(m.Left) => m.Right,
            Multiply m when IsOne(m.Right) => m.Left,
            // Constant factors to the front of a product and into one, so the chain rule's c·u·(d·v) becomes (c·d)·(u·v).
            Multiply { Right: Constant } m => Rewrite(new Multiply(m.Right, m.Left)),
            Multiply { Left: Constant c, Right: Multiply { Left: Constant d } inner } => Rewrite(new Multiply(new Constant(c.Value * d.Value), inner.Right)),
            Multiply { Left: Constant c, Right: Negate n } => Rewrite(new Multiply(new Constant(-c.Value), n.Operand)),
            Multiply { Left: not Constant, Right: Multiply { Left: Constant c } inner } m => Rewrite(new Multiply(c, Rewrite(new Multiply(m.Left, inner.Right)))),
            Multiply { Left: Multiply { Left: Constant c } inner } m => Rewrite(new Multiply(c, Rewrite(new Multiply(inner.Right, m.Right)))),
            Multiply { Left: Constant { Value: -1.0 } } m => Rewrite(new Negate(m.Right)),
            Negate { Operand: Multiply { Left: Constant c } inner } => Rewrite(new Multiply(new Constant(-c.Value), inner.Right)),
            Divide d when IsZero(d.Left) => Zero,
            Divide d when IsOne(d.Right) => d.Left,
            Divide { Left: Multiply { Left: Constant c } inner } d => Rewrite(new Multiply(c, Rewrite(new Divide(inner.Right, d.Right)))),
            Power p when IsOne(p.Exponent) => p.Base,
            Power p when IsZero(p.Exponent) || IsOne(p.Base) => One,
            _ => e,
        };
    }

    private static bool IsZero(Expr e) => e is Constant { Value: 0.0 };

    private static bool IsOne(Expr e) => e is Constant { Value: 1.0 };
}
