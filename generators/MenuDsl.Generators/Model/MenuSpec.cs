using MenuDsl.Kernel;

namespace MenuDsl.Generators.Model;

/// <summary>
/// What a <c>[PricingModel]</c> class declares, as plain data: the first stage of the pipeline. No symbols, syntax
/// or locations, so an edit elsewhere leaves it equal and the later stages cached.
/// </summary>
internal sealed record MenuSpec(
    TypeShape Type,
    double Alpha,
    double Beta,
    double Gamma,
    double BaseQuality,
    double InputCost,
    double OutputCost,
    double FineTuningCost,
    EquatableArray<DistributionSpec> Values,
    EquatableArray<DistributionSpec> Scales);

/// <summary>Where the generated partial goes: namespace, enclosing types, name and the hint name of the file.</summary>
/// <param name="Namespace">The namespace, empty for the global one.</param>
/// <param name="ContainingTypes">Declarations of the enclosing types, outermost first, e.g. "partial class Outer".</param>
/// <param name="Name">The model class's name.</param>
/// <param name="HintName">A file name unique in the compilation, from the full metadata name.</param>
internal sealed record TypeShape(string Namespace, EquatableArray<string> ContainingTypes, string Name, string HintName);

/// <summary>One declared distribution attribute: family, parameters and mixture weight.</summary>
internal sealed record DistributionSpec(Family Family, EquatableArray<double> Parameters, double Weight);
