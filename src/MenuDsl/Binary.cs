using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>A model of the binary environment (model.md §7): two buyer types, each a profile of task values.</summary>
public interface IBinaryModel
{
    /// <summary>The optimal two-item menu.</summary>
    BinaryMenu BinaryMenu { get; }
}

/// <summary>Which constraints shape the optimal two-type menu.</summary>
public enum BinaryRegime
{
    /// <summary>Each type gets its efficient bundle at its gross value; neither wants the other's.</summary>
    FullExtraction,
    /// <summary>H's incentive constraint binds: H gets its efficient bundle and a rent; L's bundle is efficient for its task-wise virtual values w_L − (f_H/f_L)(w_H − w_L).</summary>
    HighIncentiveBinding,
    /// <summary>
    /// The profiles are not ordered, so the rent above would be negative: both types get zero rents and L's bundle is
    /// distorted along w_L − t (w_H − w_L), with t such that H is just indifferent to it.
    /// </summary>
    ZeroRentsDistorted,
}

/// <summary>
/// A buyer type of the binary environment: its probability and its value per task on task segments. The segments
/// cover shares of all tasks from the first; tasks beyond them are worth 0.
/// </summary>
public sealed record TypeProfile
{
    private TypeProfile(double probability, double[] widths, double[] values)
    {
        Probability = probability;
        SegmentWidths = widths;
        TaskValues = values;
    }

    /// <summary>The probability of this type (the two probabilities must sum to 1).</summary>
    public double Probability { get; }

    /// <summary>The share of all tasks each segment covers.</summary>
    public IReadOnlyList<double> SegmentWidths { get; }

    /// <summary>The value per task on each segment.</summary>
    public IReadOnlyList<double> TaskValues { get; }

    /// <summary>A value-scale type: value <paramref name="value"/> on a share <paramref name="scale"/> of the tasks, 0 on the rest.</summary>
    public static TypeProfile ValueScale(double probability, double value, double scale = 1.0)
    {
        Guard.Finite(value, nameof(value));
        if (!(value >= 0)) throw new ArgumentOutOfRangeException(nameof(value), value, $"'value' must be >= 0 but is {value}.");
        if (!(scale > 0 && scale <= 1)) throw new ArgumentOutOfRangeException(nameof(scale), scale, $"'scale' must lie in (0, 1] but is {scale}.");
        return new TypeProfile(CheckProbability(probability), [scale], [value]);
    }

    /// <summary>Values on equal-width task segments, e.g. <c>Tasks(0.5, 2.0, 0.6)</c>: 2 on the first half of the tasks, 0.6 on the second.</summary>
    public static TypeProfile Tasks(double probability, params double[] taskValues)
    {
        ArgumentNullException.ThrowIfNull(taskValues);
        if (taskValues.Length == 0) throw new ArgumentException("At least one task value is needed.", nameof(taskValues));
        for (int i = 0; i < taskValues.Length; i++)
            if (!(taskValues[i] >= 0) || !double.IsFinite(taskValues[i]))
                throw new ArgumentOutOfRangeException(nameof(taskValues), taskValues[i], $"Task value {i} must be finite and >= 0 but is {taskValues[i]}.");
        return new TypeProfile(CheckProbability(probability), [.. Enumerable.Repeat(1.0 / taskValues.Length, taskValues.Length)], [.. taskValues]);
    }

    private static double CheckProbability(double probability) =>
        probability > 0 && probability < 1 ? probability
            : throw new ArgumentOutOfRangeException(nameof(probability), probability, $"'probability' must lie in (0, 1) but is {probability}.");

    /// <inheritdoc/>
    public override string ToString() =>
        $"TypeProfile(p = {Probability}, values {string.Join(", ", TaskValues.Select((v, i) => $"{v} on {SegmentWidths[i]:G4} of the tasks"))})";

    /// <inheritdoc/>
    public bool Equals(TypeProfile? other) =>
        other is not null && Probability == other.Probability && SegmentWidths.SequenceEqual(other.SegmentWidths) && TaskValues.SequenceEqual(other.TaskValues);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Probability, SegmentWidths.Count, TaskValues.Count > 0 ? TaskValues[0] : 0);
}

/// <summary>
/// One item of the binary menu, for a type. Per-segment quantities follow <see cref="BinaryMenu.SegmentWidths"/>:
/// quality, input and output tokens per task on that segment.
/// </summary>
/// <param name="Profile">The type this item is for.</param>
/// <param name="Quality">v per task on each segment.</param>
/// <param name="Input">Input tokens per task on each segment.</param>
/// <param name="Output">Output tokens per task on each segment.</param>
/// <param name="FineTuning">z, shared by all of the type's tasks.</param>
/// <param name="Transfer">T, the payment.</param>
/// <param name="Cost">The seller's cost of the bundle.</param>
/// <param name="BuyerUtility">∫ w v − T, the type's rent.</param>
public sealed record BinaryItem(TypeProfile Profile, IReadOnlyList<double> Quality, IReadOnlyList<double> Input, IReadOnlyList<double> Output,
    double FineTuning, double Transfer, double Cost, double BuyerUtility)
{
    /// <summary>T − C.</summary>
    public double Profit => Transfer - Cost;
}

/// <summary>The optimal menu of the binary environment.</summary>
/// <param name="High">The item of H: the type whose incentive constraint binds (at full extraction, the type with the larger efficient gross value).</param>
/// <param name="Low">The item of L.</param>
/// <param name="Regime">Which constraints bind.</param>
/// <param name="ExpectedProfit">f_H (T_H − C_H) + f_L (T_L − C_L).</param>
/// <param name="SegmentWidths">The task segments the items' per-segment quantities refer to (the common refinement of both profiles).</param>
public sealed record BinaryMenu(BinaryItem High, BinaryItem Low, BinaryRegime Regime, double ExpectedProfit, IReadOnlyList<double> SegmentWidths)
{
    internal static BinaryMenu From(BinaryMenuCore core, double[] widths, TypeProfile first, TypeProfile second)
    {
        static BinaryItem Item(TypeProfile profile, BinaryItemCore item) => new(profile,
            [.. item.Bundle.Tasks.Select(t => t.Quality)], [.. item.Bundle.Tasks.Select(t => t.Input)], [.. item.Bundle.Tasks.Select(t => t.Output)],
            item.Bundle.FineTuning, item.Transfer, item.Cost, item.BuyerUtility);
        var one = Item(first, core.First);
        var two = Item(second, core.Second);
        return new BinaryMenu(core.High == 0 ? one : two, core.High == 0 ? two : one, (BinaryRegime)core.Regime, core.ExpectedProfit, widths);
    }
}

/// <summary>A binary-environment model built at run time (<see cref="ModelBuilder{TModel}.BuildBinary"/>).</summary>
public sealed class BinaryModel : IBinaryModel
{
    private readonly Lazy<BinaryMenu> menu;

    internal BinaryModel(Technology technology, double inputCost, double outputCost, double fineTuningCost, TypeProfile first, TypeProfile second)
    {
        Technology = technology;
        First = first;
        Second = second;
        var core = technology.Core(inputCost, outputCost, fineTuningCost);
        var (widths, one, two) = BinaryCore.Refine([.. first.SegmentWidths], [.. first.TaskValues], [.. second.SegmentWidths], [.. second.TaskValues]);
        menu = new(() => BinaryMenu.From(BinaryCore.Solve(core, widths, one, two, first.Probability, second.Probability), widths, first, second));
    }

    /// <summary>The production technology.</summary>
    public Technology Technology { get; }

    /// <summary>The first declared type.</summary>
    public TypeProfile First { get; }

    /// <summary>The second declared type.</summary>
    public TypeProfile Second { get; }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A first best could not be solved (custom technologies), or no candidate menu is feasible.</exception>
    public BinaryMenu BinaryMenu
    {
        get
        {
            try
            {
                return menu.Value;
            }
            catch (ArithmeticException e) when (ValueScaleMenu.FromSolver(e))
            {
                throw new InvalidOperationException($"The binary menu of {First} and {Second} could not be solved: {e.Message}.", e);
            }
        }
    }
}
