using System;
using System.Collections.Generic;

namespace MenuDsl.Reports;

/// <summary>
/// Which types a table or plot evaluates. By default the types are equal-probability points of the served range:
/// the midpoints of <see cref="Count"/> cells of equal probability above the reserve value (of w for contracts and
/// tariffs, of θ for packages) and of <see cref="ScaleCount"/> equal-probability cells of the scales
/// (<see cref="ReportGrids"/>). Explicit <see cref="Types"/> or <see cref="Scales"/> replace those points.
/// </summary>
public sealed record GridOptions
{
    private readonly int count = 20;
    private readonly int scaleCount = 5;
    private readonly IReadOnlyList<double>? types;
    private readonly IReadOnlyList<double>? scales;

    /// <summary>n, the number of types (values w, or θ for packages); at least 2. Default 20.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 2.</exception>
    public int Count
    {
        get => count;
        init => count = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(Count), value, $"'{nameof(Count)}' (types per grid) must be at least 2 but is {value}.");
    }

    /// <summary>m, the number of scales (ignored when the model declares no scale distribution: s = 1); at least 1. Default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1.</exception>
    public int ScaleCount
    {
        get => scaleCount;
        init => scaleCount = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ScaleCount), value, $"'{nameof(ScaleCount)}' must be at least 1 but is {value}.");
    }

    /// <summary>Explicit types (w, or θ for packages) instead of the quantile points; at least 2, each in the model's support.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 types.</exception>
    public IReadOnlyList<double>? Types
    {
        get => types;
        init => types = value is null || value.Count >= 2 ? value : throw new ArgumentException($"'{nameof(Types)}' must hold at least 2 types but holds {value.Count}.", nameof(Types));
    }

    /// <summary>Explicit scales s instead of the quantile points; at least 1, each in the scale support (or exactly 1 without scales).</summary>
    /// <exception cref="ArgumentException">No scale given.</exception>
    public IReadOnlyList<double>? Scales
    {
        get => scales;
        init => scales = value is null || value.Count >= 1 ? value : throw new ArgumentException($"'{nameof(Scales)}' must hold at least 1 scale.", nameof(Scales));
    }

    /// <summary>The defaults: 20 types, 5 scales, quantile points.</summary>
    public static GridOptions Default { get; } = new();
}
