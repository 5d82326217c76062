namespace MenuDsl.Generators.Model;

/// <summary>
/// The planner's decisions for one model: every constant folded at build time and, per member, whether it is a
/// closed form or numeric. Plain data, compared by value.
/// </summary>
internal sealed record MenuPlan(
    MenuSpec Spec,
    Constants Constants,
    double ValuesLower,
    double ValuesUpper,
    double ReserveValue,
    Affine? ValueVirtualValue,
    double BottomVirtualValue,
    ThetaLaw ThetaLaw,
    Affine? ThetaVirtualValue,
    double ThetaBottomVirtualValue,
    double PackageReserveValue);

/// <summary>The Cobb-Douglas constants of model.md §1–§3, evaluated by the shared kernel.</summary>
internal sealed record Constants(
    double Kappa,
    double Delta,
    double Rho,
    double Epsilon,
    double A0,
    double A,
    double FineTuningThreshold,
    double BaseQualityFactor,
    double FineTunedQualityFactor);

/// <summary>φ(t) = Slope·t + Intercept on a regular family: φ is emitted as arithmetic and rents in closed form.</summary>
internal sealed record Affine(double Slope, double Intercept);

/// <summary>How the law of θ = w s^δ is obtained.</summary>
internal enum ThetaLaw
{
    /// <summary>No scale distribution: θ = w.</summary>
    Values,
    /// <summary>Uniform values and scales: the kernel's closed form, its reserve value folded.</summary>
    UniformClosedForm,
    /// <summary>Anything else: quadrature over scales at run time.</summary>
    Numeric,
}
