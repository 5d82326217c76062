using MenuDsl.Kernel;
using MenuDsl.Shared.Expressions;

namespace MenuDsl.Generators.Model;

/// <summary>What the planner decided for one model, by technology; the emitter dispatches on its type.</summary>
internal abstract record ModelPlan(MenuSpec Spec);

/// <summary>
/// The planner's decisions for one index model (Cobb-Douglas or CES): every constant folded at build time and, per
/// member, whether it is a closed form or numeric. Plain data, compared by value.
/// </summary>
/// <param name="ThetaPieces">φ_θ as affine pieces with their rents folded (closed-form packages); empty when φ_θ is not piecewise affine.</param>
/// <param name="ThetasLower">The support of θ where its law is known at build time (NaN for a numeric law).</param>
/// <param name="SwitchAtLargestScale">θ̂ / s_max^δ: a value with φ(w) at most this fine-tunes at no scale of the support.</param>
/// <param name="BelowSwitchBounded">Every item below that switch is far from overflow, so its code needs no finite check.</param>
/// <param name="NeverFineTunes">φ is affine and φ(w) stays below that switch on the whole (bounded) support: no contract fine-tunes.</param>
internal sealed record MenuPlan(
    MenuSpec Spec,
    Constants Constants,
    double ValuesLower,
    double ValuesUpper,
    double ScalesLower,
    double ScalesUpper,
    double ReserveValue,
    Affine? ValueVirtualValue,
    double BottomVirtualValue,
    ThetaLaw ThetaLaw,
    EquatableArray<ThetaPiece> ThetaPieces,
    double ThetasLower,
    double ThetasUpper,
    double PackageReserveValue,
    double SwitchAtLargestScale,
    bool BelowSwitchBounded,
    bool NeverFineTunes) : ModelPlan(Spec);

/// <summary>
/// The plan of a custom technology: v's symbolic gradient and Hessian, from which the numeric solver's derivatives
/// are emitted. No index θ, so no packages.
/// </summary>
internal sealed record CustomPlan(MenuSpec Spec, string MethodName, Gradient Gradient, Hessian Hessian) : ModelPlan(Spec);

/// <summary>
/// The plan of a binary environment (model.md §7): the menu the shared kernel solved at build time, item by item, in
/// the order of the task segments <paramref name="SegmentWidths"/>, and why it has its regime.
/// </summary>
/// <param name="High">Which declared profile is H: 0 the first, 1 the second.</param>
/// <param name="Explanation">The constraints that decide the regime, with their numbers (the text of MENU010).</param>
internal sealed record BinaryPlan(
    MenuSpec Spec,
    EquatableArray<double> SegmentWidths,
    BinaryRegimeKind Regime,
    int High,
    BinaryItemPlan First,
    BinaryItemPlan Second,
    double ExpectedProfit,
    string Explanation) : ModelPlan(Spec);

/// <summary>One declared type's item: per-segment quality and tokens per task, the shared fine-tuning, T, C and the rent.</summary>
internal sealed record BinaryItemPlan(
    EquatableArray<double> Quality,
    EquatableArray<double> Input,
    EquatableArray<double> Output,
    double FineTuning,
    double Transfer,
    double Cost,
    double BuyerUtility);

/// <summary>
/// The constants of model.md §1–§3 and §8, evaluated by the shared kernel. Cobb-Douglas and CES share them: CES is
/// Cobb-Douglas in a composite input, whose spend splits into input and output tokens by its cost shares. With token
/// classes, <c>BeyondOutputSpend</c> is the share of the gross value spent on the classes after input and output.
/// </summary>
internal sealed record Constants(
    double InputSpend,
    double OutputSpend,
    double BeyondOutputSpend,
    double Gamma,
    double BaseQuality,
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

/// <summary>
/// One affine piece of φ_θ, up to <paramref name="Upper"/>, with its package rent folded at build time: U(θ) =
/// <paramref name="RentBefore"/> + (G(φ_θ(θ)) − <paramref name="IntegralAtStart"/>) / <paramref name="Slope"/>, G(v) = ∫₀^v Q.
/// </summary>
internal sealed record ThetaPiece(double Upper, double Slope, double Intercept, double RentBefore, double IntegralAtStart);

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
