using System.Linq;
using MenuDsl.Kernel;
using MenuDsl.Shared;
using MenuDsl.Shared.Expressions;

namespace MenuDsl.Generators.Model;

/// <summary>
/// What a <c>[PricingModel]</c> class declares, as plain data: the first stage of the pipeline. No symbols, syntax
/// or locations, so an edit elsewhere leaves it equal and the later stages cached.
/// </summary>
internal sealed record MenuSpec(
    TypeShape Type,
    TechnologySpec Technology,
    double InputCost,
    double OutputCost,
    double FineTuningCost,
    EquatableArray<DistributionSpec> Values,
    EquatableArray<DistributionSpec> Scales,
    EquatableArray<ProfileSpec> Profiles);

/// <summary>Where the generated partial goes: namespace, enclosing types, name and the hint name of the file.</summary>
/// <param name="Namespace">The namespace, empty for the global one.</param>
/// <param name="ContainingTypes">Declarations of the enclosing types, outermost first, e.g. "partial class Outer".</param>
/// <param name="Name">The model class's name.</param>
/// <param name="HintName">A file name unique in the compilation, from the full metadata name.</param>
internal sealed record TypeShape(string Namespace, EquatableArray<string> ContainingTypes, string Name, string HintName);

/// <summary>One declared distribution attribute: family, parameters and mixture weight.</summary>
internal sealed record DistributionSpec(Family Family, EquatableArray<double> Parameters, double Weight);

/// <summary>
/// One <c>[TypeProfile(probability, Value = w, Scale = s)]</c> or <c>[TypeProfile(probability, TaskValues = …)]</c> of the
/// binary environment, as written: null members were not written.
/// </summary>
internal sealed record ProfileSpec(double Probability, double? Value, double? Scale, EquatableArray<double>? TaskValues)
{
    /// <summary>The shared reading, for the kernel.</summary>
    public DeclaredProfile Declared => new(Probability, Value, Scale, TaskValues?.ToArray());

    public static ProfileSpec From(DeclaredProfile profile) => new(profile.Probability, profile.Value, profile.Scale,
        profile.TaskValues is { } tasks ? new EquatableArray<double>(tasks) : null);
}

/// <summary>The declared production technology; the planner dispatches on its type.</summary>
internal abstract record TechnologySpec;

/// <summary><c>[CobbDouglas(alpha, beta, gamma, BaseQuality = b)]</c>.</summary>
internal sealed record CobbDouglasSpec(double Alpha, double Beta, double Gamma, double BaseQuality) : TechnologySpec;

/// <summary><c>[Ces(share, substitution, degree, gamma, BaseQuality = b)]</c>.</summary>
internal sealed record CesSpec(double Share, double Substitution, double Degree, double Gamma, double BaseQuality) : TechnologySpec;

/// <summary>
/// Cobb-Douglas over named token classes: the <c>[TokenClass(name, exponent, cost)]</c> attributes in declaration order
/// and <c>[FineTuning(gamma, cost, BaseQuality = b)]</c> (its cost is the spec's fine-tuning cost).
/// </summary>
internal sealed record TokenClassesSpec(EquatableArray<TokenClassSpec> Classes, double Gamma, double BaseQuality) : TechnologySpec
{
    public string[] Names => [.. Classes.Select(c => c.Name)];
    public double[] Exponents => [.. Classes.Select(c => c.Exponent)];
    public double[] Costs => [.. Classes.Select(c => c.Cost)];
}

/// <summary>One <c>[TokenClass(name, exponent, cost)]</c>.</summary>
internal sealed record TokenClassSpec(string Name, double Exponent, double Cost);

/// <summary>A <c>[ProductionFunction]</c> method: its name (the generated code calls it for v) and its body as a tree.</summary>
internal sealed record CustomSpec(string MethodName, Expr Body) : TechnologySpec;
