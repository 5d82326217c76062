using System;
using System.Collections.Generic;
using MenuDsl.Kernel;

namespace MenuDsl.Analyzers;

/// <summary>
/// A bounded grid of served types w ≥ reserve value with their ironed virtual values: evenly spaced in quantile
/// (the bulk of the mass) merged with geometric steps of the survival 1 − F (the upper tail, down to
/// <see cref="TailSurvival"/> when the support is unbounded).
/// </summary>
internal sealed class TypeGrid
{
    public const int Steps = 256;

    /// <summary>Types above the quantile 1 − TailSurvival of an unbounded support are not checked.</summary>
    public const double TailSurvival = 1e-9;

    private TypeGrid(double[] values, double[] virtualValues)
    {
        Values = values;
        VirtualValues = virtualValues;
    }

    public double[] Values { get; }
    public double[] VirtualValues { get; }
    public int Count => Values.Length;

    /// <summary>Null when nobody is served (φ ≤ 0 on the whole support).</summary>
    public static TypeGrid? Create(DistributionCore d)
    {
        double reserve = d.ReserveValue;
        if (double.IsPositiveInfinity(reserve)) return null;
        double uLo = d.Cdf(reserve), sLo = 1 - uLo;
        double sTop = double.IsPositiveInfinity(d.Upper) ? TailSurvival : 0;
        var points = new List<double>(2 * Steps + 2) { reserve };
        for (int i = 1; i <= Steps; i++)
        {
            points.Add(d.Quantile(uLo + (1 - sTop - uLo) * i / Steps));
            if (sLo > TailSurvival)
                points.Add(d.Quantile(1 - sLo * Math.Pow(TailSurvival / sLo, (double)i / Steps)));
        }
        points.Sort();
        var values = new List<double>(points.Count);
        foreach (double w in points)
            if (w >= reserve && Numeric.IsFinite(w) && (values.Count == 0 || w > values[values.Count - 1])) values.Add(w);
        var phi = new double[values.Count];
        for (int i = 0; i < phi.Length; i++) phi[i] = d.VirtualValue(values[i]);
        return new TypeGrid(values.ToArray(), phi);
    }
}
