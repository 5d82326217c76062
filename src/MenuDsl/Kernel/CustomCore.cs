using System;

namespace MenuDsl.Kernel;

/// <summary>A per-task value v(x, y, z) with its gradient and Hessian (exact, or by finite differences).</summary>
internal interface IProductionFunction
{
    double Value(double x, double y, double z);

    (double X, double Y, double Z) Gradient(double x, double y, double z);

    /// <summary>Relative accuracy of <see cref="Gradient"/>: the first-order conditions cannot be met more tightly.</summary>
    double GradientAccuracy { get; }

    /// <summary>The six distinct second derivatives.</summary>
    (double XX, double XY, double XZ, double YY, double YZ, double ZZ) Hessian(double x, double y, double z);
}

/// <summary>
/// A technology given only as a function v(x, y, z): the first best by safeguarded Newton on its derivatives.
/// Per task the problem is max over x, y, z ≥ 0 of value·v − c_x x − c_y y − (c_z/s) z (the fine-tuning cost is
/// shared by the s tasks). The z = 0 corner is solved first and the interior only where it pays, and both are
/// compared, so fine-tuning switches on exactly where it raises the surplus.
/// </summary>
/// <remarks>
/// Newton runs in logarithms of the tokens: positivity is free, and a step is a factor, which suits quantities whose
/// scale is unknown in advance. A coarse scan of the common scale gives the start; Levenberg damping keeps the
/// direction an ascent where the Hessian is not negative definite, and an Armijo backtracking search guarantees
/// progress. Converged when every first-order condition holds to <see cref="Tolerance"/> relative to its cost.
/// </remarks>
internal sealed class CustomCore(IProductionFunction function, double inputCost, double outputCost, double fineTuningCost)
    : TechnologyCore(inputCost, outputCost, fineTuningCost)
{
    /// <summary>
    /// Relative accuracy of the first-order conditions, |value·v_i − c_i| ≤ Tolerance·c_i: 1e-12 with exact derivatives,
    /// looser by the error of finite differences.
    /// </summary>
    public double Tolerance { get; } = Math.Max(1e-12, 100 * function.GradientAccuracy);

    private const int MaxIterations = 200;

    public IProductionFunction Function { get; } = function;

    /// <inheritdoc/>
    public override double? SurplusGrowth => null;

    /// <inheritdoc/>
    public override double Accuracy => Tolerance;

    /// <inheritdoc/>
    public override Bundle FirstBest(double value, double scale)
    {
        if (!(value > 0) || !(scale > 0)) return default;
        var corner = Solve(value, scale, null, fineTune: false)!.Value;
        double zCost = FineTuningCost / scale;
        var bundle = corner;
        if (value * Function.Gradient(corner.X, corner.Y, 0).Z > zCost)
        {
            if (Solve(value, scale, [Math.Log(corner.X), Math.Log(corner.Y)], fineTune: true) is { } interior && interior.Objective > corner.Objective)
                bundle = interior;
        }
        CheckConcave(value, scale, bundle);
        double quality = scale * Function.Value(bundle.X, bundle.Y, bundle.Z);
        double x = scale * bundle.X, y = scale * bundle.Y;
        return new Bundle(quality, x, y, bundle.Z, TokenSpend(x, y) + FineTuningCost * bundle.Z, bundle.Z > 0);
    }

    /// <inheritdoc/>
    public override TaskBundle TaskOptimum(double value, double fineTuning)
    {
        if (!(value > 0)) return new TaskBundle(0, 0, 0, 0);
        var optimum = Solve(value, 1, null, fineTune: false, fixedZ: fineTuning)!.Value;
        CheckConcave(value, 1, optimum);
        return new TaskBundle(optimum.X, optimum.Y, Function.Value(optimum.X, optimum.Y, fineTuning), Function.Gradient(optimum.X, optimum.Y, fineTuning).Z);
    }

    /// <summary>
    /// Newton finds a point where the first-order conditions hold; only concavity of v makes it the optimum. A v with
    /// increasing returns can stop at a corner that is no maximum at all, so the Hessian of v at the solution must be
    /// negative semi-definite (scaled by the tokens, up to the Hessian's accuracy), or the type is refused.
    /// </summary>
    private void CheckConcave(double value, double scale, Optimum at)
    {
        var h = Function.Hessian(at.X, at.Y, at.Z);
        double[] d = [at.X, at.Y, Math.Max(at.Z, 1)];
        var scaled = new double[3, 3];
        double[,] raw = { { h.XX, h.XY, h.XZ }, { h.XY, h.YY, h.YZ }, { h.XZ, h.YZ, h.ZZ } };
        double largest = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                scaled[i, j] = d[i] * d[j] * raw[i, j];
                largest = Math.Max(largest, Math.Abs(scaled[i, j]));
            }
        double slack = (Function.GradientAccuracy > 0 ? 1e-3 : 1e-8) * Math.Max(largest, 1e-300);
        if (!SolvePositiveDefinite(scaled, slack, [0, 0, 0], new double[3]))
            throw new ArithmeticException(
                $"the first best of value {value:G6} on {scale:G6} tasks cannot be solved: v is not concave at (x, y, z) = ({at.X:G6}, {at.Y:G6}, {at.Z:G6}), "
                + "so the point where its first-order conditions hold need not be the optimum; v must be strictly concave with decreasing returns");
    }

    /// <summary>
    /// The value where fine-tuning starts to pay on <paramref name="scale"/> tasks: value·v_z at the z = 0 optimum
    /// equals c_z/s, increasing in the value for complements. Bisection in logarithms; +∞ when it never pays.
    /// </summary>
    public override double FineTuningVirtualValue(double scale)
    {
        if (!(scale > 0)) return double.PositiveInfinity;
        // A pure function of the scale that costs dozens of solves, asked for by every contract's rent: remembered per
        // scale (menus revisit their scales; the memo is cleared rather than grown past a few thousand scales).
        if (switches.TryGetValue(scale, out double known)) return known;
        double found = FindFineTuningVirtualValue(scale);
        if (switches.Count > 4096) switches.Clear();
        switches[scale] = found;
        return found;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<double, double> switches = new();

    private double FindFineTuningVirtualValue(double scale)
    {
        bool Pays(double logValue)
        {
            double value = Math.Exp(logValue);
            var corner = Solve(value, scale, null, fineTune: false)!.Value;
            return value * Function.Gradient(corner.X, corner.Y, 0).Z > FineTuningCost / scale;
        }
        double lo = 0, hi = 0;
        if (Pays(0))
        {
            while (Pays(lo - 1)) { lo -= 1; if (lo < -690) return 0; }
            lo -= 1;
        }
        else
        {
            while (!Pays(hi + 1)) { hi += 1; if (hi > 690) return double.PositiveInfinity; }
            lo = hi; hi += 1;
        }
        return Math.Exp(Numeric.FirstTrue(Pays, lo, hi));
    }

    private readonly record struct Optimum(double X, double Y, double Z, double Objective);

    /// <summary>
    /// Maximises value·v − c_x x − c_y y (− (c_z/s) z when fine-tuning) over u = (ln x, ln y, z) from a start (or a scan); null
    /// when the interior optimum collapses onto z = 0 (fine-tuning pays at the corner only within rounding).
    /// </summary>
    private Optimum? Solve(double value, double scale, double[]? start, bool fineTune, double fixedZ = 0)
    {
        int n = fineTune ? 3 : 2;
        double[] cost = [InputCost, OutputCost, FineTuningCost / scale];
        var u = new double[n];
        // Without a start (ln x, ln y), a scan of the common token scale gives one.
        if (start is null) ScanScale(value, cost, u);
        else Array.Copy(start, u, 2);
        if (fineTune) u[2] = ScanFineTuning(value, cost, u);
        // The scale of z for step limits: its start, or its current value once larger (z itself may pass through 0).
        double zScale = fineTune ? Math.Max(u[2], 1e-300) : 1;

        // x and y in logarithms (positive, scale-free); z as is, so that the corner z = 0 is a point, not −∞.
        double[] Tokens(double[] at) => [Math.Exp(at[0]), Math.Exp(at[1]), n == 3 ? Math.Max(at[2], 0) : fixedZ];
        double Objective(double[] t) => value * Function.Value(t[0], t[1], t[2]) - cost[0] * t[0] - cost[1] * t[1] - cost[2] * t[2];
        // d(token)/d(coordinate): the token itself for a logarithm, 1 for z.
        double Jacobian(double[] t, int i) => i < 2 ? t[i] : 1;

        var g = new double[n];
        var h = new double[n, n];
        var step = new double[n];
        var marginals = new double[n];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var t = Tokens(u);
            double f = Objective(t);
            var grad = Function.Gradient(t[0], t[1], t[2]);
            var hess = Function.Hessian(t[0], t[1], t[2]);
            double[] dv = [grad.X, grad.Y, grad.Z];
            double[,] d2 = { { hess.XX, hess.XY, hess.XZ }, { hess.XY, hess.YY, hess.YZ }, { hess.XZ, hess.YZ, hess.ZZ } };
            bool converged = true;
            for (int i = 0; i < n; i++)
            {
                marginals[i] = value * dv[i] - cost[i];
                g[i] = Jacobian(t, i) * marginals[i];
                converged &= Math.Abs(marginals[i]) <= Tolerance * cost[i];
            }
            if (!Numeric.IsFinite(f) || !AllFinite(g))
                throw new ArithmeticException($"the first best of value {value:G6} on {scale:G6} tasks cannot be solved: v or its gradient is not finite at (x, y, z) = ({t[0]:G6}, {t[1]:G6}, {t[2]:G6})");
            if (converged) return new Optimum(t[0], t[1], t[2], f);
            if (fineTune && t[2] == 0 && marginals[2] <= Tolerance * cost[2]) return null;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    h[i, j] = Jacobian(t, i) * Jacobian(t, j) * value * d2[i, j] + (i == j && i < 2 ? g[i] : 0);

            // Levenberg: solve (−H + μ I) d = g, raising μ until the matrix is positive definite.
            double mu = 0, diagonal = 0;
            for (int i = 0; i < n; i++) diagonal = Math.Max(diagonal, Math.Abs(h[i, i]));
            while (!SolvePositiveDefinite(h, mu, g, step))
            {
                mu = mu == 0 ? 1e-10 * Math.Max(diagonal, 1e-300) : mu * 10;
                if (!(mu < 1e300))
                    throw new ArithmeticException($"the first best of value {value:G6} on {scale:G6} tasks cannot be solved: the Hessian of v is not finite at (x, y, z) = ({t[0]:G6}, {t[1]:G6}, {t[2]:G6})");
            }
            // Relative changes: a logarithm's step is one, z's is its step over its scale. At most a factor e^4 at once
            // keeps v finite far from the optimum.
            double longest = 0;
            for (int i = 0; i < n; i++) longest = Math.Max(longest, Math.Abs(i < 2 ? step[i] : step[i] / Math.Max(t[2], zScale)));
            double length = longest > 4 ? 4 / longest : 1;

            // Close to the optimum the full Newton step converges quadratically; the objective no longer resolves it.
            if (mu == 0 && longest < 1e-3)
            {
                for (int i = 0; i < n; i++) u[i] += step[i];
                continue;
            }

            double slope = 0;
            for (int i = 0; i < n; i++) slope += g[i] * step[i];
            var trial = new double[n];
            bool moved = false;
            for (int halving = 0; halving < 60; halving++, length /= 2)
            {
                for (int i = 0; i < n; i++) trial[i] = u[i] + length * step[i];
                if (n == 3) trial[2] = Math.Max(trial[2], 0); // projected onto z ≥ 0
                double next = Objective(Tokens(trial));
                // Armijo, less the objective's rounding: near the optimum the gain is below it and Newton's step is right.
                if (Numeric.IsFinite(next) && next >= f + 1e-4 * length * slope - 1e-15 * Math.Abs(f)) { moved = true; break; }
            }
            bool same = true;
            for (int i = 0; i < n; i++) same &= trial[i] == u[i];
            if (!moved || same)
            {
                // No ascent left at double precision: the start of the line is the optimum to rounding.
                if (NearlyConverged(marginals, cost, n)) return new Optimum(t[0], t[1], t[2], f);
                break;
            }
            Array.Copy(trial, u, n);
        }
        var last = Tokens(u);
        throw new ArithmeticException(
            $"the first best of value {value:G6} on {scale:G6} tasks did not converge (last x = {last[0]:G6}, y = {last[1]:G6}, z = {last[2]:G6}); "
            + "v must be increasing and strictly concave with decreasing returns for the problem to have a unique optimum");
    }

    // Where rounding stops the line search, accept first-order conditions a million times looser than Tolerance.
    private bool NearlyConverged(double[] marginals, double[] cost, int n)
    {
        for (int i = 0; i < n; i++)
            if (!(Math.Abs(marginals[i]) <= 1e6 * Tolerance * cost[i])) return false;
        return true;
    }

    /// <summary>The start: the common token scale e^k (x = y) that maximises the objective on a coarse grid.</summary>
    private void ScanScale(double value, double[] cost, double[] u)
    {
        double best = double.NegativeInfinity, bestLog = 0;
        for (double k = -40; k <= 40; k += 2)
        {
            double x = Math.Exp(k);
            double f = value * Function.Value(x, x, 0) - (cost[0] + cost[1]) * x;
            if (f > best) { best = f; bestLog = k; }
        }
        u[0] = bestLog; u[1] = bestLog;
    }

    /// <summary>The start of z, on a coarse grid with x and y at their z = 0 optimum.</summary>
    private double ScanFineTuning(double value, double[] cost, double[] u)
    {
        double x = Math.Exp(u[0]), y = Math.Exp(u[1]);
        double best = double.NegativeInfinity, bestZ = 0;
        for (double k = -40; k <= 40; k += 1)
        {
            double z = Math.Exp(k);
            double f = value * Function.Value(x, y, z) - cost[2] * z;
            if (f > best) { best = f; bestZ = z; }
        }
        return bestZ;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (double v in values)
            if (!Numeric.IsFinite(v)) return false;
        return true;
    }

    /// <summary>Cholesky of −H + μI; false when it is not positive definite.</summary>
    private static bool SolvePositiveDefinite(double[,] h, double mu, double[] g, double[] result)
    {
        int n = g.Length;
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = -h[i, j] + (i == j ? mu : 0);
                for (int k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (!(sum > 0) || !Numeric.IsFinite(sum)) return false;
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        }
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = g[i];
            for (int k = 0; k < i; k++) sum -= l[i, k] * y[k];
            y[i] = sum / l[i, i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) sum -= l[k, i] * result[k];
            result[i] = sum / l[i, i];
        }
        return true;
    }
}

/// <summary>
/// Derivatives of a function given only as values, by central differences with steps proportional to the point
/// (accurate to about 1e-10 relative for the gradient, 1e-5 for the Hessian); exact derivatives are preferred.
/// Steps in z are proportional to max(z, 1): fine-tuning is counted in tokens, so its natural scale is not below one.
/// </summary>
internal sealed class FiniteDifferences(Func<double, double, double, double> value, Func<double, double, double, (double X, double Y, double Z)>? gradient)
    : IProductionFunction
{
    public double Value(double x, double y, double z) => value(x, y, z);

    public double GradientAccuracy => gradient is null ? 1e-9 : 0;

    public (double X, double Y, double Z) Gradient(double x, double y, double z)
    {
        if (gradient is not null) return gradient(x, y, z);
        const double relative = 6e-6; // ≈ ε^(1/3): balances truncation and rounding of a central difference
        double hx = relative * x, hy = relative * y, hz = relative * Math.Max(z, 1);
        // z ≥ 0: at the corner a one-sided difference of the same (second) order.
        double dz = z >= hz
            ? (value(x, y, z + hz) - value(x, y, z - hz)) / (2 * hz)
            : (-3 * value(x, y, z) + 4 * value(x, y, z + hz) - value(x, y, z + 2 * hz)) / (2 * hz);
        return ((value(x + hx, y, z) - value(x - hx, y, z)) / (2 * hx),
                (value(x, y + hy, z) - value(x, y - hy, z)) / (2 * hy),
                dz);
    }

    public (double XX, double XY, double XZ, double YY, double YZ, double ZZ) Hessian(double x, double y, double z)
    {
        const double relative = 1e-4;
        double hx = relative * x, hy = relative * y, hz = relative * Math.Max(z, 1);
        double zLow = Math.Max(z - hz, 0), zSpan = z + hz - zLow;
        var gxp = Gradient(x + hx, y, z); var gxm = Gradient(x - hx, y, z);
        var gyp = Gradient(x, y + hy, z); var gym = Gradient(x, y - hy, z);
        var gzp = Gradient(x, y, z + hz); var gzm = Gradient(x, y, zLow);
        return ((gxp.X - gxm.X) / (2 * hx), (gyp.X - gym.X) / (2 * hy), (gzp.X - gzm.X) / zSpan,
                (gyp.Y - gym.Y) / (2 * hy), (gzp.Y - gzm.Y) / zSpan, (gzp.Z - gzm.Z) / zSpan);
    }
}
