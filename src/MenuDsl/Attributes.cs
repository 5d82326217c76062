using System;

namespace MenuDsl;

/// <summary>
/// Marks a <c>partial class</c> as a pricing model. The source generator completes it with a solver specialised
/// to the production function, token costs and type distributions declared by the other attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PricingModelAttribute : Attribute;

/// <summary>The Cobb-Douglas production function v = x^α y^β (b + z)^γ, with α, β, γ &gt; 0 and α + β + γ &lt; 1.</summary>
/// <param name="alpha">α, the exponent of input tokens x.</param>
/// <param name="beta">β, the exponent of output tokens y.</param>
/// <param name="gamma">γ, the exponent of base quality plus fine-tuning tokens b + z.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CobbDouglasAttribute(double alpha, double beta, double gamma) : Attribute
{
    /// <summary>α.</summary>
    public double Alpha { get; } = alpha;
    /// <summary>β.</summary>
    public double Beta { get; } = beta;
    /// <summary>γ.</summary>
    public double Gamma { get; } = gamma;
    /// <summary>b &gt; 0, the quality of the base model without fine-tuning (default 1).</summary>
    public double BaseQuality { get; set; } = 1.0;
}

/// <summary>
/// The CES production function v = (share·x^r + (1 − share)·y^r)^(degree/r) (b + z)^γ, r = substitution: 0 &lt; share &lt; 1,
/// r &lt; 1, r ≠ 0, degree &gt; 0, γ &gt; 0, degree + γ &lt; 1. Elasticity of substitution 1/(1 − r) between input and output
/// tokens; Cobb-Douglas (α = share·degree, β = (1 − share)·degree) is the limit r → 0. See <see cref="CesTechnology"/>.
/// </summary>
/// <param name="share">The weight of input tokens, in (0, 1).</param>
/// <param name="substitution">r &lt; 1, r ≠ 0.</param>
/// <param name="degree">The degree of homogeneity of the token aggregate.</param>
/// <param name="gamma">γ, the exponent of b + z.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CesAttribute(double share, double substitution, double degree, double gamma) : Attribute
{
    /// <summary>The weight of input tokens.</summary>
    public double Share { get; } = share;
    /// <summary>r.</summary>
    public double Substitution { get; } = substitution;
    /// <summary>The degree of homogeneity of the token aggregate.</summary>
    public double Degree { get; } = degree;
    /// <summary>γ.</summary>
    public double Gamma { get; } = gamma;
    /// <summary>b &gt; 0, the quality of the base model without fine-tuning (default 1).</summary>
    public double BaseQuality { get; set; } = 1.0;
}

/// <summary>
/// Marks a <c>static double F(double x, double y, double z)</c> method of the model, expression-bodied, as a
/// custom per-task value v(x, y, z). Replaces <see cref="CobbDouglasAttribute"/>. The body may use literals, the parameters,
/// + − * /, parentheses, <c>Math.Pow</c>, <c>Math.Exp</c>, <c>Math.Log</c>, <c>Math.Sqrt</c> and <c>const</c> values; the generator
/// differentiates it at build time and emits a numeric solver on the exact derivatives.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ProductionFunctionAttribute : Attribute;

/// <summary>The seller's cost per input, output and fine-tuning token; all finite and &gt; 0.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TokenCostsAttribute(double input, double output, double fineTuning) : Attribute
{
    /// <summary>c_x, cost per input token.</summary>
    public double Input { get; } = input;
    /// <summary>c_y, cost per output token.</summary>
    public double Output { get; } = output;
    /// <summary>c_z, cost per fine-tuning token.</summary>
    public double FineTuning { get; } = fineTuning;
}

/// <summary>
/// The distribution F_w of the value w a buyer puts on a task. Several attributes form a mixture weighted by
/// <see cref="Weight"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ValueDistributionAttribute(Distribution kind, params double[] parameters) : Attribute
{
    /// <summary>The family.</summary>
    public Distribution Kind { get; } = kind;
    /// <summary>The family's parameters, in the order <see cref="Distribution"/> documents.</summary>
    public double[] Parameters { get; } = parameters;
    /// <summary>Mixture weight (default 1; must be &gt; 0).</summary>
    public double Weight { get; set; } = 1.0;
}

/// <summary>
/// The distribution F_s of a buyer's scale s, the share of tasks she runs (support inside [0, 1]), independent
/// of w. Omitted: every buyer has s = 1. Several attributes form a mixture weighted by <see cref="Weight"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class ScaleDistributionAttribute(Distribution kind, params double[] parameters) : Attribute
{
    /// <summary>The family.</summary>
    public Distribution Kind { get; } = kind;
    /// <summary>The family's parameters, in the order <see cref="Distribution"/> documents.</summary>
    public double[] Parameters { get; } = parameters;
    /// <summary>Mixture weight (default 1; must be &gt; 0).</summary>
    public double Weight { get; set; } = 1.0;
}

/// <summary>
/// One buyer type of the binary (two-type) environment; a model declares exactly two. Either a value-scale
/// profile (<see cref="Value"/>, <see cref="Scale"/>) or per-segment <see cref="TaskValues"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class TypeProfileAttribute(double probability) : Attribute
{
    /// <summary>Probability of this type.</summary>
    public double Probability { get; } = probability;
    /// <summary>Value per task w of a value-scale profile.</summary>
    public double Value { get; set; }
    /// <summary>Scale s of a value-scale profile (default 1).</summary>
    public double Scale { get; set; } = 1.0;
    /// <summary>Values on equal-width task segments, e.g. <c>new[] { 2.0, 0.6 }</c>.</summary>
    public double[]? TaskValues { get; set; }
}

/// <summary>
/// One named class of tokens of a Cobb-Douglas technology over J classes, v = Π x_j^(α_j) (b + z)^γ (e.g. input,
/// cached input, output, reasoning). Declare at least two: the classes named "input" and "output" (ignoring case) are what
/// <c>Input</c> and <c>Output</c> of the results report (else the first two declared). Replaces <see cref="CobbDouglasAttribute"/> and
/// <see cref="TokenCostsAttribute"/>; fine-tuning comes from <see cref="FineTuningAttribute"/>. See <see cref="TokenClassTechnology"/>.
/// </summary>
/// <param name="name">The class name, e.g. <c>"cached_input"</c>; unique in the model.</param>
/// <param name="exponent">α_j &gt; 0; Σ α_j + γ &lt; 1.</param>
/// <param name="cost">The seller's cost per token of this class, finite and &gt; 0.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class TokenClassAttribute(string name, double exponent, double cost) : Attribute
{
    /// <summary>The class name.</summary>
    public string Name { get; } = name;
    /// <summary>α_j.</summary>
    public double Exponent { get; } = exponent;
    /// <summary>Cost per token.</summary>
    public double Cost { get; } = cost;
}

/// <summary>The fine-tuning factor (b + z)^γ of a token-class technology (<see cref="TokenClassAttribute"/>) and its cost per token.</summary>
/// <param name="gamma">γ &gt; 0, the exponent of b + z.</param>
/// <param name="cost">c_z, the cost per fine-tuning token, finite and &gt; 0.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FineTuningAttribute(double gamma, double cost) : Attribute
{
    /// <summary>γ.</summary>
    public double Gamma { get; } = gamma;
    /// <summary>c_z.</summary>
    public double Cost { get; } = cost;
    /// <summary>b &gt; 0, the quality of the base model without fine-tuning (default 1).</summary>
    public double BaseQuality { get; set; } = 1.0;
}
