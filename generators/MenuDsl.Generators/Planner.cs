using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Generators.Model;
using MenuDsl.Kernel;
using MenuDsl.Shared;
using MenuDsl.Shared.Expressions;

namespace MenuDsl.Generators;

/// <summary>
/// Decides, per member, closed form or numeric, and folds every constant the parameters determine, using the
/// same kernel code the runtime runs (so generated and runtime-built models compute the same numbers).
/// </summary>
internal static class Planner
{
    /// <summary>The plan, or null when the model cannot be generated (e.g. nobody would be served).</summary>
    public static ModelPlan? Plan(MenuSpec spec)
    {
        try
        {
            return PlanValid(spec);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            // Service.Of has built the laws and their reserve values; what is left is arithmetic on them, so this
            // only guards the rule that the generator never throws.
            return null;
        }
    }

    private static ModelPlan? PlanValid(MenuSpec spec)
    {
        if (spec.Profiles.Count == 2) return PlanBinary(spec);
        TechnologyCore? made = null;
        DistributionCore? values = null, scales = null;
        // Nobody served or a kernel failure (including constants that overflow): the analyzers run the same check and
        // report MENU013 / MENU015.
        if (Service.Of(() => made = Technology(spec), () => values = Law(spec.Values), () => scales = spec.Scales.Count == 0 ? null : Law(spec.Scales), out _)
            != ServiceVerdict.Served)
            return null;
        if (spec.Technology is CustomSpec custom)
            return new CustomPlan(spec, custom.MethodName, Differentiation.Gradient(custom.Body), Differentiation.Hessian(custom.Body));
        var technology = (CobbDouglasCore)made!;
        var valueLaw = values!;
        var constants = new Constants(technology.Alpha, technology.Beta, technology.BeyondOutputSpend, technology.Gamma, technology.BaseQuality,
            technology.Kappa, technology.Delta, technology.Rho, technology.Epsilon, technology.A0, technology.A,
            technology.FineTuningThreshold, technology.BaseQualityFactor, technology.FineTunedQualityFactor);

        var valueAffine = AffineOf(valueLaw);
        var thetas = ThetaLaws.ClosedForm(valueLaw, scales, technology.Delta);
        var thetaLaw = scales is null ? ThetaLaw.Values : thetas is null ? ThetaLaw.Numeric : ThetaLaw.UniformClosedForm;
        var thetaPieces = thetas?.AffinePieces is { } pieces ? Pieces(technology, pieces) : default;
        double packageReserve = thetas?.ReserveValue ?? double.NaN;
        double largestScale = scales?.Upper ?? 1;
        double switchAtLargestScale = technology.FineTuningThreshold / Numeric.Pow(largestScale, technology.Delta);

        return new MenuPlan(spec, constants, valueLaw.Lower, valueLaw.Upper, scales?.Lower ?? 1, largestScale, valueLaw.ReserveValue,
            valueAffine, Bottom(valueLaw),
            thetaLaw, thetaPieces, thetas?.Lower ?? double.NaN, thetas?.Upper ?? double.NaN, packageReserve,
            switchAtLargestScale, valueAffine is { } affine && BelowSwitchBounded(technology, valueLaw, affine, switchAtLargestScale, largestScale),
            // φ is increasing, so its largest value is at the top of the support (rounding is monotone too).
            valueAffine is { } increasing && increasing.Slope > 0 && increasing.Slope * valueLaw.Upper + increasing.Intercept <= switchAtLargestScale);
    }

    /// <summary>
    /// Below the switch every field of an item grows with φ and w, so the largest one (the kernel's first best at the
    /// largest φ and scale there; T and U are at most w·q) bounds them all. Far from overflow, no finite check is needed.
    /// </summary>
    private static bool BelowSwitchBounded(CobbDouglasCore technology, DistributionCore values, Affine phi, double switchValue, double largestScale)
    {
        if (!(phi.Slope > 0)) return false;
        double valueMax = Math.Min(values.Upper, (switchValue - phi.Intercept) / phi.Slope);
        var item = technology.FirstBest(Math.Min(switchValue, phi.Slope * valueMax + phi.Intercept), largestScale);
        double size = (item.Quality * (1 + 3 * valueMax) + item.InputTokens + item.OutputTokens + item.Cost) / largestScale;
        return size < double.MaxValue / 16; // false for NaN and ∞; the margin covers the sums of the emitted code
    }

    /// <summary>
    /// The binary environment: the whole menu is solved here, by the kernel's BinaryCore as BuildBinary solves it, and
    /// emitted as constants. A kernel failure declines the model; the analyzers run the same solve and report MENU015.
    /// </summary>
    private static BinaryPlan? PlanBinary(MenuSpec spec)
    {
        var first = spec.Profiles[0].Declared;
        var second = spec.Profiles[1].Declared;
        if (BinaryEnvironment.Solve(() => Technology(spec), first, second, out _) is not { } solution) return null;
        var menu = solution.Menu;
        return new BinaryPlan(spec, new EquatableArray<double>(solution.Widths), menu.Regime, menu.High,
            Item(menu.First), Item(menu.Second), menu.ExpectedProfit,
            BinaryEnvironment.Explain(menu, first.Probability, second.Probability));

        static BinaryItemPlan Item(BinaryItemCore item) => new(
            new EquatableArray<double>([.. item.Bundle.Tasks.Select(t => t.Quality)]),
            new EquatableArray<double>([.. item.Bundle.Tasks.Select(t => t.Input)]),
            new EquatableArray<double>([.. item.Bundle.Tasks.Select(t => t.Output)]),
            item.Bundle.FineTuning, item.Transfer, item.Cost, item.BuyerUtility);
    }

    /// <summary>The kernel's technology for the declared one, as the runtime builds it.</summary>
    private static TechnologyCore Technology(MenuSpec spec) => spec.Technology switch
    {
        CobbDouglasSpec cd => new CobbDouglasCore(cd.Alpha, cd.Beta, cd.Gamma, cd.BaseQuality, spec.InputCost, spec.OutputCost, spec.FineTuningCost),
        CesSpec ces => CobbDouglasCore.Ces(ces.Share, ces.Substitution, ces.Degree, ces.Gamma, ces.BaseQuality, spec.InputCost, spec.OutputCost, spec.FineTuningCost),
        TokenClassesSpec classes => CobbDouglasCore.TokenClasses(classes.Names, classes.Exponents, classes.Costs, classes.Gamma, classes.BaseQuality, spec.FineTuningCost),
        CustomSpec custom => new CustomCore(new ExpressionFunction(custom.Body), spec.InputCost, spec.OutputCost, spec.FineTuningCost),
        _ => throw new ArgumentException($"Unknown technology {spec.Technology}.", nameof(spec)),
    };

    /// <summary>The family or mixture the attributes declare, built by the kernel as the runtime builds it.</summary>
    private static DistributionCore Law(EquatableArray<DistributionSpec> parts) =>
        Families.Declared(parts.Select(p => (p.Family, (IReadOnlyList<double>)p.Parameters, p.Weight)).ToArray());

    // Affine φ (never ironed) gives closed-form rents.
    private static Affine? AffineOf(DistributionCore d) =>
        d.AffineVirtualValue is { } affine ? new Affine(affine.Slope, affine.Intercept) : null;

    /// <summary>The pieces of φ_θ with the kernel's rent at each piece's start and G(φ_θ(start)⁺), so a call is one G.</summary>
    private static EquatableArray<ThetaPiece> Pieces(CobbDouglasCore technology, AffinePiece[] pieces) =>
        new([.. pieces.Select(p => new ThetaPiece(p.Upper, p.Phi.Slope, p.Phi.Intercept,
            AffinePiece.Rent(pieces, technology, 1, p.Lower), technology.QualityIntegral(p.Phi.ServedFrom(p.Lower), 1)))]);

    // The lower limit of the closed-form rent integral.
    private static double Bottom(DistributionCore d) => d.AffineVirtualValue?.ServedFrom(d.Lower) ?? 0;
}
