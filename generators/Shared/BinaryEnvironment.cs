using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MenuDsl.Kernel;
using Microsoft.CodeAnalysis;

namespace MenuDsl.Shared;

/// <summary>
/// A <c>[TypeProfile]</c> as written: the probability and either <c>Value</c> (with <c>Scale</c>) or <c>TaskValues</c>.
/// Null members were not written.
/// </summary>
internal sealed class DeclaredProfile(double probability, double? value, double? scale, double[]? taskValues)
{
    public double Probability { get; } = probability;
    public double? Value { get; } = value;
    public double? Scale { get; } = scale;
    public double[]? TaskValues { get; } = taskValues;

    /// <summary>The kernel's segments, as the runtime's TypeProfile.ValueScale and TypeProfile.Tasks build them.</summary>
    public double[] Widths => TaskValues is { } tasks ? [.. Enumerable.Repeat(1.0 / tasks.Length, tasks.Length)] : [Scale ?? 1.0];

    /// <summary>The value per task on each of <see cref="Widths"/>.</summary>
    public double[] Values => TaskValues ?? [Value ?? 0];
}

/// <summary>A <c>[TypeProfile]</c> argument at fault: which profile, which argument (null: the attribute), and why.</summary>
internal sealed record ProfileError(int Profile, string? Argument, string Message);

/// <summary>The kernel's menu of a binary environment, with the common task segments its items refer to.</summary>
internal sealed record BinarySolution(double[] Widths, BinaryMenuCore Menu);

/// <summary>
/// The binary environment (model.md §7) as the generator and the analyzers both see it: how a <c>[TypeProfile]</c>
/// reads, when two of them are valid, and the kernel's menu. Linked as source into both, so a model is generated
/// exactly when MENU021 and MENU015 are silent, and MENU010 explains the very menu the generator emits.
/// </summary>
internal static class BinaryEnvironment
{
    /// <summary>The two probabilities must sum to 1 within this, as <c>BuildBinary</c> requires.</summary>
    public const double ProbabilityTolerance = 1e-12;

    /// <summary>The profile as written; null when an argument is not a constant (the compiler reports it).</summary>
    public static DeclaredProfile? Read(AttributeData attribute)
    {
        if (attribute.ConstructorArguments is not [var probability] || Number(probability) is not { } p) return null;
        double? value = null, scale = null;
        double[]? taskValues = null;
        foreach (var pair in attribute.NamedArguments)
        {
            switch (pair.Key)
            {
                case "Value" when Number(pair.Value) is { } w: value = w; break;
                case "Scale" when Number(pair.Value) is { } s: scale = s; break;
                case "TaskValues" when pair.Value.Kind == TypedConstantKind.Array:
                    if (pair.Value.IsNull) { taskValues = []; break; }
                    taskValues = new double[pair.Value.Values.Length];
                    for (int i = 0; i < taskValues.Length; i++)
                        if (Number(pair.Value.Values[i]) is { } v) taskValues[i] = v; else return null;
                    break;
                default: return null;
            }
        }
        return new DeclaredProfile(p, value, scale, taskValues);
    }

    /// <summary>Whether the profiles declare a binary environment the generator completes: two valid ones, no distributions.</summary>
    public static bool IsValid(IReadOnlyList<DeclaredProfile> profiles, int distributions) =>
        profiles.Count == 2 && distributions == 0 && Validate(profiles) is null;

    /// <summary>The first argument at fault in two profiles (the count and the distributions are the caller's), or null.</summary>
    public static ProfileError? Validate(IReadOnlyList<DeclaredProfile> profiles)
    {
        for (int k = 0; k < profiles.Count; k++)
            if (Validate(k, profiles[k]) is { } error) return error;
        double sum = profiles.Sum(p => p.Probability);
        if (profiles.Count == 2 && !(Math.Abs(sum - 1) <= ProbabilityTolerance))
            return new ProfileError(1, "probability",
                $"the probabilities of the two types must sum to 1 but are {Format(profiles[0].Probability)} and {Format(profiles[1].Probability)}");
        return null;
    }

    private static ProfileError? Validate(int k, DeclaredProfile profile)
    {
        if (!(profile.Probability > 0 && profile.Probability < 1))
            return new ProfileError(k, "probability", $"the probability must lie in (0, 1) but is {Format(profile.Probability)}");
        if (profile.TaskValues is { } tasks)
        {
            if (profile.Value is not null || profile.Scale is not null)
                return new ProfileError(k, profile.Value is not null ? "Value" : "Scale",
                    "a profile is either Value (with Scale) or TaskValues, not both");
            if (tasks.Length == 0) return new ProfileError(k, "TaskValues", "TaskValues must list at least one value");
            for (int i = 0; i < tasks.Length; i++)
                if (!(tasks[i] >= 0) || double.IsInfinity(tasks[i]))
                    return new ProfileError(k, "TaskValues", $"task value {i} must be finite and >= 0 but is {Format(tasks[i])}");
            return null;
        }
        if (profile.Value is not { } value)
            return new ProfileError(k, null, "neither Value nor TaskValues is given");
        if (!(value >= 0) || double.IsInfinity(value))
            return new ProfileError(k, "Value", $"Value must be finite and >= 0 but is {Format(value)}");
        if (profile.Scale is { } scale && !(scale > 0 && scale <= 1))
            return new ProfileError(k, "Scale", $"Scale must lie in (0, 1] but is {Format(scale)}");
        return null;
    }

    /// <summary>
    /// The kernel's menu for two valid profiles, as <c>BuildBinary</c> computes it; null with the kernel's message when
    /// it fails (a technology whose constants overflow, a custom first best the solver cannot find).
    /// </summary>
    public static BinarySolution? Solve(Func<TechnologyCore> technology, DeclaredProfile first, DeclaredProfile second, out string? failure)
    {
        failure = null;
        try
        {
            var (widths, one, two) = BinaryCore.Refine(first.Widths, first.Values, second.Widths, second.Values);
            return new BinarySolution(widths, BinaryCore.Solve(technology(), widths, one, two, first.Probability, second.Probability));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            failure = e.Message;
            return null;
        }
    }

    /// <summary>Which constraints shape the menu and the numbers that decide it, for MENU010 and the generated comment.</summary>
    public static string Explain(BinaryMenuCore menu, double firstProbability, double secondProbability)
    {
        double ratio = menu.High == 0 ? firstProbability / secondProbability : secondProbability / firstProbability;
        return menu.Regime switch
        {
            BinaryRegimeKind.FullExtraction =>
                $"H's gain from L's efficient bundle ∫(w_H − w_L) v(q_L) is {Format6(menu.IncentiveRent)} ≤ 0 and neither type wants the other's: full extraction, both efficient at their gross values",
            BinaryRegimeKind.HighIncentiveBinding =>
                $"H's rent ∫(w_H − w_L) v(q_L) is {Format6(menu.IncentiveRent)} > 0 with L efficient for w_L − (f_H/f_L)(w_H − w_L), f_H/f_L = {Format6(ratio)}: H's incentive constraint binds, H efficient with that rent",
            _ =>
                $"H's rent ∫(w_H − w_L) v(q_L) would be {Format6(menu.IncentiveRent)} < 0 at f_H/f_L = {Format6(ratio)}: zero rents, L distorted along w_L − t (w_H − w_L) with t = {Format6(menu.Distortion)}",
        };
    }

    private static double? Number(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Primitive && constant.Value is double x ? x : null;

    private static string Format(double x) => Families.Format(x);

    private static string Format6(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
