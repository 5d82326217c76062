using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>One customer's usage over a billing period: total tokens per class and fine-tuning tokens.</summary>
/// <param name="Input">Input tokens, in total.</param>
/// <param name="Output">Output tokens, in total.</param>
/// <param name="FineTuning">Fine-tuning tokens.</param>
public readonly record struct Usage(double Input, double Output, double FineTuning);

/// <summary>Types recovered from usage observed under linear prices (issue 11, model.md §4).</summary>
public static class Calibration
{
    /// <summary>
    /// The index θ of each customer of <paramref name="usage"/>, observed buying freely at prices
    /// <paramref name="markup"/> × cost: a customer of index θ then buys the first best of value θ/markup, whose cost at
    /// marginal prices rises with the value, so the customer's spend at cost identifies θ (bisection on the kernel's first
    /// best, to the last bit). For value-scale buyers θ = w s^δ; without scales θ = w.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The markup is not finite and ≥ 1, or a usage has a negative or non-finite amount.</exception>
    public static double[] Thetas(IIndexModel technology, IEnumerable<Usage> usage, double markup)
    {
        ArgumentNullException.ThrowIfNull(technology);
        ArgumentNullException.ThrowIfNull(usage);
        if (!(markup >= 1) || !double.IsFinite(markup))
            throw new ArgumentOutOfRangeException(nameof(markup), markup, $"'markup' must be finite and >= 1 but is {markup}.");
        var core = MenuMetrics.Index(technology.Description);
        return usage.Select((u, i) => Theta(core, Checked(u, i), markup)).ToArray();
    }

    private static Usage Checked(Usage u, int index)
    {
        foreach (var (amount, name) in new[] { (u.Input, "Input"), (u.Output, "Output"), (u.FineTuning, "FineTuning") })
            if (!(amount >= 0) || !double.IsFinite(amount))
                throw new ArgumentOutOfRangeException("usage", amount, $"Usage {index}: {name} must be finite and >= 0 but is {amount}.");
        return u;
    }

    private static double Theta(CobbDouglasCore technology, Usage u, double markup)
    {
        double spend = technology.InputCost * u.Input + technology.OutputCost * u.Output + technology.FineTuningCost * u.FineTuning;
        if (spend == 0) return 0;
        double Spend(double value) => technology.FirstBest(value, 1).Cost;
        double hi = 1;
        while (Spend(hi) < spend)
        {
            hi *= 2;
            if (hi > 1e300) throw new ArgumentOutOfRangeException("usage", spend, $"A spend of {spend} at cost is beyond any type's first best.");
        }
        return markup * Numeric.FirstTrue(v => Spend(v) >= spend, 0, hi);
    }
}
