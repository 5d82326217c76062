using System;
using System.Collections.Immutable;
using MenuDsl.Shared.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MenuDsl.Analyzers;

/// <summary>
/// MENU017: a <c>[ProductionFunction]</c> body the generator cannot read (it then emits nothing, so this is what the
/// user sees). MENU018–MENU020: a readable v that is not increasing, not concave, or not complementary where the
/// declared types buy (model.md §1), sampled with the exact derivatives the generated solver uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProductionFunctionAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] TokenKinds = ["x (input tokens)", "y (output tokens)", "z (fine-tuning tokens)"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.UnreadableProductionFunction, Descriptors.NotIncreasing, Descriptors.NotConcave, Descriptors.NotComplements);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ModelSymbols.TryCreate(start.Compilation) is not { } symbols) return;
            CustomFunction.Register(start, symbols, (function, node) => Analyze(function, node.ReportDiagnostic, node.CancellationToken));
        });
    }

    private static void Analyze(CustomFunction function, Action<Diagnostic> report, System.Threading.CancellationToken ct)
    {
        if (function.HasWrongShape) return; // MENU002
        if (!function.Reading.IsReadable)
        {
            report(Diagnostic.Create(Descriptors.UnreadableProductionFunction, function.Reading.Location,
                function.Symbol.Name, function.Reading.Reason, function.Model.Type.Name));
            return;
        }

        var v = new ExpressionFunction(function.Reading.Expression);
        // The declared types locate the region only when the model is otherwise well formed; else the fixed grid.
        EconomicModel? economy;
        try { economy = function.Model.CustomTechnology is not null ? EconomicModel.TryCreate(function.Model) : null; }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException) { economy = null; }
        var region = SampleRegion.Around(v, economy, ct);
        var shape = TechnologyShape.Sample(v, region, ct);

        string name = function.Symbol.Name;
        var location = function.BodyLocation;
        for (int i = 0; i < 3; i++)
            if (shape.NotIncreasing[i] is { } flat)
                report(Diagnostic.Create(Descriptors.NotIncreasing, location, name, TokenKinds[i], TechnologyShape.InputNames[i],
                    flat.Evidence, flat.Point, region.Description));
        if (shape.NotConcave is { } convex)
            report(Diagnostic.Create(Descriptors.NotConcave, location, name, convex.Point, region.Description, convex.Evidence));
        for (int p = 0; p < TechnologyShape.Pairs.Length; p++)
            if (shape.Substitutes[p] is { } substitutes)
            {
                var (i, j) = TechnologyShape.Pairs[p];
                report(Diagnostic.Create(Descriptors.NotComplements, location, name,
                    $"v_{TechnologyShape.InputNames[i]}{TechnologyShape.InputNames[j]}", substitutes.Evidence, substitutes.Point,
                    region.Description, $"{TechnologyShape.InputNames[i]} and {TechnologyShape.InputNames[j]}"));
            }
    }
}
