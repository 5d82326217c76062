using System;
using System.Collections.Generic;
using System.Linq;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// Production functions written out by hand in the tests, with their derivatives, so that the numeric (custom) path
/// can be checked against the closed forms (model.md §2, §8) and against brute force.
/// </summary>
internal static class Technologies
{
    /// <summary>v = x^α y^β (b + z)^γ with its exact gradient and Hessian.</summary>
    public static CustomTechnology CobbDouglas(double alpha, double beta, double gamma, double b, bool derivatives = true)
    {
        double V(double x, double y, double z) => Math.Pow(x, alpha) * Math.Pow(y, beta) * Math.Pow(b + z, gamma);
        if (!derivatives) return new CustomTechnology(V);
        return new CustomTechnology(V,
            (x, y, z) =>
            {
                double v = V(x, y, z);
                return new ProductionGradient(alpha * v / x, beta * v / y, gamma * v / (b + z));
            },
            (x, y, z) =>
            {
                double v = V(x, y, z), B = b + z;
                return new ProductionHessian(alpha * (alpha - 1) * v / (x * x), alpha * beta * v / (x * y), alpha * gamma * v / (x * B),
                    beta * (beta - 1) * v / (y * y), beta * gamma * v / (y * B), gamma * (gamma - 1) * v / (B * B));
            });
    }

    /// <summary>
    /// CES v = P(x, y) Q(z), P = S^(d/r), S = a x^r + (1 − a) y^r, Q = (b + z)^γ, with derivatives by the chain rule:
    /// P_x = d a x^(r−1) S^(d/r−1), P_xx = d a (r−1) x^(r−2) S^(d/r−1) + d a² (d−r) x^(2r−2) S^(d/r−2),
    /// P_xy = d a (1−a) (d−r) x^(r−1) y^(r−1) S^(d/r−2), and symmetrically in y.
    /// </summary>
    public static CustomTechnology Ces(double a, double r, double d, double gamma, double b)
    {
        double S(double x, double y) => a * Math.Pow(x, r) + (1 - a) * Math.Pow(y, r);
        double V(double x, double y, double z) => Math.Pow(S(x, y), d / r) * Math.Pow(b + z, gamma);
        return new CustomTechnology(V,
            (x, y, z) =>
            {
                double s = S(x, y), s1 = Math.Pow(s, d / r - 1), p = Math.Pow(s, d / r);
                double q = Math.Pow(b + z, gamma), q1 = gamma * Math.Pow(b + z, gamma - 1);
                return new ProductionGradient(d * a * Math.Pow(x, r - 1) * s1 * q, d * (1 - a) * Math.Pow(y, r - 1) * s1 * q, p * q1);
            },
            (x, y, z) =>
            {
                double s = S(x, y), s1 = Math.Pow(s, d / r - 1), s2 = Math.Pow(s, d / r - 2), p = Math.Pow(s, d / r);
                double B = b + z, q = Math.Pow(B, gamma), q1 = gamma * Math.Pow(B, gamma - 1), q2 = gamma * (gamma - 1) * Math.Pow(B, gamma - 2);
                double px = d * a * Math.Pow(x, r - 1) * s1, py = d * (1 - a) * Math.Pow(y, r - 1) * s1;
                double pxx = d * a * (r - 1) * Math.Pow(x, r - 2) * s1 + d * a * a * (d - r) * Math.Pow(x, 2 * r - 2) * s2;
                double pyy = d * (1 - a) * (r - 1) * Math.Pow(y, r - 2) * s1 + d * (1 - a) * (1 - a) * (d - r) * Math.Pow(y, 2 * r - 2) * s2;
                double pxy = d * a * (1 - a) * (d - r) * Math.Pow(x, r - 1) * Math.Pow(y, r - 1) * s2;
                return new ProductionHessian(pxx * q, pxy * q, px * q1, pyy * q, py * q1, p * q2);
            },
            formula: $"CES({a}, {r}, {d}, {gamma}, {b})");
    }
}

/// <summary>
/// Largest relative disagreement between two models on every <see cref="IPricingModel"/> member at a set of types,
/// with the member and type where it occurs. Relative to the larger magnitude; fine-tuning z is compared as b + z
/// (it enters v only so, and is 0 on one side of the switch); buyer utility, profit and the fee are differences of
/// transfers and costs, so they are compared relative to the transfer.
/// </summary>
internal sealed class Agreement
{
    public double Worst { get; private set; }
    public string Where { get; private set; } = "nowhere";
    public int Comparisons { get; private set; }

    public override string ToString() => $"{Worst:G3} at {Where} ({Comparisons} comparisons)";

    private void Add(string where, double expected, double actual, double scale = 0)
    {
        Comparisons++;
        double error;
        if (expected == actual) error = 0; // includes +∞ = +∞
        else if (!double.IsFinite(expected) || !double.IsFinite(actual)) error = double.PositiveInfinity;
        else error = Math.Abs(expected - actual) / Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), scale);
        if (!(error <= Worst))
        {
            Worst = error;
            Where = $"{where}: expected {expected:R}, actual {actual:R}";
        }
    }

    private void Flag(string where, bool expected, bool actual)
    {
        Comparisons++;
        if (expected != actual) { Worst = double.PositiveInfinity; Where = $"{where}: expected {expected}, actual {actual}"; }
    }

    /// <summary>Compares every member of <paramref name="actual"/> against <paramref name="expected"/> at each (w, s).</summary>
    public static Agreement Of(IPricingModel expected, IPricingModel actual, double baseQuality, IEnumerable<double> values, IEnumerable<double> scales)
    {
        var a = new Agreement();
        a.Add("ReserveValue", expected.ReserveValue, actual.ReserveValue);
        foreach (double w in values)
        {
            a.Add($"VirtualValue({w})", expected.VirtualValue(w), actual.VirtualValue(w));
            foreach (double s in scales)
            {
                string at = $"(w = {w}, s = {s})";
                var e = expected.Efficient(w, s);
                var x = actual.Efficient(w, s);
                a.Add("Efficient.Input " + at, e.Input, x.Input);
                a.Add("Efficient.Output " + at, e.Output, x.Output);
                a.Add("Efficient.FineTuning (b + z) " + at, baseQuality + e.FineTuning, baseQuality + x.FineTuning);
                a.Add("Efficient.Quality " + at, e.Quality, x.Quality);
                a.Add("Efficient.Surplus " + at, e.Surplus, x.Surplus);
                a.Flag("Efficient.FineTunes " + at, e.FineTunes, x.FineTunes);

                var c = expected.Contract(w, s);
                var d = actual.Contract(w, s);
                double transfer = Math.Abs(c.Transfer);
                a.Add("Contract.Quality " + at, c.Quality, d.Quality);
                a.Add("Contract.Input " + at, c.Input, d.Input);
                a.Add("Contract.Output " + at, c.Output, d.Output);
                a.Add("Contract.FineTuning (b + z) " + at, baseQuality + c.FineTuning, baseQuality + d.FineTuning);
                a.Add("Contract.Transfer " + at, c.Transfer, d.Transfer);
                a.Add("Contract.Cost " + at, c.Cost, d.Cost);
                a.Add("Contract.BuyerUtility " + at, c.BuyerUtility, d.BuyerUtility, transfer);
                a.Add("Contract.Profit " + at, c.Profit, d.Profit, transfer);

                var t = expected.Tariff(w, s);
                var u = actual.Tariff(w, s);
                a.Add("Tariff.InputPrice " + at, t.InputPrice, u.InputPrice);
                a.Add("Tariff.OutputPrice " + at, t.OutputPrice, u.OutputPrice);
                a.Add("Tariff.FineTuningPrice " + at, t.FineTuningPrice, u.FineTuningPrice);
                a.Add("Tariff.Fee " + at, t.Fee, u.Fee, transfer);
                a.Add("Tariff.TaskCap " + at, t.TaskCap, u.TaskCap);
                a.Add("Tariff.Markup " + at, t.Markup, u.Markup);
                a.Flag("Tariff.Included " + at, t.Included is null, u.Included is null);
            }
        }
        return a;
    }

    /// <summary>
    /// <see cref="Of"/> plus the members of <see cref="IIndexModel"/>: θ̂, θ at each type, and the package menu at
    /// those θ (that lie in the support of both models' θ).
    /// </summary>
    public static Agreement OfIndex(IIndexModel expected, IIndexModel actual, double baseQuality, double[] values, double[] scales)
    {
        var a = Of(expected, actual, baseQuality, values, scales);
        a.Add("FineTuningThreshold", expected.FineTuningThreshold, actual.FineTuningThreshold);
        foreach (double w in values)
            foreach (double s in scales)
            {
                double theta = expected.Theta(w, s);
                a.Add($"Theta(w = {w}, s = {s})", theta, actual.Theta(w, s));
                var p = expected.Package(theta);
                var q = actual.Package(theta);
                string at = $"(θ = {theta})";
                a.Add("Package.Quality " + at, p.Quality, q.Quality);
                a.Add("Package.InputTokens " + at, p.InputTokens, q.InputTokens);
                a.Add("Package.OutputTokens " + at, p.OutputTokens, q.OutputTokens);
                a.Add("Package.FineTuning (b + z) " + at, baseQuality + p.FineTuning, baseQuality + q.FineTuning);
                a.Add("Package.Transfer " + at, p.Transfer, q.Transfer);
                a.Add("Package.Cost " + at, p.Cost, q.Cost);
                a.Add("Package.BuyerUtility " + at, p.BuyerUtility, q.BuyerUtility, Math.Abs(p.Transfer));
                a.Add("Package.Profit " + at, p.Profit, q.Profit, Math.Abs(p.Transfer));
                var t = expected.PackageTariff(theta);
                var u = actual.PackageTariff(theta);
                a.Add("PackageTariff.Fee " + at, t.Fee, u.Fee, Math.Abs(p.Transfer));
                a.Add("PackageTariff.Markup " + at, t.Markup, u.Markup);
                a.Add("PackageTariff.InputPrice " + at, t.InputPrice, u.InputPrice);
            }
        return a;
    }

    /// <summary>Quantiles of a distribution at the given levels.</summary>
    public static double[] Quantiles(TypeDistribution d, params double[] levels) => [.. levels.Select(d.Quantile)];
}
