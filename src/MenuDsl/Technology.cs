using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// A production technology v(x, y, z): per-task quality from input tokens x, output tokens y and fine-tuning tokens z.
/// Models dispatch on its type: <see cref="CobbDouglasTechnology"/> and <see cref="CesTechnology"/> summarise a
/// buyer by the index θ (<see cref="IIndexModel"/>); a <see cref="CustomTechnology"/> is solved numerically.
/// </summary>
public abstract record Technology
{
    private protected Technology()
    {
    }

    /// <summary>A short name for reports, e.g. "CobbDouglas". Display only: code dispatches on the type.</summary>
    public abstract string Name { get; }

    /// <summary>The kernel's technology with these token costs.</summary>
    internal abstract TechnologyCore Core(double inputCost, double outputCost, double fineTuningCost);
}

/// <summary>Cobb-Douglas v = x^α y^β (b + z)^γ, α, β, γ &gt; 0, α + β + γ &lt; 1.</summary>
/// <param name="Alpha">α, the exponent of input tokens.</param>
/// <param name="Beta">β, the exponent of output tokens.</param>
/// <param name="Gamma">γ, the exponent of b + z.</param>
/// <param name="BaseQuality">b &gt; 0, quality of the base model.</param>
public sealed record CobbDouglasTechnology(double Alpha, double Beta, double Gamma, double BaseQuality = 1.0) : Technology
{
    /// <inheritdoc/>
    public override string Name => "CobbDouglas";

    internal override TechnologyCore Core(double inputCost, double outputCost, double fineTuningCost) =>
        new CobbDouglasCore(Alpha, Beta, Gamma, BaseQuality, inputCost, outputCost, fineTuningCost);
}

/// <summary>
/// CES v = (share·x^r + (1 − share)·y^r)^(degree/r) (b + z)^γ with r = <paramref name="Substitution"/> &lt; 1, r ≠ 0
/// (elasticity of substitution 1/(1 − r)), 0 &lt; share &lt; 1, degree, γ &gt; 0, degree + γ &lt; 1. Cobb-Douglas with
/// α = share·degree, β = (1 − share)·degree is the limit r → 0.
/// </summary>
/// <param name="Share">The weight of input tokens.</param>
/// <param name="Substitution">r: 1/(1 − r) is the elasticity of substitution between input and output tokens.</param>
/// <param name="Degree">The degree of homogeneity of the token aggregate (α + β of Cobb-Douglas).</param>
/// <param name="Gamma">γ, the exponent of b + z.</param>
/// <param name="BaseQuality">b &gt; 0, quality of the base model.</param>
public sealed record CesTechnology(double Share, double Substitution, double Degree, double Gamma, double BaseQuality = 1.0) : Technology
{
    /// <inheritdoc/>
    public override string Name => "Ces";

    internal override TechnologyCore Core(double inputCost, double outputCost, double fineTuningCost) =>
        CobbDouglasCore.Ces(Share, Substitution, Degree, Gamma, BaseQuality, inputCost, outputCost, fineTuningCost);
}

/// <summary>One named class of tokens of a <see cref="TokenClassTechnology"/>.</summary>
/// <param name="Name">The class name, e.g. "cached_input"; price sheets key on it.</param>
/// <param name="Exponent">α_j &gt; 0, the exponent of this class's tokens.</param>
/// <param name="Cost">The seller's cost per token of this class.</param>
public sealed record TokenClass(string Name, double Exponent, double Cost);

/// <summary>
/// Cobb-Douglas over J ≥ 2 named token classes, v = Π x_j^(α_j) (b + z)^γ, Σ α_j + γ &lt; 1: every closed form of
/// Cobb-Douglas with κ = Σ α_j and A0 = Π (α_j/c_j)^(α_j); class j receives the share α_j of the gross value, x_j =
/// φ α_j q / c_j. Results report the classes named "input" and "output" (else the first two declared) as <c>Input</c> and <c>Output</c>;
/// <see cref="ModelDescription.ClassTokens(double, double)"/> and <see cref="ModelDescription.ClassPrices"/> give every class.
/// The class costs are the model's token costs; the fine-tuning cost is <see cref="ModelDescription.FineTuningCost"/>.
/// </summary>
/// <param name="Classes">The token classes, in the order price sheets list them.</param>
/// <param name="Gamma">γ, the exponent of b + z.</param>
/// <param name="BaseQuality">b &gt; 0, quality of the base model.</param>
public sealed record TokenClassTechnology(IReadOnlyList<TokenClass> Classes, double Gamma, double BaseQuality = 1.0) : Technology
{
    /// <inheritdoc/>
    public override string Name => "TokenClasses";

    internal override TechnologyCore Core(double inputCost, double outputCost, double fineTuningCost)
    {
        var core = CobbDouglasCore.TokenClasses([.. Classes.Select(c => c.Name)], [.. Classes.Select(c => c.Exponent)], [.. Classes.Select(c => c.Cost)],
            Gamma, BaseQuality, fineTuningCost);
        // The input and output costs a description carries are the input and output classes' (one model, one set of costs).
        if (inputCost != core.InputCost || outputCost != core.OutputCost)
            throw new ArgumentException($"A token-class technology's costs are its classes': input {core.InputCost} and output {core.OutputCost}, not {inputCost} and {outputCost}.");
        return core;
    }

    /// <summary>Equal when the classes are equal in order, and γ and b are equal.</summary>
    public bool Equals(TokenClassTechnology? other) =>
        other is not null && Classes.SequenceEqual(other.Classes) && Gamma.Equals(other.Gamma) && BaseQuality.Equals(other.BaseQuality);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in Classes) hash.Add(c);
        hash.Add(Gamma);
        hash.Add(BaseQuality);
        return hash.ToHashCode();
    }

    /// <summary>Lists the classes rather than the list's type name.</summary>
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Classes = [{string.Join(", ", Classes)}], Gamma = {Gamma}, BaseQuality = {BaseQuality}");
        return true;
    }
}

/// <summary>
/// A user-written per-task value v(x, y, z), solved numerically. It must be increasing, strictly concave with
/// decreasing returns, and v(0, y, z) = v(x, 0, z) = 0 (model.md §1); <see cref="MenuAudit"/> checks the menus it
/// produces. Derivatives are taken by central differences where not given.
/// </summary>
public sealed record CustomTechnology : Technology
{
    /// <summary>A custom technology; <paramref name="gradient"/> and <paramref name="hessian"/> are optional.</summary>
    /// <param name="value">v(x, y, z).</param>
    /// <param name="gradient">(∂v/∂x, ∂v/∂y, ∂v/∂z), or null for central differences.</param>
    /// <param name="hessian">The second derivatives, or null for central differences of the gradient.</param>
    /// <param name="formula">How v reads, for reports (e.g. the source text of a <c>[ProductionFunction]</c>).</param>
    public CustomTechnology(Func<double, double, double, double> value, Func<double, double, double, ProductionGradient>? gradient = null,
        Func<double, double, double, ProductionHessian>? hessian = null, string? formula = null)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
        Gradient = gradient;
        Hessian = hessian;
        Formula = formula ?? "custom v(x, y, z)";
    }

    /// <summary>v(x, y, z).</summary>
    public Func<double, double, double, double> Value { get; }

    /// <summary>The gradient of v, or null (central differences).</summary>
    public Func<double, double, double, ProductionGradient>? Gradient { get; }

    /// <summary>The Hessian of v, or null (central differences of the gradient).</summary>
    public Func<double, double, double, ProductionHessian>? Hessian { get; }

    /// <summary>How v reads, for reports.</summary>
    public string Formula { get; }

    /// <inheritdoc/>
    public override string Name => "Custom";

    internal override TechnologyCore Core(double inputCost, double outputCost, double fineTuningCost) =>
        new CustomCore(new Derivatives(this), inputCost, outputCost, fineTuningCost);

    // The user's delegates where given, central differences elsewhere; any NaN they return is refused by the solver.
    private sealed class Derivatives(CustomTechnology technology) : IProductionFunction
    {
        private readonly FiniteDifferences differences = new(technology.Value, technology.Gradient is { } g ? (x, y, z) =>
        {
            var d = g(x, y, z);
            return (d.X, d.Y, d.Z);
        } : null);

        public double Value(double x, double y, double z) => technology.Value(x, y, z);

        public double GradientAccuracy => differences.GradientAccuracy;

        public (double X, double Y, double Z) Gradient(double x, double y, double z) => differences.Gradient(x, y, z);

        public (double XX, double XY, double XZ, double YY, double YZ, double ZZ) Hessian(double x, double y, double z)
        {
            if (technology.Hessian is null) return differences.Hessian(x, y, z);
            var h = technology.Hessian(x, y, z);
            return (h.XX, h.XY, h.XZ, h.YY, h.YZ, h.ZZ);
        }
    }
}

/// <summary>The gradient (∂v/∂x, ∂v/∂y, ∂v/∂z) of a production function.</summary>
public readonly record struct ProductionGradient(double X, double Y, double Z);

/// <summary>The second derivatives of a production function (the Hessian is symmetric).</summary>
public readonly record struct ProductionHessian(double XX, double XY, double XZ, double YY, double YZ, double ZZ);

/// <summary>A class of tokens and the seller's cost per token of it.</summary>
/// <param name="Name">The class name, e.g. "input", "cached_input", "output".</param>
/// <param name="Cost">The seller's cost per token.</param>
public readonly record struct TokenCost(string Name, double Cost);
