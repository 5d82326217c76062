using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MenuDsl.Shared.Expressions;

/// <summary>
/// The body read as an <see cref="Expr"/>, or the smallest node (or token) that cannot be read and why. Holds syntax:
/// the generator keeps only <see cref="Expression"/>, the analyzers report at <see cref="Location"/>.
/// </summary>
internal sealed class ReadResult
{
    private ReadResult(Expr? expression, SyntaxNodeOrToken offending, string reason)
    {
        Expression = expression;
        Offending = offending;
        Reason = reason;
    }

    public Expr? Expression { get; }

    /// <summary>What the user must change; default when readable.</summary>
    public SyntaxNodeOrToken Offending { get; }

    /// <summary>Why <see cref="Offending"/> cannot be read, for the diagnostic message; empty when readable.</summary>
    public string Reason { get; }

    [MemberNotNullWhen(true, nameof(Expression))]
    public bool IsReadable => Expression is not null;

    public Location Location => Offending.GetLocation() ?? Location.None;

    public static ReadResult Readable(Expr expression) => new(expression, default, "");

    public static ReadResult Unreadable(SyntaxNodeOrToken offending, string reason) => new(null, offending, reason);
}

/// <summary>
/// Reads a <c>[ProductionFunction]</c> method into an <see cref="Expr"/>: literals and constants, the three parameters,
/// + - * /, unary minus and plus, and <c>System.Math.Pow/Exp/Log/Sqrt</c>. One reader for the generator and the
/// analyzers, so that a function is generated exactly when no diagnostic says it cannot be.
/// </summary>
internal static class ExpressionReader
{
    /// <summary>Deeper bodies are refused: the tree is walked recursively here and in every later stage.</summary>
    public const int MaxDepth = 200;

    private const string Supported =
        "use + - * /, Math.Pow, Math.Exp, Math.Log, Math.Sqrt, literals, the parameters and const fields";

    /// <summary>Never throws, except <see cref="OperationCanceledException"/> when cancelled.</summary>
    public static ReadResult Read(MethodDeclarationSyntax method, SemanticModel model, CancellationToken ct)
    {
        if (model.GetDeclaredSymbol(method, ct) is not { } symbol)
            return ReadResult.Unreadable(method.Identifier, "the method does not compile");
        if (!symbol.IsStatic)
            return ReadResult.Unreadable(method.Identifier, "a production function must be static");
        if (symbol.ReturnType.SpecialType != SpecialType.System_Double || symbol.ReturnsByRef || symbol.ReturnsByRefReadonly)
            return ReadResult.Unreadable(method.ReturnType, "a production function must return double");
        if (symbol.Parameters.Length != 3 || method.ParameterList.Parameters.Count != 3)
            return ReadResult.Unreadable(method.ParameterList, "a production function takes exactly three parameters: (double x, double y, double z)");
        foreach (var parameter in symbol.Parameters)
            if (parameter.Type.SpecialType != SpecialType.System_Double || parameter.RefKind != RefKind.None)
                return ReadResult.Unreadable(method.ParameterList.Parameters[parameter.Ordinal], "each parameter must be a plain double (not ref, in or out)");
        if (method.ExpressionBody is not { } body)
            return ReadResult.Unreadable(method.Identifier, "a production function must be expression-bodied: '=> expression', not a block");
        return new Reader(symbol, model, ct).Read(body.Expression, 0);
    }

    private sealed class Reader(IMethodSymbol method, SemanticModel model, CancellationToken ct)
    {
        public ReadResult Read(ExpressionSyntax node, int depth)
        {
            ct.ThrowIfCancellationRequested();
            if (depth > MaxDepth)
                return ReadResult.Unreadable(node, $"the expression is too deeply nested (more than {MaxDepth} levels)");

            // Whatever the compiler folds is one number, whether a literal, a const field or 1.0 / 3.
            var constant = model.GetConstantValue(node, ct);
            if (constant.HasValue)
                return ToDouble(constant.Value) is { } value
                    ? ReadResult.Readable(new Constant(value))
                    : ReadResult.Unreadable(node, $"'{node}' is not a number");

            return node switch
            {
                ParenthesizedExpressionSyntax p => Read(p.Expression, depth + 1),
                PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryPlusExpression) => Read(u.Operand, depth + 1),
                PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression) =>
                    Then(Read(u.Operand, depth + 1), operand => new Negate(operand)),
                BinaryExpressionSyntax b => Binary(b, depth),
                IdentifierNameSyntax identifier => Identifier(identifier),
                InvocationExpressionSyntax call => Call(call, depth),
                // (double)e is e when e is already a double; any other cast changes the value.
                CastExpressionSyntax cast when IsDouble(cast) && IsDouble(cast.Expression) => Read(cast.Expression, depth + 1),
                _ => ReadResult.Unreadable(node, $"{Describe(node)} is not supported: {Supported}"),
            };
        }

        private ReadResult Binary(BinaryExpressionSyntax node, int depth)
        {
            Func<Expr, Expr, Expr>? make = node.Kind() switch
            {
                SyntaxKind.AddExpression => (l, r) => new Add(l, r),
                SyntaxKind.SubtractExpression => (l, r) => new Subtract(l, r),
                SyntaxKind.MultiplyExpression => (l, r) => new Multiply(l, r),
                SyntaxKind.DivideExpression => (l, r) => new Divide(l, r),
                _ => null,
            };
            if (make is null)
                return ReadResult.Unreadable(node, $"the operator '{node.OperatorToken.Text}' is not supported: {Supported}");
            var left = Read(node.Left, depth + 1);
            return left.IsReadable ? Then(Read(node.Right, depth + 1), right => make(left.Expression, right)) : left;
        }

        private ReadResult Identifier(IdentifierNameSyntax node) =>
            model.GetSymbolInfo(node, ct).Symbol is IParameterSymbol parameter
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, method)
                ? ReadResult.Readable(new Variable(parameter.Ordinal))
                : ReadResult.Unreadable(node, $"'{node}' is neither a parameter nor a constant: make it const, or {Supported}");

        private ReadResult Call(InvocationExpressionSyntax node, int depth)
        {
            var callee = model.GetSymbolInfo(node, ct).Symbol as IMethodSymbol;
            int arity = callee is null || !IsSystemMath(callee.ContainingType) ? -1 : callee.Name switch
            {
                "Pow" => 2,
                "Exp" or "Log" or "Sqrt" => 1,
                _ => -1,
            };
            if (callee is null || arity != callee.Parameters.Length || node.ArgumentList.Arguments.Count != arity
                || !callee.Parameters.All(p => p.Type.SpecialType == SpecialType.System_Double))
                return ReadResult.Unreadable(node, $"the call '{node.Expression}' is not supported: {Supported}");

            // Arguments by parameter, so that Math.Pow(y: 2, x: b) reads as b².
            var arguments = new Expr[arity];
            for (int i = 0; i < arity; i++)
            {
                var argument = node.ArgumentList.Arguments[i];
                int slot = argument.NameColon is { } name ? ParameterIndex(callee, name.Name.Identifier.ValueText) : i;
                if (slot < 0 || arguments[slot] is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None))
                    return ReadResult.Unreadable(argument, $"the argument '{argument}' does not bind to Math.{callee.Name}");
                var read = Read(argument.Expression, depth + 1);
                if (!read.IsReadable) return read;
                arguments[slot] = read.Expression;
            }
            return ReadResult.Readable(callee.Name switch
            {
                "Pow" => new Power(arguments[0], arguments[1]),
                "Exp" => new Exp(arguments[0]),
                "Log" => new Log(arguments[0]),
                _ => new Sqrt(arguments[0]),
            });
        }

        private bool IsDouble(ExpressionSyntax node) =>
            model.GetTypeInfo(node, ct).Type?.SpecialType == SpecialType.System_Double;
    }

    private static ReadResult Then(ReadResult operand, Func<Expr, Expr> make) =>
        operand.IsReadable ? ReadResult.Readable(make(operand.Expression)) : operand;

    private static bool IsSystemMath(INamedTypeSymbol? type) =>
        type is { Name: "Math", Arity: 0, ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    // The numeric types convert to double as C# converts them implicitly; char, bool, string and decimal do not.
    private static double? ToDouble(object? value) => value switch
    {
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        uint u => u,
        ulong u => u,
        short s => s,
        ushort u => u,
        byte b => b,
        sbyte s => s,
        _ => null,
    };

    private static string Describe(ExpressionSyntax node) => node switch
    {
        ConditionalExpressionSyntax => "the conditional '?:'",
        CastExpressionSyntax cast => $"the cast to '{cast.Type}'",
        MemberAccessExpressionSyntax => $"the member '{node}'",
        _ => $"'{node}'",
    };

    private static int ParameterIndex(IMethodSymbol method, string name)
    {
        for (int i = 0; i < method.Parameters.Length; i++)
            if (method.Parameters[i].Name == name) return i;
        return -1;
    }
}
