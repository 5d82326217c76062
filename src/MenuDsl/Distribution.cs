namespace MenuDsl;

/// <summary>The families a type distribution can be declared with; parameters in brackets.</summary>
public enum Distribution
{
    /// <summary>Uniform on [lo, hi]. Parameters: lo, hi.</summary>
    Uniform,
    /// <summary>Exponential on [0, ∞), F = 1 − e^(−rate·t). Parameter: rate.</summary>
    Exponential,
    /// <summary>Power on [lo, hi], F = ((t − lo)/(hi − lo))^c. Parameters: c, lo, hi.</summary>
    Power,
    /// <summary>Pareto on [scale, ∞), F = 1 − (scale/t)^shape. Parameters: scale, shape.</summary>
    Pareto,
    /// <summary>Beta(a, b) stretched onto [lo, hi]. Parameters: a, b, lo, hi.</summary>
    Beta,
    /// <summary>Log-normal on (0, ∞): ln t ~ N(mu, sigma²). Parameters: mu, sigma.</summary>
    LogNormal,
    /// <summary>Normal(mean, sd²) conditioned on [lo, hi] (hi may be +∞). Parameters: mean, sd, lo, hi.</summary>
    TruncatedNormal,
}
