using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// A distribution of buyer types (values w or scales s): one of the <see cref="Distribution"/> families, a
/// weighted mixture of them, or a smoothed empirical law of a sample (<see cref="Empirical"/>). Immutable.
/// </summary>
public sealed class TypeDistribution
{
    private readonly double[] parameters;
    private readonly (double Weight, TypeDistribution Part)[] components;

    private readonly string? name;

    private TypeDistribution(DistributionCore core, Distribution? kind, double[] parameters, (double, TypeDistribution)[] components, string? name = null)
    {
        this.name = name;
        Core = core;
        Kind = kind;
        this.parameters = parameters;
        this.components = components;
    }

    internal DistributionCore Core { get; }

    /// <summary>The family, or null for a mixture or an empirical law.</summary>
    public Distribution? Kind { get; }

    /// <summary>The family's parameters (empty for a mixture or an empirical law).</summary>
    public IReadOnlyList<double> Parameters => parameters;

    /// <summary>The weighted components of a mixture, weights as given (empty for a single family).</summary>
    public IReadOnlyList<(double Weight, TypeDistribution Part)> Components => components;

    /// <summary>[Lower, Upper], the smallest interval holding the support; Upper may be +∞.</summary>
    public (double Lower, double Upper) Support => (Core.Lower, Core.Upper);

    /// <summary>Whether φ is known to be non-decreasing without ironing (see the docs for which families).</summary>
    public bool IsCertifiedRegular => Core.IsCertifiedRegular;

    /// <summary>The intervals of types pooled by ironing, with their common virtual value (empty when regular).</summary>
    public IReadOnlyList<(double Lower, double Upper, double Level)> PoolingIntervals =>
        Core.PoolingIntervals.Select(p => (p.Lower, p.Upper, p.Level)).ToArray();

    /// <summary>Builds a family from its kind and parameters, as the attributes declare it.</summary>
    /// <exception cref="ArgumentException">The parameters are invalid for the family.</exception>
    public static TypeDistribution From(Distribution kind, params double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown distribution family.");
        var copy = (double[])parameters.Clone();
        return new TypeDistribution(Families.Create((Family)kind, copy), kind, copy, []);
    }

    // The named factories check each argument under its own name first (From can only name the array); From still
    // applies the family's full validation.

    /// <summary>Uniform on [lo, hi].</summary>
    public static TypeDistribution Uniform(double lo, double hi) =>
        From(Distribution.Uniform, Guard.Lower(lo, nameof(lo)), Guard.Upper(hi, lo, nameof(hi)));

    /// <summary>Exponential with the given rate on [0, ∞).</summary>
    public static TypeDistribution Exponential(double rate) => From(Distribution.Exponential, Guard.Positive(rate, nameof(rate)));

    /// <summary>F(t) = ((t − lo)/(hi − lo))^c on [lo, hi].</summary>
    public static TypeDistribution Power(double c, double lo, double hi) =>
        From(Distribution.Power, Guard.Positive(c, nameof(c)), Guard.Lower(lo, nameof(lo)), Guard.Upper(hi, lo, nameof(hi)));

    /// <summary>F(t) = 1 − (scale/t)^shape on [scale, ∞).</summary>
    public static TypeDistribution Pareto(double scale, double shape) =>
        From(Distribution.Pareto, Guard.Positive(scale, nameof(scale)), Guard.Positive(shape, nameof(shape)));

    /// <summary>Beta(a, b) stretched onto [lo, hi].</summary>
    public static TypeDistribution Beta(double a, double b, double lo, double hi) => From(Distribution.Beta,
        Guard.Positive(a, nameof(a)), Guard.Positive(b, nameof(b)), Guard.Lower(lo, nameof(lo)), Guard.Upper(hi, lo, nameof(hi)));

    /// <summary>Log-normal: ln t ~ N(mu, sigma²).</summary>
    public static TypeDistribution LogNormal(double mu, double sigma) =>
        From(Distribution.LogNormal, Guard.Finite(mu, nameof(mu)), Guard.Positive(sigma, nameof(sigma)));

    /// <summary>Normal(mean, sd²) conditioned on [lo, hi]; hi may be +∞.</summary>
    public static TypeDistribution TruncatedNormal(double mean, double sd, double lo, double hi) => From(Distribution.TruncatedNormal,
        Guard.Finite(mean, nameof(mean)), Guard.Positive(sd, nameof(sd)), Guard.Lower(lo, nameof(lo)), Guard.Upper(hi, lo, nameof(hi), mayBeInfinite: true));

    /// <summary>The mixture Σ wᵢ Fᵢ / Σ wᵢ of the parts; weights must be finite and &gt; 0.</summary>
    public static TypeDistribution Mixture(params (double Weight, TypeDistribution Part)[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0) throw new ArgumentException("A mixture needs at least one component.", nameof(parts));
        foreach (var (weight, part) in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            if (!(weight > 0) || double.IsInfinity(weight))
                throw new ArgumentOutOfRangeException(nameof(parts), weight, "Every mixture weight must be finite and > 0.");
        }
        var copy = ((double, TypeDistribution)[])parts.Clone();
        var core = new MixtureCore(parts.Select(p => p.Weight).ToArray(), parts.Select(p => p.Part.Core).ToArray());
        return new TypeDistribution(core, null, [], copy);
    }

    /// <summary>
    /// A smoothed empirical law of <paramref name="sample"/>: the distribution function is piecewise linear through
    /// equal-count bins (⌊√n⌋ bins, at most 100, edges at the sample's quantiles), a histogram density from the
    /// sample's minimum to its maximum. Ties merge bins. Its virtual value jumps at the bin edges and is ironed where it
    /// falls (<see cref="PoolingIntervals"/>), so any sample makes a model whose menus are incentive compatible.
    /// <see cref="Kind"/> is null and <see cref="Components"/> empty; <see cref="ToString"/> reads <c>Empirical(n = …)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An entry is NaN, infinite or negative (named by index and value).</exception>
    /// <exception cref="ArgumentException">Fewer than two values, or all of them equal.</exception>
    public static TypeDistribution Empirical(IEnumerable<double> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        double[] values = [.. sample];
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] >= 0) || double.IsPositiveInfinity(values[i]))
                throw new ArgumentOutOfRangeException(nameof(sample), values[i],
                    $"Entry {i} of the sample must be finite and >= 0 (types are non-negative) but is {Families.Format(values[i])}.");
        if (EmpiricalCore.Validate(values) is { } error) throw new ArgumentException(char.ToUpperInvariant(error[0]) + error[1..] + ".", nameof(sample));
        return new TypeDistribution(EmpiricalCore.Create(values), null, [], [], $"Empirical(n = {values.Length})");
    }

    /// <summary>Wraps a derived law (e.g. of θ) that is neither a family nor a mixture.</summary>
    internal static TypeDistribution FromCore(DistributionCore core, string name) => new(core, null, [], [], name);

    /// <summary>The density f(t) (0 outside the support).</summary>
    public double Pdf(double t) => Core.Pdf(Guard.NotNaN(t, nameof(t)));

    /// <summary>The distribution function F(t).</summary>
    public double Cdf(double t) => Core.Cdf(Guard.NotNaN(t, nameof(t)));

    /// <summary>The smallest t with F(t) ≥ u, for u in [0, 1].</summary>
    public double Quantile(double u)
    {
        if (!(u >= 0 && u <= 1)) throw new ArgumentOutOfRangeException(nameof(u), u, "A quantile level must lie in [0, 1].");
        return Core.Quantile(u);
    }

    /// <summary>The ironed virtual value φ̄(t) for t in the support.</summary>
    public double VirtualValue(double t) => Core.VirtualValue(Guard.InSupport(this, t, nameof(t)));

    /// <summary>The virtual value before ironing, t − (1 − F(t))/f(t).</summary>
    public double RawVirtualValue(double t) => Core.RawVirtualValue(Guard.InSupport(this, t, nameof(t)));

    /// <inheritdoc/>
    public override string ToString() => name ?? (Kind is { } kind
        ? $"{kind}({string.Join(", ", parameters.Select(Families.Format))})"
        : $"Mixture({string.Join(", ", components.Select(c => $"{Families.Format(c.Weight)}×{c.Part}"))})");
}
