using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>Entry point of the fluent builder for models whose parameters are known only at run time.</summary>
public static class PricingModel
{
    /// <summary>Starts a Cobb-Douglas model v = x^α y^β (b + z)^γ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An exponent is not finite and &gt; 0, α + β + γ ≥ 1, or b ≤ 0.</exception>
    public static ModelBuilder<IIndexModel> CobbDouglas(double alpha, double beta, double gamma, double baseQuality = 1.0)
    {
        // Costs are checked by WithCosts; placeholders of 1 keep the technology check to its own parameters here.
        if (CobbDouglasCore.Validate(alpha, beta, gamma, baseQuality, 1, 1, 1) is { } error)
            throw new ArgumentOutOfRangeException(error.Parameter, Argument(error.Parameter, ("alpha", alpha), ("beta", beta), ("gamma", gamma), ("baseQuality", baseQuality)), error.Message + ".");
        return ModelBuilder<IIndexModel>.Start(new CobbDouglasTechnology(alpha, beta, gamma, baseQuality));
    }

    /// <summary>
    /// Starts a CES model v = (share·x^r + (1 − share)·y^r)^(degree/r) (b + z)^γ, r = <paramref name="substitution"/>
    /// (see <see cref="CesTechnology"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">share ∉ (0, 1), r ≥ 1 or r = 0, degree or γ not &gt; 0, degree + γ ≥ 1, or b ≤ 0.</exception>
    public static ModelBuilder<IIndexModel> Ces(double share, double substitution, double degree, double gamma, double baseQuality = 1.0)
    {
        if (CobbDouglasCore.ValidateCes(share, substitution, degree, gamma, baseQuality, 1, 1, 1) is { } error)
            throw new ArgumentOutOfRangeException(error.Parameter, Argument(error.Parameter, ("share", share), ("substitution", substitution), ("degree", degree),
                ("gamma", gamma), ("baseQuality", baseQuality)), error.Message + ".");
        return ModelBuilder<IIndexModel>.Start(new CesTechnology(share, substitution, degree, gamma, baseQuality));
    }

    /// <summary>
    /// Starts a Cobb-Douglas model over named token classes, v = Π x_j^(α_j) (b + z)^γ (see <see cref="TokenClassTechnology"/>).
    /// The classes carry the token costs, so the builder needs no <c>WithCosts</c>.
    /// </summary>
    /// <param name="classes">At least two classes with unique names; those named "input" and "output" are what results report as Input and Output.</param>
    /// <param name="gamma">γ &gt; 0, the exponent of b + z.</param>
    /// <param name="fineTuningCost">c_z, the cost per fine-tuning token.</param>
    /// <param name="baseQuality">b &gt; 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two classes, a name empty or repeated, an exponent or cost not finite and &gt; 0, Σ α_j + γ ≥ 1, b or c_z not finite and &gt; 0.</exception>
    public static ModelBuilder<IIndexModel> TokenClasses(IEnumerable<TokenClass> classes, double gamma, double fineTuningCost, double baseQuality = 1.0)
    {
        ArgumentNullException.ThrowIfNull(classes);
        TokenClass[] list = [.. classes];
        if (list.Any(c => c is null)) throw new ArgumentNullException(nameof(classes), "A token class is null.");
        if (CobbDouglasCore.ValidateTokenClasses([.. list.Select(c => c.Name)], [.. list.Select(c => c.Exponent)], [.. list.Select(c => c.Cost)], gamma, baseQuality, fineTuningCost) is { } error)
        {
            string parameter = error.Parameter == "fineTuning" ? nameof(fineTuningCost) : error.Parameter;
            object value = parameter switch { "gamma" => gamma, "baseQuality" => baseQuality, nameof(fineTuningCost) => fineTuningCost, _ => string.Join(", ", list.AsEnumerable()) };
            throw new ArgumentOutOfRangeException(parameter, value, error.Message + ".");
        }
        var (input, output) = CobbDouglasCore.Slots([.. list.Select(c => c.Name)]);
        return ModelBuilder<IIndexModel>.Start(new TokenClassTechnology(list, gamma, baseQuality), (list[input].Cost, list[output].Cost, fineTuningCost));
    }

    /// <summary>
    /// Starts a model on a custom per-task value v(x, y, z), solved numerically (see <see cref="CustomTechnology"/>).
    /// Without <paramref name="gradient"/> (and <paramref name="hessian"/>) derivatives are taken by central differences.
    /// </summary>
    public static ModelBuilder<IPricingModel> Custom(Func<double, double, double, double> value,
        Func<double, double, double, ProductionGradient>? gradient = null, Func<double, double, double, ProductionHessian>? hessian = null) =>
        Custom(new CustomTechnology(value ?? throw new ArgumentNullException(nameof(value)), gradient, hessian));

    /// <summary>Starts a model on a custom technology, e.g. one with a formula for reports.</summary>
    public static ModelBuilder<IPricingModel> Custom(CustomTechnology technology) =>
        ModelBuilder<IPricingModel>.Start(technology ?? throw new ArgumentNullException(nameof(technology)));

    private static double Argument(string parameter, params (string Name, double Value)[] arguments)
    {
        foreach (var (name, value) in arguments)
            if (name == parameter) return value;
        throw new ArgumentException($"No argument named '{parameter}'.", nameof(parameter));
    }
}

/// <summary>An immutable builder: each <c>With…</c> returns a new builder; <see cref="Build"/> makes the model.</summary>
/// <typeparam name="TModel"><see cref="IIndexModel"/> for Cobb-Douglas and CES, <see cref="IPricingModel"/> for custom technologies.</typeparam>
public sealed class ModelBuilder<TModel> where TModel : class, IPricingModel
{
    private readonly Technology technology;
    private readonly (double Input, double Output, double FineTuning)? costs;
    private readonly TypeDistribution? values, scales;

    private ModelBuilder(Technology technology, (double, double, double)? costs, TypeDistribution? values, TypeDistribution? scales)
    {
        this.technology = technology;
        this.costs = costs; this.values = values; this.scales = scales;
    }

    internal static ModelBuilder<TModel> Start(Technology technology, (double, double, double)? costs = null) => new(technology, costs, null, null);

    /// <summary>The seller's cost per input, output and fine-tuning token (finite, &gt; 0).</summary>
    /// <exception cref="InvalidOperationException">The technology has token classes, which carry their own costs.</exception>
    public ModelBuilder<TModel> WithCosts(double input, double output, double fineTuning)
    {
        if (technology is TokenClassTechnology)
            throw new InvalidOperationException("Token classes carry their own costs (PricingModel.TokenClasses(classes, gamma, fineTuningCost)): drop WithCosts.");
        return new(technology, (Guard.Positive(input, nameof(input)), Guard.Positive(output, nameof(output)), Guard.Positive(fineTuning, nameof(fineTuning))),
            values, scales);
    }

    /// <summary>The distribution F_w of values per task.</summary>
    public ModelBuilder<TModel> WithValues(TypeDistribution distribution) =>
        new(technology, costs, distribution ?? throw new ArgumentNullException(nameof(distribution)), scales);

    /// <summary>The distribution F_w of values per task, as a family and its parameters.</summary>
    public ModelBuilder<TModel> WithValues(Distribution kind, params double[] parameters) => WithValues(TypeDistribution.From(kind, parameters));

    /// <summary>The distribution F_s of scales (support inside [0, 1]). Without it every buyer has s = 1.</summary>
    public ModelBuilder<TModel> WithScales(TypeDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return new(technology, costs, values, ScaleLaw(distribution, nameof(distribution)));
    }

    /// <summary>The distribution F_s of scales, as a family and its parameters.</summary>
    public ModelBuilder<TModel> WithScales(Distribution kind, params double[] parameters) =>
        new(technology, costs, values, ScaleLaw(TypeDistribution.From(kind, parameters), nameof(parameters)));

    // Named after the caller's argument: the distribution itself, or the parameters it was built from.
    private static TypeDistribution ScaleLaw(TypeDistribution distribution, string name) =>
        Families.IsScaleLaw(distribution.Core) ? distribution : throw new ArgumentOutOfRangeException(name, distribution,
            $"A scale is a share of tasks, so its support must lie inside [0, 1]; {distribution} has support [{distribution.Support.Lower}, {distribution.Support.Upper}].");

    /// <summary>
    /// Builds the binary environment (model.md §7) of two buyer types instead of distributions of values and scales.
    /// The two probabilities must sum to 1.
    /// </summary>
    /// <exception cref="InvalidOperationException">Costs were not given, or value or scale distributions were (they describe a continuum of types).</exception>
    /// <exception cref="ArgumentException">The probabilities do not sum to 1.</exception>
    public IBinaryModel BuildBinary(TypeProfile first, TypeProfile second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (costs is not { } c) throw new InvalidOperationException("Call WithCosts(input, output, fineTuning) before BuildBinary(...).");
        if (values is not null || scales is not null)
            throw new InvalidOperationException("A binary model has two types, not distributions: drop WithValues/WithScales, or call Build() instead.");
        if (!(Math.Abs(first.Probability + second.Probability - 1) <= 1e-12))
            throw new ArgumentException($"The probabilities of the two types must sum to 1 but are {first.Probability} and {second.Probability}.", nameof(second));
        return new BinaryModel(technology, c.Input, c.Output, c.FineTuning, first, second);
    }

    /// <summary>Builds the model.</summary>
    /// <exception cref="InvalidOperationException">Costs or values were not given.</exception>
    /// <exception cref="ArgumentException">No type has a positive virtual value, so nobody would be served; or a constant of the technology overflows.</exception>
    public TModel Build()
    {
        if (costs is not { } c) throw new InvalidOperationException("Call WithCosts(input, output, fineTuning) before Build().");
        if (values is null) throw new InvalidOperationException("Call WithValues(...) before Build().");
        var description = new ModelDescription(technology, c.Input, c.Output, c.FineTuning, values, scales);
        IPricingModel model = description.Core switch
        {
            CobbDouglasCore index => new IndexModel(description, index),
            var numeric => new CustomModel(description, numeric),
        };
        return (TModel)model;
    }
}
