using System;
using System.Linq;
using MenuDsl.Generators.Model;
using MenuDsl.Kernel;

namespace MenuDsl.Generators;

/// <summary>
/// Decides, per member, closed form or numeric, and folds every constant the parameters determine, using the
/// same kernel code the runtime runs (so generated and runtime-built models compute the same numbers).
/// </summary>
internal static class Planner
{
    /// <summary>The plan, or null when the model cannot be generated (e.g. nobody would be served).</summary>
    public static MenuPlan? Plan(MenuSpec spec)
    {
        try
        {
            return PlanValid(spec);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            // The parser admits only valid parameters; a failure here is numeric, and the analyzer reports it.
            return null;
        }
    }

    private static MenuPlan? PlanValid(MenuSpec spec)
    {
        var technology = new CobbDouglasCore(spec.Alpha, spec.Beta, spec.Gamma, spec.BaseQuality, spec.InputCost, spec.OutputCost, spec.FineTuningCost);
        var values = Law(spec.Values);
        if (double.IsPositiveInfinity(values.ReserveValue)) return null;
        var constants = new Constants(technology.Kappa, technology.Delta, technology.Rho, technology.Epsilon, technology.A0, technology.A,
            technology.FineTuningThreshold, technology.BaseQualityFactor, technology.FineTunedQualityFactor);

        var valueAffine = AffineOf(values);
        var (thetaLaw, thetas) = spec.Scales.Count == 0
            ? (ThetaLaw.Values, values)
            : IsSingleUniform(spec.Values) && IsSingleUniform(spec.Scales)
                ? (ThetaLaw.UniformClosedForm, (DistributionCore)new UniformThetaCore(values.Lower, values.Upper, Law(spec.Scales).Lower, Law(spec.Scales).Upper, technology.Delta))
                : (ThetaLaw.Numeric, null);
        var thetaAffine = thetas is null ? null : AffineOf(thetas);
        double packageReserve = thetas?.ReserveValue ?? double.NaN;
        if (double.IsPositiveInfinity(packageReserve)) return null;

        return new MenuPlan(spec, constants, values.Lower, values.Upper, values.ReserveValue,
            valueAffine, Bottom(values, valueAffine),
            thetaLaw, thetaAffine, thetas is null ? 0 : Bottom(thetas, thetaAffine), packageReserve);
    }

    /// <summary>The family or mixture the attributes declare, built by the kernel as the runtime builds it.</summary>
    private static DistributionCore Law(EquatableArray<DistributionSpec> parts) =>
        parts.Count == 1
            ? Families.Create(parts[0].Family, parts[0].Parameters.ToArray())
            : new MixtureCore(parts.Select(p => p.Weight).ToArray(), parts.Select(p => Families.Create(p.Family, p.Parameters.ToArray())).ToArray());

    private static bool IsSingleUniform(EquatableArray<DistributionSpec> parts) => parts.Count == 1 && parts[0].Family == Family.Uniform;

    // Closed-form rents need φ affine and not ironed.
    private static Affine? AffineOf(DistributionCore d) =>
        d.AffineVirtualValue is { } affine && d.IsCertifiedRegular ? new Affine(affine.Slope, affine.Intercept) : null;

    // φ at the bottom of the support, floored at 0: the lower limit of the closed-form rent integral.
    private static double Bottom(DistributionCore d, Affine? affine) => affine is null ? 0 : Math.Max(0, affine.Slope * d.Lower + affine.Intercept);
}
