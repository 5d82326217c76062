using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MenuDsl.Kernel;

namespace MenuDsl.Analyzers;

/// <summary>A grid point (x, y, z) where v violates an assumption, with the derivative or minor that shows it.</summary>
internal readonly record struct Violation(double X, double Y, double Z, string Evidence)
{
    public string Point => $"({Format(X)}, {Format(Y)}, {Format(Z)})";

    public static string Format(double x) => x.ToString("G4", CultureInfo.InvariantCulture);
}

/// <summary>
/// The shape model.md §1 assumes of v, checked on a <see cref="SampleRegion"/> with exact derivatives: increasing in
/// each input, concave (negative semi-definite Hessian), and complements (v_xy, v_xz, v_yz ≥ 0). The first violation
/// of each kind is kept; points where v or its derivatives are not finite say nothing and are skipped.
/// </summary>
internal sealed class TechnologyShape
{
    /// <summary>
    /// Slack on the dimensionless Hessian t_i t_j v_ij / |v| (t = x, y, max(z, 1)): for x^α y^β (1 + z)^γ its entries
    /// are of the order of the exponents, so rounding stays far below it and a genuine violation far above.
    /// </summary>
    private const double Slack = 1e-9;

    public static readonly string[] InputNames = ["x", "y", "z"];

    /// <summary>The first point where ∂v/∂input ≤ 0, per input (null where v increases throughout).</summary>
    public Violation?[] NotIncreasing { get; } = new Violation?[3];

    public Violation? NotConcave { get; private set; }

    /// <summary>The first point where v_xy, v_xz or v_yz (in that order) is negative.</summary>
    public Violation?[] Substitutes { get; } = new Violation?[3];

    public static readonly (int I, int J)[] Pairs = [(0, 1), (0, 2), (1, 2)];

    public static TechnologyShape Sample(IProductionFunction v, SampleRegion region, CancellationToken ct)
    {
        var shape = new TechnologyShape();
        foreach (double x in region.Inputs)
        {
            ct.ThrowIfCancellationRequested();
            foreach (double y in region.Outputs)
                foreach (double z in region.FineTuning)
                    shape.Check(v, x, y, z);
        }
        return shape;
    }

    private void Check(IProductionFunction v, double x, double y, double z)
    {
        double value = v.Value(x, y, z);
        var g = v.Gradient(x, y, z);
        var h = v.Hessian(x, y, z);
        double[] gradient = [g.X, g.Y, g.Z];
        double[,] hessian = { { h.XX, h.XY, h.XZ }, { h.XY, h.YY, h.YZ }, { h.XZ, h.YZ, h.ZZ } };
        if (!Numeric.IsFinite(value) || !AllFinite(gradient) || !AllFinite(hessian)) return;

        for (int i = 0; i < 3; i++)
            if (NotIncreasing[i] is null && !(gradient[i] > 0))
                NotIncreasing[i] = new Violation(x, y, z, Violation.Format(gradient[i]));

        // Scaled by the inputs and the level of v, so that one slack suits every unit of tokens and quality.
        double[] t = [x, y, Math.Max(z, 1)];
        double level = value != 0 ? Math.Abs(value) : 1;
        var m = new double[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                m[i, j] = t[i] * t[j] * hessian[i, j] / level;

        if (NotConcave is null && FirstIndefiniteMinor(m, hessian) is { } minor)
            NotConcave = new Violation(x, y, z, minor);

        for (int p = 0; p < Pairs.Length; p++)
        {
            var (i, j) = Pairs[p];
            if (Substitutes[p] is null && m[i, j] < -Slack)
                Substitutes[p] = new Violation(x, y, z, Violation.Format(hessian[i, j]));
        }
    }

    /// <summary>
    /// Negative semi-definite iff every principal minor of order k has the sign of (−1)^k or is zero: the diagonal
    /// entries ≤ 0, the three 2×2 minors ≥ 0, the determinant ≤ 0. Tested on the scaled matrix; reported unscaled.
    /// </summary>
    private static string? FirstIndefiniteMinor(double[,] m, double[,] h)
    {
        for (int i = 0; i < 3; i++)
            if (m[i, i] > Slack)
                return $"v_{InputNames[i]}{InputNames[i]} = {Violation.Format(h[i, i])} > 0, so v is convex in {InputNames[i]} there";
        foreach (var (i, j) in Pairs)
            if (m[i, i] * m[j, j] - m[i, j] * m[i, j] < -Slack)
                return $"v_{InputNames[i]}{InputNames[i]}·v_{InputNames[j]}{InputNames[j]} − v_{InputNames[i]}{InputNames[j]}² = "
                    + $"{Violation.Format(h[i, i] * h[j, j] - h[i, j] * h[i, j])} < 0, so v has increasing returns in ({InputNames[i]}, {InputNames[j]}) together";
        double det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[1, 2])
            - m[0, 1] * (m[0, 1] * m[2, 2] - m[1, 2] * m[0, 2])
            + m[0, 2] * (m[0, 1] * m[1, 2] - m[1, 1] * m[0, 2]);
        return det > Slack ? "det H > 0, so v has increasing returns in (x, y, z) together" : null;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (double v in values) if (!Numeric.IsFinite(v)) return false;
        return true;
    }

    private static bool AllFinite(double[,] values)
    {
        foreach (double v in values) if (!Numeric.IsFinite(v)) return false;
        return true;
    }
}
