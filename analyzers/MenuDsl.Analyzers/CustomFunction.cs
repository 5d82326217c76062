using System;
using MenuDsl.Shared.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MenuDsl.Analyzers;

/// <summary>
/// A <c>[ProductionFunction]</c> method of a pricing model, read by the generator's own <see cref="ExpressionReader"/>,
/// so that a function is reported exactly when the generator cannot use it. Read per method declaration: the reader
/// needs the method's semantic model, which a symbol action does not have.
/// </summary>
internal sealed class CustomFunction
{
    private CustomFunction(ModelDeclaration model, IMethodSymbol symbol, MethodDeclarationSyntax method, ReadResult reading)
    {
        Model = model;
        Symbol = symbol;
        Method = method;
        Reading = reading;
    }

    public ModelDeclaration Model { get; }
    public IMethodSymbol Symbol { get; }
    public MethodDeclarationSyntax Method { get; }
    public ReadResult Reading { get; }

    /// <summary>
    /// The reader stopped at the declaration (not static, not double, wrong parameters, a block body), not inside the
    /// body: the method is not a production function at all (MENU002), rather than one written with unsupported syntax (MENU017).
    /// </summary>
    public bool HasWrongShape =>
        !Reading.IsReadable && !(Method.ExpressionBody is { } body && body.Expression.Span.Contains(Reading.Offending.Span));

    /// <summary>Where findings about v itself are reported: the expression after '=>'.</summary>
    public Location BodyLocation => Method.ExpressionBody?.Expression.GetLocation() ?? Method.Identifier.GetLocation();

    /// <summary>Runs <paramref name="analyze"/> on every <c>[ProductionFunction]</c> method of a <c>[PricingModel]</c> type.</summary>
    public static void Register(CompilationStartAnalysisContext start, ModelSymbols symbols, Action<CustomFunction, SyntaxNodeAnalysisContext> analyze)
    {
        if (symbols.ProductionFunction is not { } attribute) return;
        start.RegisterSyntaxNodeAction(context =>
        {
            var method = (MethodDeclarationSyntax)context.Node;
            if (method.AttributeLists.Count == 0) return; // the cheap filter: most methods carry no attribute
            var ct = context.CancellationToken;
            if (context.SemanticModel.GetDeclaredSymbol(method, ct) is not { ContainingType: { } type } symbol) return;
            bool marked = false;
            foreach (var data in symbol.GetAttributes())
                marked |= SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute);
            if (!marked || ModelDeclaration.Read(type, symbols) is not { } model) return;
            analyze(new CustomFunction(model, symbol, method, ExpressionReader.Read(method, context.SemanticModel, ct)), context);
        }, SyntaxKind.MethodDeclaration);
    }
}
