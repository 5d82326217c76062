using Microsoft.CodeAnalysis;

namespace MenuDsl.Generators;

/// <summary>
/// Completes each <c>[PricingModel] partial class</c> with a solver specialised to its declared parameters.
/// Pipeline: attribute → <see cref="Model.MenuSpec"/> (parse) → <see cref="Model.ModelPlan"/> (plan) → source (emit).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class PricingModelGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class Steps
    {
        /// <summary>The parsed specification.</summary>
        public const string Spec = nameof(Spec);
        /// <summary>The plan with folded constants.</summary>
        public const string Plan = nameof(Plan);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var plans = context.SyntaxProvider
            .ForAttributeWithMetadataName(Parser.PricingModelAttribute, Parser.IsCandidate, Parser.Parse)
            .Where(static spec => spec is not null)
            .WithTrackingName(Steps.Spec)
            .Select(static (spec, _) => Planner.Plan(spec!))
            .Where(static plan => plan is not null)
            .WithTrackingName(Steps.Plan);

        context.RegisterSourceOutput(plans, static (output, plan) => output.AddSource(plan!.Spec.Type.HintName, Emitter.Emit(plan)));
    }
}
