using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MenuDsl.CodeFixes;

/// <summary>
/// MENU003 when α + β + γ ≥ 1: scales the three exponents to sum to <see cref="TargetSum"/>, keeping their ratios
/// (so the input/output/fine-tuning spend shares keep their proportions).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RescaleExponentsCodeFix)), Shared]
public sealed class RescaleExponentsCodeFix : CodeFixProvider
{
    public const double TargetSum = 0.9;

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("MENU003");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey("Rescale")) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan) is not AttributeSyntax { ArgumentList: { } list } attribute
                || list.Arguments.Count < 3)
                continue;
            var exponents = new double[3];
            double sum = 0;
            for (int i = 0; i < 3; i++)
            {
                if (model.GetConstantValue(list.Arguments[i].Expression, context.CancellationToken).Value is not { } value) return;
                exponents[i] = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
                sum += exponents[i];
            }
            context.RegisterCodeFix(
                CodeAction.Create($"Rescale the exponents to sum to {TargetSum.ToString(CultureInfo.InvariantCulture)} (keeping their ratios)", _ =>
                {
                    var updated = list;
                    for (int i = 0; i < 3; i++)
                    {
                        double scaled = exponents[i] * TargetSum / sum;
                        // Six significant digits keep the literal readable; the sum stays well below 1.
                        string text = scaled.ToString("G6", CultureInfo.InvariantCulture);
                        if (double.Parse(text, CultureInfo.InvariantCulture) <= 0) text = scaled.ToString("R", CultureInfo.InvariantCulture);
                        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression,
                            SyntaxFactory.Literal(text, double.Parse(text, CultureInfo.InvariantCulture)));
                        var argument = updated.Arguments[i];
                        updated = updated.ReplaceNode(argument, argument.WithExpression(literal.WithTriviaFrom(argument.Expression)));
                    }
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(list, updated)));
                }, equivalenceKey: "MENU003.Rescale"),
                diagnostic);
        }
    }
}
