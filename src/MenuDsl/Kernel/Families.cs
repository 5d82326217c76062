using System;
using System.Collections.Generic;

namespace MenuDsl.Kernel;

/// <summary>The distribution families; the order matches the public <c>MenuDsl.Distribution</c> enum.</summary>
internal enum Family
{
    Uniform,
    Exponential,
    Power,
    Pareto,
    Beta,
    LogNormal,
    TruncatedNormal,
}

/// <summary>Parameter checking and construction of the families, shared by runtime, generator and analyzers.</summary>
internal static class Families
{
    /// <summary>The parameter names of each family, in attribute order.</summary>
    public static string[] ParameterNames(Family family) => family switch
    {
        Family.Uniform => new[] { "lo", "hi" },
        Family.Exponential => new[] { "rate" },
        Family.Power => new[] { "c", "lo", "hi" },
        Family.Pareto => new[] { "scale", "shape" },
        Family.Beta => new[] { "a", "b", "lo", "hi" },
        Family.LogNormal => new[] { "mu", "sigma" },
        Family.TruncatedNormal => new[] { "mean", "sd", "lo", "hi" },
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown distribution family."),
    };

    /// <summary>Why the parameters are invalid for the family, or null when they are valid.</summary>
    public static string? Validate(Family family, IReadOnlyList<double> p)
    {
        var names = ParameterNames(family);
        if (p.Count != names.Length)
            return $"{family} takes {names.Length} parameter(s) ({string.Join(", ", names)}) but {p.Count} were given";
        for (int i = 0; i < p.Count; i++)
        {
            bool mayBeInfinite = family == Family.TruncatedNormal && i == 3 && double.IsPositiveInfinity(p[i]);
            if (double.IsNaN(p[i]) || (double.IsInfinity(p[i]) && !mayBeInfinite))
                return $"{family} parameter '{names[i]}' must be finite but is {Format(p[i])}";
        }
        return family switch
        {
            Family.Uniform => Interval(p[0], p[1], "lo", "hi"),
            Family.Exponential => Positive(p[0], "rate"),
            Family.Power => Positive(p[0], "c") ?? Interval(p[1], p[2], "lo", "hi"),
            Family.Pareto => Positive(p[0], "scale") ?? Positive(p[1], "shape"),
            Family.Beta => Positive(p[0], "a") ?? Positive(p[1], "b") ?? Interval(p[2], p[3], "lo", "hi"),
            Family.LogNormal => Positive(p[1], "sigma"),
            Family.TruncatedNormal => Positive(p[1], "sd") ?? Interval(p[2], p[3], "lo", "hi") ?? NormalMass(p),
            _ => null,
        };
    }

    /// <summary>Builds the family; throws <see cref="ArgumentException"/> with <see cref="Validate"/>'s reason.</summary>
    public static DistributionCore Create(Family family, IReadOnlyList<double> p)
    {
        if (Validate(family, p) is { } error) throw new ArgumentException(error + ".", "parameters");
        return family switch
        {
            Family.Uniform => new UniformCore(p[0], p[1]),
            Family.Exponential => new ExponentialCore(p[0]),
            Family.Power => new PowerCore(p[0], p[1], p[2]),
            Family.Pareto => new ParetoCore(p[0], p[1]),
            Family.Beta => new BetaCore(p[0], p[1], p[2], p[3]),
            Family.LogNormal => new LogNormalCore(p[0], p[1]),
            Family.TruncatedNormal => new TruncatedNormalCore(p[0], p[1], p[2], p[3]),
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown distribution family."),
        };
    }

    // The conditioning interval must carry representable mass, or F and f become 0/0.
    private static string? NormalMass(IReadOnlyList<double> p) =>
        TruncatedNormalCore.Mass(p[0], p[1], p[2], p[3]) > 1e-305 ? null
        : $"[{Format(p[2])}, {Format(p[3])}] lies so far in the tail of Normal({Format(p[0])}, {Format(p[1])}) that its probability underflows; shift the mean or the interval";

    /// <summary>A scale is a share of tasks: a scale law's support must lie inside [0, 1].</summary>
    public static bool IsScaleLaw(DistributionCore d) => d.Lower >= 0 && d.Upper <= 1;

    /// <summary>
    /// The law a model's distribution attributes declare: one attribute is the family itself, several form the
    /// mixture their weights give (the rule the generator and the analyzers share).
    /// </summary>
    public static DistributionCore Declared(IReadOnlyList<(Family Family, IReadOnlyList<double> Parameters, double Weight)> parts)
    {
        if (parts.Count == 1) return Create(parts[0].Family, parts[0].Parameters);
        var weights = new double[parts.Count];
        var cores = new DistributionCore[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            weights[i] = parts[i].Weight;
            cores[i] = Create(parts[i].Family, parts[i].Parameters);
        }
        return new MixtureCore(weights, cores);
    }

    internal static string Format(double x) => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Positive(double x, string name) =>
        x > 0 ? null : $"parameter '{name}' must be > 0 but is {Format(x)}";

    // Types are non-negative amounts (a value per task, a share of tasks).
    private static string? Interval(double lo, double hi, string loName, string hiName) =>
        lo < 0 ? $"parameter '{loName}' must be >= 0 (types are non-negative) but is {Format(lo)}"
        : lo >= hi ? $"parameter '{loName}' ({Format(lo)}) must be below '{hiName}' ({Format(hi)})"
        : null;
}

internal sealed class UniformCore(double lo, double hi) : DistributionCore
{
    public override double Lower => lo;
    public override double Upper => hi;
    public override double Pdf(double t) => t < lo || t > hi ? 0 : 1 / (hi - lo);
    public override double Cdf(double t) => t <= lo ? 0 : t >= hi ? 1 : (t - lo) / (hi - lo);
    public override double Survival(double t) => t <= lo ? 1 : t >= hi ? 0 : (hi - t) / (hi - lo);
    public override double Quantile(double u) => u <= 0 ? lo : u >= 1 ? hi : lo + u * (hi - lo);
    public override bool IsCertifiedRegular => true;
    public override bool HasNonIncreasingMarkup => true;

    // ln t has density ∝ e^y: log-linear.
    public override bool LogHasLogConcaveDensity => true;

    // φ = t − (hi − t) = 2t − hi.
    public override AffineVirtualValue? AffineVirtualValue => new AffineVirtualValue(2, -hi);
}

internal sealed class ExponentialCore(double rate) : DistributionCore
{
    public override double Lower => 0;
    public override double Upper => double.PositiveInfinity;
    public override double Pdf(double t) => t < 0 ? 0 : rate * Math.Exp(-rate * t);
    public override double Cdf(double t) => t <= 0 ? 0 : -Expm1(-rate * t);
    public override double Survival(double t) => t <= 0 ? 1 : Math.Exp(-rate * t);
    public override double Quantile(double u) => u <= 0 ? 0 : u >= 1 ? double.PositiveInfinity : -Log1p(-u) / rate;
    public override bool IsCertifiedRegular => true;
    public override bool HasNonIncreasingMarkup => true;

    // ln t has log-density y − rate·e^y + const.
    public override bool LogHasLogConcaveDensity => true;

    // Constant hazard rate: φ = t − 1/rate.
    public override AffineVirtualValue? AffineVirtualValue => new AffineVirtualValue(1, -1 / rate);

    // netstandard2.0 has neither expm1 nor log1p; the series keeps tiny arguments exact.
    private static double Expm1(double x) => Math.Abs(x) < 1e-5 ? x + 0.5 * x * x + x * x * x / 6 : Math.Exp(x) - 1;

    private static double Log1p(double x) => Math.Abs(x) < 1e-5 ? x - 0.5 * x * x + x * x * x / 3 : Math.Log(1 + x);
}

/// <summary>F(t) = ((t − lo)/(hi − lo))^c on [lo, hi].</summary>
internal sealed class PowerCore(double c, double lo, double hi) : DistributionCore
{
    public override double Lower => lo;
    public override double Upper => hi;
    public override double Pdf(double t) =>
        t < lo || t > hi ? 0 : c * Math.Pow((t - lo) / (hi - lo), c - 1) / (hi - lo);
    public override double Cdf(double t) => t <= lo ? 0 : t >= hi ? 1 : Math.Pow((t - lo) / (hi - lo), c);
    public override double Quantile(double u) => u <= 0 ? lo : u >= 1 ? hi : lo + (hi - lo) * Math.Pow(u, 1 / c);

    // dφ/du = (hi − lo)[(1 + 1/c) − ((1 − c)/c) u^(−c)] > 0 when c ≥ 1; for c < 1 φ dips near lo.
    public override bool IsCertifiedRegular => c >= 1;
    public override bool HasNonIncreasingMarkup => c >= 1;
    public override bool HasBoundedDensity => c >= 1;
    public override AffineVirtualValue? AffineVirtualValue => c == 1 ? new AffineVirtualValue(2, -hi) : null;

    // ln t has log-density (c − 1) ln(e^y − lo) + y + const, and ln(e^y − lo) is concave (linear when lo = 0).
    public override bool LogHasLogConcaveDensity => c >= 1 || lo == 0;
}

/// <summary>F(t) = 1 − (scale/t)^shape on [scale, ∞).</summary>
internal sealed class ParetoCore(double scale, double shape) : DistributionCore
{
    public override double Lower => scale;
    public override double Upper => double.PositiveInfinity;
    public override double Pdf(double t) => t < scale ? 0 : shape / t * Math.Pow(scale / t, shape);
    public override double Cdf(double t) => t <= scale ? 0 : 1 - Math.Pow(scale / t, shape);
    public override double Survival(double t) => t <= scale ? 1 : Math.Pow(scale / t, shape);
    public override double Quantile(double u) => u <= 0 ? scale : u >= 1 ? double.PositiveInfinity : scale * Math.Pow(1 - u, -1 / shape);
    public override bool IsCertifiedRegular => true;
    public override bool HasNonIncreasingMarkup => true;

    // (1 − F)/f = t/shape, so φ = t (1 − 1/shape); the markup t/φ is constant.
    public override AffineVirtualValue? AffineVirtualValue => new AffineVirtualValue(1 - 1 / shape, 0);
    public override double TailExponent => shape;

    // ln t has density ∝ e^(−shape·y): log-linear.
    public override bool LogHasLogConcaveDensity => true;
}

/// <summary>A beta(a, b) law stretched onto [lo, hi].</summary>
internal sealed class BetaCore(double a, double b, double lo, double hi) : DistributionCore
{
    public override double Lower => lo;
    public override double Upper => hi;
    public override double Pdf(double t) => t < lo || t > hi ? 0 : SpecialFunctions.BetaPdf(a, b, (t - lo) / (hi - lo)) / (hi - lo);
    public override double Cdf(double t) => t <= lo ? 0 : t >= hi ? 1 : SpecialFunctions.RegularizedIncompleteBeta(a, b, (t - lo) / (hi - lo));

    // I_x(a, b) = 1 − I_{1−x}(b, a) gives the upper tail without cancellation.
    public override double Survival(double t) => t <= lo ? 1 : t >= hi ? 0 : SpecialFunctions.RegularizedIncompleteBeta(b, a, (hi - t) / (hi - lo));

    // a, b ≥ 1: log-concave density, increasing hazard rate, increasing φ.
    public override bool IsCertifiedRegular => a >= 1 && b >= 1;
    public override bool HasBoundedDensity => a >= 1 && b >= 1;
    public override AffineVirtualValue? AffineVirtualValue => a == 1 && b == 1 ? new AffineVirtualValue(2, -hi) : null;

    // ln t has log-density (a − 1) ln(e^y − lo) + (b − 1) ln(hi − e^y) + y + const; both logarithms are concave.
    public override bool LogHasLogConcaveDensity => (a >= 1 || lo == 0) && b >= 1;
}

internal sealed class LogNormalCore(double mu, double sigma) : DistributionCore
{
    public override double Lower => 0;
    public override double Upper => double.PositiveInfinity;
    public override double Pdf(double t) => t <= 0 ? 0 : SpecialFunctions.NormalPdf((Math.Log(t) - mu) / sigma) / (t * sigma);
    public override double Cdf(double t) => t <= 0 ? 0 : SpecialFunctions.NormalCdf((Math.Log(t) - mu) / sigma);
    public override double Survival(double t) => t <= 0 ? 1 : SpecialFunctions.NormalUpperTail((Math.Log(t) - mu) / sigma);

    public override bool LogHasLogConcaveDensity => true;
}

/// <summary>A normal(mean, sd) law conditioned on [lo, hi]; hi may be +∞.</summary>
internal sealed class TruncatedNormalCore(double mean, double sd, double lo, double hi) : DistributionCore
{
    private readonly double mass = Mass(mean, sd, lo, hi);

    /// <summary>P(lo ≤ X ≤ hi) for X ~ Normal(mean, sd²).</summary>
    public static double Mass(double mean, double sd, double lo, double hi) => Between((lo - mean) / sd, (hi - mean) / sd);

    public override double Lower => lo;
    public override double Upper => hi;
    public override double Pdf(double t) => t < lo || t > hi ? 0 : SpecialFunctions.NormalPdf((t - mean) / sd) / (sd * mass);
    public override double Cdf(double t) => t <= lo ? 0 : t >= hi ? 1 : Between((lo - mean) / sd, (t - mean) / sd) / mass;
    public override double Survival(double t) => t <= lo ? 1 : t >= hi ? 0 : Between((t - mean) / sd, (hi - mean) / sd) / mass;

    // Log-concave density.
    public override bool IsCertifiedRegular => true;

    // ln t has log-density y − (e^y − mean)²/(2 sd²) + const, whose second derivative −e^y(2e^y − mean)/sd² is ≤ 0
    // where t ≥ mean/2.
    public override bool LogHasLogConcaveDensity => 2 * lo >= mean;

    // Φ(z2) − Φ(z1) from whichever tail keeps it free of cancellation.
    private static double Between(double z1, double z2) =>
        z1 >= 0
            ? SpecialFunctions.NormalUpperTail(z1) - SpecialFunctions.NormalUpperTail(z2)
            : SpecialFunctions.NormalCdf(z2) - SpecialFunctions.NormalCdf(z1);
}

/// <summary>A finite mixture Σ wᵢ Fᵢ with positive weights (normalised here).</summary>
internal sealed class MixtureCore : DistributionCore
{
    private readonly double[] weights;
    private readonly DistributionCore[] parts;
    private readonly Interval[] supportIntervals;

    public MixtureCore(IReadOnlyList<double> weights, IReadOnlyList<DistributionCore> parts)
    {
        if (weights.Count != parts.Count || parts.Count == 0)
            throw new ArgumentException("A mixture needs one positive weight per component and at least one component.", nameof(weights));
        double total = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] > 0) || double.IsInfinity(weights[i]))
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"Mixture weight {i} must be finite and > 0.");
            total += weights[i];
        }
        this.weights = new double[weights.Count];
        this.parts = new DistributionCore[parts.Count];
        for (int i = 0; i < weights.Count; i++)
        {
            this.weights[i] = weights[i] / total;
            this.parts[i] = parts[i];
        }
        supportIntervals = MergeSupports(this.parts);
    }

    public override double Lower => supportIntervals[0].Lower;
    public override double Upper => supportIntervals[supportIntervals.Length - 1].Upper;
    public override IReadOnlyList<Interval> SupportIntervals => supportIntervals;
    public override bool IsCertifiedRegular => parts.Length == 1 && parts[0].IsCertifiedRegular;
    public override bool HasNonIncreasingMarkup => parts.Length == 1 && parts[0].HasNonIncreasingMarkup;
    public override AffineVirtualValue? AffineVirtualValue => parts.Length == 1 ? parts[0].AffineVirtualValue : null;

    public override bool HasBoundedDensity
    {
        get
        {
            foreach (var part in parts)
                if (!part.HasBoundedDensity) return false;
            return true;
        }
    }

    // The heaviest component's tail dominates.
    public override double TailExponent
    {
        get
        {
            double exponent = double.PositiveInfinity;
            foreach (var part in parts) exponent = Math.Min(exponent, part.TailExponent);
            return exponent;
        }
    }

    public override IEnumerable<double> Kinks
    {
        get
        {
            foreach (var part in parts)
                foreach (var kink in part.Kinks) yield return kink;
        }
    }

    /// <summary>
    /// Where one component ends and another begins, only the one that continues counts (the density is
    /// right-continuous there); at the top of a support interval the ending components give the left limit.
    /// </summary>
    public override double Pdf(double t)
    {
        double continuing = Sum(t, static (d, x) => x < d.Upper ? d.Pdf(x) : 0);
        return continuing > 0 ? continuing : Sum(t, static (d, x) => d.Pdf(x));
    }
    public override double Cdf(double t) => Sum(t, static (d, x) => d.Cdf(x));
    public override double Survival(double t) => Sum(t, static (d, x) => d.Survival(x));

    private double Sum(double t, Func<DistributionCore, double, double> f)
    {
        double sum = 0;
        for (int i = 0; i < parts.Length; i++) sum += weights[i] * f(parts[i], t);
        return sum;
    }

    private static Interval[] MergeSupports(DistributionCore[] parts)
    {
        var all = new List<Interval>();
        foreach (var part in parts) all.AddRange(part.SupportIntervals);
        all.Sort((x, y) => x.Lower.CompareTo(y.Lower));
        var merged = new List<Interval>();
        foreach (var interval in all)
        {
            if (merged.Count > 0 && interval.Lower <= merged[merged.Count - 1].Upper)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = new Interval(last.Lower, Math.Max(last.Upper, interval.Upper));
            }
            else merged.Add(interval);
        }
        return merged.ToArray();
    }
}
