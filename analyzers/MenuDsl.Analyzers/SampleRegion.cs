using System;
using System.Collections.Generic;
using System.Threading;
using MenuDsl.Kernel;

namespace MenuDsl.Analyzers;

/// <summary>
/// Where a custom production function is sampled: per-task token levels x, y and fine-tuning levels z spanning the
/// first-best bundles of the declared types from a tenth to ten times their size (z also at 0, where buyers that do
/// not fine-tune sit). A small grid (6 × 6 × 6 points), cheap enough to run as the user types.
/// </summary>
internal sealed class SampleRegion
{
    private const int Points = 6;
    private const double Spread = 10;

    // Value quantiles and scales whose first-best bundles span the region: the bulk of the types, at the extreme scales.
    private static readonly double[] ValueQuantiles = [0.05, 0.5, 0.95];

    private SampleRegion(double[] inputs, double[] outputs, double[] fineTuning, string description)
    {
        Inputs = inputs;
        Outputs = outputs;
        FineTuning = fineTuning;
        Description = description;
    }

    public double[] Inputs { get; }
    public double[] Outputs { get; }
    public double[] FineTuning { get; }

    /// <summary>For the messages: which region the point belongs to.</summary>
    public string Description { get; }

    /// <summary>
    /// A fixed log grid 10⁻³…10³ in every input, for when the declared types do not give a first best (invalid
    /// parameters, or a function whose first best the solver cannot find, itself a sign of a shape problem).
    /// </summary>
    public static SampleRegion Fixed { get; } = new(
        LogSpaced(1e-3, 1e3), LogSpaced(1e-3, 1e3), [0, .. LogSpaced(1e-3, 1e3, Points - 1)],
        "on the fixed grid 0.001…1000, as the declared types have no first best to sample around");

    /// <summary>Around the first-best bundles of the declared types; <see cref="Fixed"/> when there are none.</summary>
    public static SampleRegion Around(IProductionFunction function, EconomicModel? economy, CancellationToken ct)
    {
        if (economy?.Values is not { } values) return Fixed;
        var (sLo, sHi) = economy.ScaleRange;
        var core = new CustomCore(function, economy.Costs.Input, economy.Costs.Output, economy.Costs.FineTuning);
        var x = new List<double>();
        var y = new List<double>();
        var z = new List<double>();
        try
        {
            foreach (double s in new[] { sLo, 0.5 * (sLo + sHi), sHi })
                foreach (double u in ValueQuantiles)
                {
                    ct.ThrowIfCancellationRequested();
                    double w = values.Quantile(u);
                    if (!(s > 0) || !(w > 0) || !Numeric.IsFinite(w)) continue;
                    var bundle = core.FirstBest(w, s);
                    // Per task: the bundle holds totals over the s tasks; fine-tuning is shared by them.
                    double xi = bundle.InputTokens / s, yi = bundle.OutputTokens / s;
                    if (!(xi > 0 && yi > 0) || !Numeric.IsFinite(xi + yi + bundle.FineTuning)) continue;
                    x.Add(xi);
                    y.Add(yi);
                    if (bundle.FineTuning > 0) z.Add(bundle.FineTuning);
                }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fixed;
        }
        if (x.Count == 0) return Fixed;
        // Nobody fine-tunes: z still ranges around one token, its natural unit, to see how v responds to it.
        double zLo = z.Count > 0 ? Min(z) : 1, zHi = z.Count > 0 ? Max(z) : 1;
        return new SampleRegion(
            LogSpaced(Min(x) / Spread, Max(x) * Spread), LogSpaced(Min(y) / Spread, Max(y) * Spread),
            [0, .. LogSpaced(zLo / Spread, zHi * Spread, Points - 1)],
            "around the first-best bundles of the declared types");
    }

    private static double[] LogSpaced(double lo, double hi, int count = Points)
    {
        var result = new double[count];
        for (int i = 0; i < count; i++) result[i] = lo * Math.Pow(hi / lo, (double)i / (count - 1));
        return result;
    }

    private static double Min(List<double> values)
    {
        double min = double.PositiveInfinity;
        foreach (double v in values) min = Math.Min(min, v);
        return min;
    }

    private static double Max(List<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values) max = Math.Max(max, v);
        return max;
    }
}
