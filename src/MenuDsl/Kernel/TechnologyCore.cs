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

    /// <summary>Total quality of <see cref="FirstBest(double, double)"/>.</summary>
    public virtual double Quality(double value, double scale) => FirstBest(value, scale).Quality;

    /// <summary>
    /// One task of value <paramref name="value"/> at a given fine-tuning level z (shared with the buyer's other
    /// tasks): the x and y that maximise value·v − c_x x − c_y y, the quality v and ∂v/∂z there. Zero for value ≤ 0.
    /// </summary>
    public abstract TaskBundle TaskOptimum(double value, double fineTuning);

    /// <summary>
    /// The first best of a buyer whose tasks have the values <paramref name="values"/> on segments of the given
    /// <paramref name="widths"/> (a share of all tasks each): max Σ width·(value·v − c_x x − c_y y) − c_z z. Each z gives
    /// the task optima; the shared z solves Σ width·value·v_z = c_z (decreasing in z for concave v with complements),
    /// or is 0 where that sum is below c_z at z = 0. Bisection in z to the last bit.
    /// </summary>
    public SegmentedBundle FirstBest(double[] widths, double[] values)
    {
        double Marginal(double z)
        {
            double sum = 0;
            for (int i = 0; i < widths.Length; i++)
                if (values[i] > 0) sum += widths[i] * values[i] * TaskOptimum(values[i], z).QualityPerFineTuning;
            return sum - FineTuningCost;
        }
        double fineTuning = 0;
        if (Marginal(0) > 0)
        {
            double hi = 1;
            while (Marginal(hi) > 0)
            {
                hi *= 2;
                if (hi > 1e300) throw new ArithmeticException("fine-tuning pays at every level: v has no decreasing returns in z");
            }
            fineTuning = Numeric.FirstTrue(z => Marginal(z) <= 0, 0, hi);
        }
        var tasks = new TaskBundle[widths.Length];
        for (int i = 0; i < widths.Length; i++) tasks[i] = TaskOptimum(values[i], fineTuning);
        return new SegmentedBundle(tasks, fineTuning);
    }

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

    /// <summary>
    /// What the seller pays for a bundle with these input and output tokens, fine-tuning aside: c_x x + c_y y, plus the
    /// classes a token-class technology buys alongside in fixed proportion.
    /// </summary>
    public virtual double TokenSpend(double inputTokens, double outputTokens) => InputCost * inputTokens + OutputCost * outputTokens;

    /// <summary>Relative accuracy of <see cref="FirstBest(double, double)"/>: rounding for closed forms, the solver's tolerance otherwise.</summary>
    public virtual double Accuracy => 0;

    /// <summary>First-best surplus U* = value·q − C of a value-scale type (what a buyer facing unit prices nets).</summary>
    public double Surplus(double value, double scale)
    {
        var bundle = FirstBest(value, scale);
        return value * bundle.Quality - bundle.Cost;
    }
}

/// <summary>Tokens x, y and quality v of one task, and ∂v/∂z there (what one more unit of fine-tuning adds to it).</summary>
internal readonly record struct TaskBundle(double Input, double Output, double Quality, double QualityPerFineTuning);

/// <summary>A first best over task segments: one task bundle per segment and the fine-tuning they share.</summary>
internal sealed record SegmentedBundle(TaskBundle[] Tasks, double FineTuning);

/// <summary>
/// A token bundle for s tasks: total quality, total input and output tokens, fine-tuning tokens, its cost to
/// the seller, and whether it fine-tunes.
/// </summary>
internal readonly record struct Bundle(double Quality, double InputTokens, double OutputTokens, double FineTuning, double Cost, bool FineTunes);
