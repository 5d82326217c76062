using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MenuDsl.CodeFixes;

/// <summary>MENU001: adds the <c>partial</c> modifier to the declaration the diagnostic sits on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("MENU001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not TypeDeclarationSyntax declaration) return;
        context.RegisterCodeFix(
            CodeAction.Create("Add 'partial'", _ =>
            {
                var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
                // 'partial' comes last among the modifiers; with none it takes over the keyword's leading trivia.
                var updated = declaration.Modifiers.Count == 0
                    ? declaration.WithoutLeadingTrivia()
                        .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(declaration.GetLeadingTrivia())))
                    : declaration.WithModifiers(declaration.Modifiers.Add(partial));
                return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
            }, equivalenceKey: "MENU001"),
            context.Diagnostics);
    }
}
