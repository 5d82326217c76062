using System;

namespace MenuDsl.Kernel;

/// <summary>
/// A production technology v(x, y, z) with its token costs, reduced to what screening needs (model.md §3): the
/// first-best bundle of a value-scale type. The screening item of (w, s) is the first-best bundle of value φ(w), and
/// a tariff at markup m nets m times the first-best surplus of value w/m, so this one function serves every menu.
/// </summary>
internal abstract class TechnologyCore(double inputCost, double outputCost, double fineTuningCost)
{
    public double InputCost { get; } = inputCost;
    public double OutputCost { get; } = outputCost;
    public double FineTuningCost { get; } = fineTuningCost;

    /// <summary>
    /// The first-best bundle of s = <paramref name="scale"/> tasks of value <paramref name="value"/> each: maximises
    /// s (value·v(x, y, z) − c_x x − c_y y) − c_z z. Totals X = s x, Y = s y; quality s·v.
    /// </summary>
    public abstract Bundle FirstBest(double value, double scale);

    /// <summary>Total quality of <see cref="FirstBest"/>.</summary>
    public virtual double Quality(double value, double scale) => FirstBest(value, scale).Quality;

    /// <summary>
    /// The value above which the first-best bundle of <paramref name="scale"/> tasks fine-tunes (+∞ when it never
    /// does): a kink of every schedule, where quadratures are split.
    /// </summary>
    public abstract double FineTuningVirtualValue(double scale);

    /// <summary>
    /// The exponent a in surplus ~ value^a for large values once buyers fine-tune (1/ε for Cobb-Douglas), against
    /// which a power tail of the types makes expectations infinite; null when the technology does not know it.
    /// </summary>
    public abstract double? SurplusGrowth { get; }

    /// <summary>The token cost at fault and why, or null when all three are finite and &gt; 0.</summary>
    public static (string Parameter, string Message)? ValidateCosts(double inputCost, double outputCost, double fineTuningCost)
    {
        if (!(inputCost > 0) || !Numeric.IsFinite(inputCost)) return ("input", $"the input token cost must be finite and > 0 but is {Families.Format(inputCost)}");
        if (!(outputCost > 0) || !Numeric.IsFinite(outputCost)) return ("output", $"the output token cost must be finite and > 0 but is {Families.Format(outputCost)}");
        if (!(fineTuningCost > 0) || !Numeric.IsFinite(fineTuningCost)) return ("fineTuning", $"the fine-tuning token cost must be finite and > 0 but is {Families.Format(fineTuningCost)}");
        return null;
    }

    /// <summary>Relative accuracy of <see cref="FirstBest"/>: rounding for closed forms, the solver's tolerance otherwise.</summary>
    public virtual double Accuracy => 0;

    /// <summary>First-best surplus U* = value·q − C of a value-scale type (what a buyer facing unit prices nets).</summary>
    public double Surplus(double value, double scale)
    {
        var bundle = FirstBest(value, scale);
        return value * bundle.Quality - bundle.Cost;
    }
}

/// <summary>
/// A token bundle for s tasks: total quality, total input and output tokens, fine-tuning tokens, its cost to
/// the seller, and whether it fine-tunes.
/// </summary>
internal readonly record struct Bundle(double Quality, double InputTokens, double OutputTokens, double FineTuning, double Cost, bool FineTunes);
