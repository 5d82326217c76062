using System;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>Entry point of the fluent builder for models whose parameters are known only at run time.</summary>
public static class PricingModel
{
    /// <summary>Starts a Cobb-Douglas model v = x^α y^β (b + z)^γ.</summary>
    /// <exception cref="ArgumentException">An exponent is not finite and &gt; 0, α + β + γ ≥ 1, or b ≤ 0.</exception>
    public static CobbDouglasBuilder CobbDouglas(double alpha, double beta, double gamma, double baseQuality = 1.0)
    {
        // Costs are checked by WithCosts; placeholders of 1 keep the technology check to the exponents here.
        if (CobbDouglasCore.Validate(alpha, beta, gamma, baseQuality, 1, 1, 1) is { } error)
            throw new ArgumentOutOfRangeException(error.Parameter, ValueOf(error.Parameter, alpha, beta, gamma, baseQuality), error.Message + ".");
        return new CobbDouglasBuilder(alpha, beta, gamma, baseQuality, null, null, null);
    }

    private static double ValueOf(string parameter, double alpha, double beta, double gamma, double baseQuality) => parameter switch
    {
        "alpha" => alpha,
        "beta" => beta,
        "baseQuality" => baseQuality,
        _ => gamma,
    };
}

/// <summary>An immutable builder: each <c>With…</c> returns a new builder.</summary>
public sealed class CobbDouglasBuilder
{
    private readonly double alpha, beta, gamma, baseQuality;
    private readonly (double Input, double Output, double FineTuning)? costs;
    private readonly TypeDistribution? values, scales;

    internal CobbDouglasBuilder(double alpha, double beta, double gamma, double baseQuality,
        (double, double, double)? costs, TypeDistribution? values, TypeDistribution? scales)
    {
        this.alpha = alpha; this.beta = beta; this.gamma = gamma; this.baseQuality = baseQuality;
        this.costs = costs; this.values = values; this.scales = scales;
    }

    /// <summary>The seller's cost per input, output and fine-tuning token (finite, &gt; 0).</summary>
    public CobbDouglasBuilder WithCosts(double input, double output, double fineTuning) =>
        new(alpha, beta, gamma, baseQuality,
            (Guard.Positive(input, nameof(input)), Guard.Positive(output, nameof(output)), Guard.Positive(fineTuning, nameof(fineTuning))),
            values, scales);

    /// <summary>The distribution F_w of values per task.</summary>
    public CobbDouglasBuilder WithValues(TypeDistribution distribution) =>
        new(alpha, beta, gamma, baseQuality, costs, distribution ?? throw new ArgumentNullException(nameof(distribution)), scales);

    /// <summary>The distribution F_w of values per task, as a family and its parameters.</summary>
    public CobbDouglasBuilder WithValues(Distribution kind, params double[] parameters) => WithValues(TypeDistribution.From(kind, parameters));

    /// <summary>The distribution F_s of scales (support inside [0, 1]). Without it every buyer has s = 1.</summary>
    public CobbDouglasBuilder WithScales(TypeDistribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return new(alpha, beta, gamma, baseQuality, costs, values, ScaleLaw(distribution, nameof(distribution)));
    }

    /// <summary>The distribution F_s of scales, as a family and its parameters.</summary>
    public CobbDouglasBuilder WithScales(Distribution kind, params double[] parameters) =>
        new(alpha, beta, gamma, baseQuality, costs, values, ScaleLaw(TypeDistribution.From(kind, parameters), nameof(parameters)));

    // Named after the caller's argument: the distribution itself, or the parameters it was built from.
    private static TypeDistribution ScaleLaw(TypeDistribution distribution, string name) =>
        Families.IsScaleLaw(distribution.Core) ? distribution : throw new ArgumentOutOfRangeException(name, distribution,
            $"A scale is a share of tasks, so its support must lie inside [0, 1]; {distribution} has support [{distribution.Support.Lower}, {distribution.Support.Upper}].");

    /// <summary>Builds the model.</summary>
    /// <exception cref="InvalidOperationException">Costs or values were not given.</exception>
    /// <exception cref="ArgumentException">No type has a positive virtual value, so nobody would be served.</exception>
    public IIndexModel Build()
    {
        if (costs is not { } c) throw new InvalidOperationException("Call WithCosts(input, output, fineTuning) before Build().");
        if (values is null) throw new InvalidOperationException("Call WithValues(...) before Build().");
        var description = new ModelDescription("CobbDouglas", alpha, beta, gamma, baseQuality, c.Input, c.Output, c.FineTuning, values, scales);
        return new CobbDouglasModel(description);
    }
}
