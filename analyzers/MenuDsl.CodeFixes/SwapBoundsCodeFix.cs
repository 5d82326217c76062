using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MenuDsl.CodeFixes;

/// <summary>MENU005 for a reversed interval (lo &gt; hi): swaps the two arguments.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapBoundsCodeFix)), Shared]
public sealed class SwapBoundsCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("MENU005");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue("SwapWith", out var offsetText)
                || !int.TryParse(offsetText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int offset))
                continue;
            // The diagnostic sits on 'lo': an attribute argument, or an element of a written array.
            var lo = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var loExpression = lo is AttributeArgumentSyntax a ? a.Expression : lo as ExpressionSyntax;
            if (loExpression is null) continue;
            ExpressionSyntax? hiExpression = loExpression.Parent switch
            {
                AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax list } argument
                    => At(list.Arguments, list.Arguments.IndexOf(argument) + offset)?.Expression,
                InitializerExpressionSyntax initializer => At(initializer.Expressions, initializer.Expressions.IndexOf(loExpression) + offset),
                _ => null,
            };
            if (hiExpression is null) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Swap 'lo' and 'hi'", _ =>
                {
                    var swapped = root.ReplaceNodes(new SyntaxNode[] { loExpression, hiExpression }, (original, _) =>
                        original == loExpression ? hiExpression.WithTriviaFrom(loExpression) : loExpression.WithTriviaFrom(hiExpression));
                    return Task.FromResult(context.Document.WithSyntaxRoot(swapped));
                }, equivalenceKey: "MENU005.Swap"),
                diagnostic);
        }
    }

    private static T? At<T>(SeparatedSyntaxList<T> list, int index) where T : SyntaxNode =>
        index >= 0 && index < list.Count ? list[index] : null;
}
