using System;
using System.Collections.Generic;
using System.Linq;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// A technology with a homothetic token part, v(x, y, z) = g(x, y)^κ (b + z)^γ with g of degree one, summarised
/// for the brute force by hand formulas that share no code with the library: the cheapest (x, y) giving
/// x-y aggregate m = g^κ costs K m^(1/κ).
/// </summary>
/// <param name="Kappa">κ, the degree of the token part (α + β for Cobb-Douglas, the CES degree).</param>
/// <param name="K">The cost of one unit of g at the cheapest input mix.</param>
/// <param name="Tokens">The cheapest (x, y) for an aggregate m (so that v = m (b + z)^γ).</param>
/// <param name="V">v(x, y, z) written out.</param>
internal sealed record HandTechnology(string Name, double Kappa, double K, double Gamma, double B, double InputCost, double OutputCost,
    double FineTuningCost, Func<double, (double X, double Y)> Tokens, Func<double, double, double, double> V)
{
    public override string ToString() => Name;

    /// <summary>Cobb-Douglas x^α y^β (b + z)^γ: x = (α/c_x) k, y = (β/c_y) k with A0 k^κ = m, A0 = (α/c_x)^α (β/c_y)^β; cost κ k.</summary>
    public static HandTechnology CobbDouglas(double alpha, double beta, double gamma, double b, double cx, double cy, double cz)
    {
        double kappa = alpha + beta, a0 = Math.Pow(alpha / cx, alpha) * Math.Pow(beta / cy, beta);
        return new($"CobbDouglas({alpha}, {beta}, {gamma}, {b}) costs ({cx}, {cy}, {cz})", kappa, kappa * Math.Pow(a0, -1 / kappa), gamma, b, cx, cy, cz,
            m => { double k = Math.Pow(m / a0, 1 / kappa); return (alpha / cx * k, beta / cy * k); },
            (x, y, z) => Math.Pow(x, alpha) * Math.Pow(y, beta) * Math.Pow(b + z, gamma));
    }

    /// <summary>
    /// CES (a x^r + (1 − a) y^r)^(d/r) (b + z)^γ: g = (a x^r + (1 − a) y^r)^(1/r); the cheapest mix has
    /// x/y = ρ = (c_x (1 − a) / (c_y a))^(1/(r − 1)) (equal marginal rates), ŷ = (a ρ^r + 1 − a)^(−1/r), x̂ = ρ ŷ.
    /// </summary>
    public static HandTechnology Ces(double a, double r, double d, double gamma, double b, double cx, double cy, double cz)
    {
        double rho = Math.Pow(cx * (1 - a) / (cy * a), 1 / (r - 1));
        double yHat = Math.Pow(a * Math.Pow(rho, r) + 1 - a, -1 / r), xHat = rho * yHat;
        return new($"Ces({a}, {r}, {d}, {gamma}, {b}) costs ({cx}, {cy}, {cz})", d, cx * xHat + cy * yHat, gamma, b, cx, cy, cz,
            m => { double g = Math.Pow(m, 1 / d); return (g * xHat, g * yHat); },
            (x, y, z) => Math.Pow(a * Math.Pow(x, r) + (1 - a) * Math.Pow(y, r), d / r) * Math.Pow(b + z, gamma));
    }

    /// <summary>
    /// The least cost of qualities q_i per task on segments of the given widths with one fine-tuning level:
    /// min over B = b + z ≥ b of c_z (B − b) + K S B^(−γ/κ), S = Σ width_i q_i^(1/κ). The minimiser is
    /// B* = max(b, (γ K S / (κ c_z))^(κ/(κ+γ))); where B* > b the cost is ((κ+γ)/γ) c_z B* − c_z b.
    /// Returned as G(S) with its first two derivatives, and B.
    /// </summary>
    public (double G, double G1, double G2, double B) Cost(double s)
    {
        double k = Kappa, g = Gamma, flat = K * Math.Pow(B, -g / k);
        if (!(s > 0)) return (0, flat, 0, B);
        double tuned = Math.Pow(g * K * s / (k * FineTuningCost), k / (k + g));
        if (tuned <= B) return (flat * s, flat, 0, B);
        return ((k + g) / g * FineTuningCost * tuned - FineTuningCost * B, k / g * FineTuningCost * tuned / s,
            -k / (k + g) * FineTuningCost * tuned / (s * s), tuned);
    }

    public double Aggregate(double[] widths, double[] q)
    {
        double s = 0;
        for (int i = 0; i < q.Length; i++) s += widths[i] * Math.Pow(q[i], 1 / Kappa);
        return s;
    }

    /// <summary>The cheapest bundle delivering q: its tokens per segment, z and cost.</summary>
    public HandBundle Bundle(double[] widths, double[] q)
    {
        var (cost, _, _, b) = Cost(Aggregate(widths, q));
        var x = new double[q.Length];
        var y = new double[q.Length];
        for (int i = 0; i < q.Length; i++) (x[i], y[i]) = q[i] > 0 ? Tokens(q[i] / Math.Pow(b, Gamma)) : (0, 0);
        return new HandBundle([.. q], x, y, b - B, cost);
    }

    /// <summary>
    /// The first best of a type (model.md §2) by nested maximisation: for a given B = b + z each task's quality
    /// maximises w q − K q^(1/κ) B^(−γ/κ), q = (κ w B^(γ/κ) / K)^(κ/(1−κ)); the value is concave in B and its
    /// derivative Σ width K (γ/κ) q^(1/κ) B^(−γ/κ−1) − c_z is found zero by bisection (B = b when negative there).
    /// </summary>
    public HandBundle FirstBest(double[] widths, double[] values)
    {
        double[] Q(double b) => [.. values.Select(w => w > 0 ? Math.Pow(Kappa * w * Math.Pow(b, Gamma / Kappa) / K, Kappa / (1 - Kappa)) : 0)];
        double Slope(double b)
        {
            var q = Q(b);
            double sum = 0;
            for (int i = 0; i < q.Length; i++) sum += widths[i] * K * Gamma / Kappa * Math.Pow(q[i], 1 / Kappa) * Math.Pow(b, -Gamma / Kappa - 1);
            return sum - FineTuningCost;
        }
        double level = B;
        if (Slope(B) > 0)
        {
            double lo = B, hi = 2 * B;
            while (Slope(hi) > 0)
            {
                lo = hi;
                hi *= 2;
                if (!double.IsFinite(hi)) throw new InvalidOperationException("The first best's fine-tuning level is unbounded.");
            }
            for (int i = 0; i < 200 && hi - lo > 0; i++)
            {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) break;
                if (Slope(mid) > 0) lo = mid; else hi = mid;
            }
            level = 0.5 * (lo + hi);
        }
        var quality = Q(level);
        var x = new double[quality.Length];
        var y = new double[quality.Length];
        for (int i = 0; i < quality.Length; i++) (x[i], y[i]) = quality[i] > 0 ? Tokens(quality[i] / Math.Pow(level, Gamma)) : (0, 0);
        double cost = FineTuningCost * (level - B);
        for (int i = 0; i < quality.Length; i++) cost += widths[i] * (InputCost * x[i] + OutputCost * y[i]);
        return new HandBundle(quality, x, y, level - B, cost);
    }

    /// <summary>The seller's cost of tokens per task on each segment and a fine-tuning level.</summary>
    public double TokenCost(double[] widths, IReadOnlyList<double> x, IReadOnlyList<double> y, double z)
    {
        double sum = FineTuningCost * z;
        for (int i = 0; i < widths.Length; i++) sum += widths[i] * (InputCost * x[i] + OutputCost * y[i]);
        return sum;
    }
}

/// <summary>Qualities, tokens per task on each segment, fine-tuning and cost of one item.</summary>
internal sealed record HandBundle(double[] Quality, double[] Input, double[] Output, double FineTuning, double Cost);

/// <summary>The brute-force optimum of the two-type problem: each type's bundle and transfer, the expected profit and a bound on the gap to the true optimum.</summary>
internal sealed record BruteForceMenu(HandBundle[] Items, double[] Transfers, double Profit, double GapBound, double[,] Values);

/// <summary>
/// The binary environment (model.md §7) solved without the library's reasoning about which constraints bind.
/// Only qualities enter the buyers' payoffs, so each item is the cheapest bundle for its qualities and the problem
/// becomes: maximise Σ f_k (T_k − C(q_k)) over qualities q_k ≥ 0 per segment and transfers T_k subject to every
/// participation and incentive constraint — all linear in (q, T) — with C convex. That is a convex program, solved
/// here by a log-barrier path (Newton steps) to a duality gap below 1e-12 of the profit scale; no regime or virtual
/// value is assumed.
/// </summary>
internal static class BinaryBruteForce
{
    /// <summary>The two-type problem on segments of <paramref name="widths"/> with values <paramref name="w"/>[k][i] and probabilities f.</summary>
    public static BruteForceMenu Solve(HandTechnology tech, double[] widths, double[][] w, double[] f, double scale)
    {
        int n = widths.Length, size = 2 * n + 2;
        var a = new double[2][];
        for (int k = 0; k < 2; k++) a[k] = [.. Enumerable.Range(0, n).Select(i => widths[i] * w[k][i])];
        int Q(int k, int i) => k * n + i;
        int T(int k) => 2 * n + k;

        // Constraints c·u ≥ 0: participation of each type, incentive of each type towards the other's item, q ≥ 0.
        var constraints = new List<double[]>();
        for (int k = 0; k < 2; k++)
        {
            var ir = new double[size];
            for (int i = 0; i < n; i++) ir[Q(k, i)] = a[k][i];
            ir[T(k)] = -1;
            constraints.Add(ir);
            int j = 1 - k;
            var ic = new double[size];
            for (int i = 0; i < n; i++) { ic[Q(k, i)] += a[k][i]; ic[Q(j, i)] -= a[k][i]; }
            ic[T(k)] = -1;
            ic[T(j)] = 1;
            constraints.Add(ic);
        }
        for (int i = 0; i < 2 * n; i++)
        {
            var positive = new double[size];
            positive[i] = 1;
            constraints.Add(positive);
        }
        int m = constraints.Count;

        // A strictly feasible start: q_1 = q0 + e, q_2 = q0 − e around q0 = the larger first-best quality per segment,
        // e_i = ½ q0_i d_i / max|d|, d = a_1 − a_2, so that (a_1 − a_2)·(q_1 − q_2) > 0; transfers with slack.
        var efficient = new[] { tech.FirstBest(widths, w[0]), tech.FirstBest(widths, w[1]) };
        double top = Math.Max(efficient[0].Quality.Max(), efficient[1].Quality.Max());
        var q0 = Enumerable.Range(0, n).Select(i => Math.Max(Math.Max(efficient[0].Quality[i], efficient[1].Quality[i]), top > 0 ? 1e-3 * top : 1)).ToArray();
        var u = new double[size];
        double dMax = Enumerable.Range(0, n).Max(i => Math.Abs(a[0][i] - a[1][i]));
        double delta = 0;
        for (int i = 0; i < n; i++)
        {
            double e = dMax > 0 ? 0.5 * q0[i] * (a[0][i] - a[1][i]) / dMax : 0;
            u[Q(0, i)] = q0[i] + e;
            u[Q(1, i)] = q0[i] - e;
            delta += (a[0][i] + a[1][i]) * e;
        }
        double Dot(double[] x, int from) { double s = 0; for (int i = 0; i < n; i++) s += x[i] * u[Q(from, i)]; return s; }
        u[T(1)] = Math.Min(Dot(a[1], 1), Dot(a[0], 0) - delta) - 0.1 * scale;
        u[T(0)] = u[T(1)] + delta;

        double Slack(double[] c, double[] at) { double s = 0; for (int i = 0; i < size; i++) s += c[i] * at[i]; return s; }
        bool Inside(double[] at) => constraints.All(c => Slack(c, at) > 0);
        if (!Inside(u)) throw new InvalidOperationException("The brute force's start is not strictly feasible.");

        double Profit(double[] at)
        {
            double sum = 0;
            for (int k = 0; k < 2; k++)
            {
                var q = Enumerable.Range(0, n).Select(i => at[Q(k, i)]).ToArray();
                sum += f[k] * (at[T(k)] - tech.Cost(tech.Aggregate(widths, q)).G);
            }
            return sum;
        }
        double Barrier(double[] at, double t) => -t * Profit(at) / scale - constraints.Sum(c => Math.Log(Slack(c, at)));

        double tFinal = m / 1e-12;
        for (double t = 1; ; t = Math.Min(8 * t, tFinal))
        {
            for (int iteration = 0; iteration < 200; iteration++)
            {
                var gradient = new double[size];
                var hessian = new double[size, size];
                for (int k = 0; k < 2; k++)
                {
                    var q = Enumerable.Range(0, n).Select(i => u[Q(k, i)]).ToArray();
                    var (_, g1, g2, _) = tech.Cost(tech.Aggregate(widths, q));
                    double p = 1 / tech.Kappa;
                    var ds = q.Select((qi, i) => widths[i] * p * Math.Pow(qi, p - 1)).ToArray();
                    double weight = t * f[k] / scale;
                    for (int i = 0; i < n; i++)
                    {
                        gradient[Q(k, i)] += weight * g1 * ds[i];
                        hessian[Q(k, i), Q(k, i)] += weight * g1 * widths[i] * p * (p - 1) * Math.Pow(q[i], p - 2);
                        for (int j = 0; j < n; j++) hessian[Q(k, i), Q(k, j)] += weight * g2 * ds[i] * ds[j];
                    }
                    gradient[T(k)] -= weight;
                }
                foreach (var c in constraints)
                {
                    double s = Slack(c, u);
                    for (int i = 0; i < size; i++)
                    {
                        gradient[i] -= c[i] / s;
                        for (int j = 0; j < size; j++) hessian[i, j] += c[i] * c[j] / (s * s);
                    }
                }
                var step = LinearSolve(hessian, [.. gradient.Select(g => -g)]);
                if (!step.All(double.IsFinite)) throw new InvalidOperationException($"The brute force's Newton step is not finite at t = {t}.");
                double decrement = -gradient.Zip(step, (g, d) => g * d).Sum();
                if (decrement < 1e-10) break;
                double length = 1;
                double[] Move(double l) => [.. u.Select((x, i) => x + l * step[i])];
                while (!Inside(Move(length)))
                    if ((length *= 0.5) < 1e-30) throw new InvalidOperationException($"The brute force's Newton step leaves the feasible set at t = {t}.");
                if (decrement > 0.1)
                {
                    double now = Barrier(u, t);
                    while (length > 1e-12 && Barrier(Move(length), t) > now - 0.25 * length * decrement) length *= 0.5;
                }
                u = Move(length);
            }
            if (t >= tFinal) break;
        }

        var items = new HandBundle[2];
        var values = new double[2, 2];
        for (int k = 0; k < 2; k++) items[k] = tech.Bundle(widths, [.. Enumerable.Range(0, n).Select(i => u[Q(k, i)])]);
        for (int k = 0; k < 2; k++)
            for (int j = 0; j < 2; j++)
                values[k, j] = Enumerable.Range(0, n).Sum(i => a[k][i] * items[j].Quality[i]);
        return new BruteForceMenu(items, [u[T(0)], u[T(1)]], Profit(u), m * scale / tFinal, values);
    }

    /// <summary>
    /// The best expected profit of an allocation, given the values U[k, j] of type k for item j and the items'
    /// costs: the linear program over (T_1, T_2) with T_k ≤ U_kk and T_k − T_j ≤ U_kk − U_kj, solved exactly by
    /// enumerating the vertices (pairs of binding constraints) and keeping the best feasible one. −∞ when no
    /// transfers implement the allocation.
    /// </summary>
    public static double BestTransfers(double[,] values, double[] costs, double[] f)
    {
        // Rows (a_1, a_2, rhs): a·T ≤ rhs.
        var rows = new (double A1, double A2, double Rhs)[]
        {
            (1, 0, values[0, 0]),
            (0, 1, values[1, 1]),
            (1, -1, values[0, 0] - values[0, 1]),
            (-1, 1, values[1, 1] - values[1, 0]),
        };
        double tolerance = 1e-12 * (1 + Math.Abs(values[0, 0]) + Math.Abs(values[1, 1]) + Math.Abs(values[0, 1]) + Math.Abs(values[1, 0]));
        double best = double.NegativeInfinity;
        for (int p = 0; p < rows.Length; p++)
            for (int q = p + 1; q < rows.Length; q++)
            {
                double det = rows[p].A1 * rows[q].A2 - rows[p].A2 * rows[q].A1;
                if (det == 0) continue;
                double t1 = (rows[p].Rhs * rows[q].A2 - rows[p].A2 * rows[q].Rhs) / det;
                double t2 = (rows[p].A1 * rows[q].Rhs - rows[p].Rhs * rows[q].A1) / det;
                if (rows.Any(r => r.A1 * t1 + r.A2 * t2 > r.Rhs + tolerance)) continue;
                best = Math.Max(best, f[0] * (t1 - costs[0]) + f[1] * (t2 - costs[1]));
            }
        return best;
    }

    /// <summary>Gaussian elimination with partial pivoting.</summary>
    private static double[] LinearSolve(double[,] matrix, double[] rhs)
    {
        int n = rhs.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])rhs.Clone();
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (int c = 0; c < n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (int r = col + 1; r < n; r++)
            {
                double factor = a[r, col] / a[col, col];
                for (int c = col; c < n; c++) a[r, c] -= factor * a[col, c];
                b[r] -= factor * b[col];
            }
        }
        var x = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double s = b[r];
            for (int c = r + 1; c < n; c++) s -= a[r, c] * x[c];
            x[r] = s / a[r, r];
        }
        return x;
    }
}
