using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MenuDsl.Generators.Model;
using MenuDsl.Kernel;
using MenuDsl.Shared;
using MenuDsl.Shared.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MenuDsl.Generators;

/// <summary>
/// Reads a <c>[PricingModel]</c> class's attributes into a <see cref="MenuSpec"/>. Returns null for anything the
/// generator cannot complete (not partial, a missing or invalid parameter, or a <see cref="GeneratorGap"/>): the
/// analyzers report those, and emitting nothing keeps their diagnostic the one the user sees.
/// </summary>
internal static class Parser
{
    public const string PricingModelAttribute = "MenuDsl.PricingModelAttribute";
    private const string CobbDouglasAttribute = "MenuDsl.CobbDouglasAttribute";
    private const string CesAttribute = "MenuDsl.CesAttribute";
    private const string ProductionFunctionAttribute = "MenuDsl.ProductionFunctionAttribute";
    private const string TokenCostsAttribute = "MenuDsl.TokenCostsAttribute";
    private const string TokenClassAttribute = "MenuDsl.TokenClassAttribute";
    private const string FineTuningAttribute = "MenuDsl.FineTuningAttribute";
    private const string ValueDistributionAttribute = "MenuDsl.ValueDistributionAttribute";
    private const string ScaleDistributionAttribute = "MenuDsl.ScaleDistributionAttribute";
    private const string TypeProfileAttribute = "MenuDsl.TypeProfileAttribute";

    /// <summary>
    /// Cheap syntactic filter: a type declared partial, in enclosing types that are partial too. Records and structs
    /// pass, so that <see cref="GeneratorScope"/> alone decides which kinds of type are completed.
    /// </summary>
    public static bool IsCandidate(SyntaxNode node, CancellationToken _) =>
        node is TypeDeclarationSyntax declaration && IsPartialChain(declaration);

    private static bool IsPartialChain(TypeDeclarationSyntax declaration)
    {
        for (SyntaxNode? node = declaration; node is TypeDeclarationSyntax type; node = node.Parent)
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword)) return false;
        return true;
    }

    public static MenuSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || GeneratorScope.Of(type) != GeneratorGap.None)
            return null; // the analyzers report the gap (MENU014)

        TechnologySpec? technology = null;
        double[]? costs = null;
        var values = new List<DistributionSpec>();
        var scales = new List<DistributionSpec>();
        var profiles = new List<DeclaredProfile>();
        var classes = new List<TokenClassSpec>();
        double[]? fineTuning = null;
        double fineTuningBase = 1;
        foreach (var attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.AttributeClass is not { } attributeClass || attributeClass.TypeKind == TypeKind.Error) continue;
            switch (attributeClass.ToDisplayString())
            {
                case CobbDouglasAttribute when technology is null:
                    if (Doubles(attribute, 3) is not { } cd) return null;
                    technology = new CobbDouglasSpec(cd[0], cd[1], cd[2], Named(attribute, "BaseQuality", 1.0));
                    break;
                case CesAttribute when technology is null:
                    if (Doubles(attribute, 4) is not { } ces) return null;
                    technology = new CesSpec(ces[0], ces[1], ces[2], ces[3], Named(attribute, "BaseQuality", 1.0));
                    break;
                case TokenCostsAttribute when costs is null:
                    costs = Doubles(attribute, 3);
                    if (costs is null) return null;
                    break;
                case TokenClassAttribute when TokenClass(attribute) is { } tokenClass:
                    classes.Add(tokenClass);
                    break;
                case FineTuningAttribute when fineTuning is null:
                    fineTuning = Doubles(attribute, 2);
                    if (fineTuning is null) return null;
                    fineTuningBase = Named(attribute, "BaseQuality", 1.0);
                    break;
                case ValueDistributionAttribute when Distribution(attribute) is { } value:
                    values.Add(value);
                    break;
                case ScaleDistributionAttribute when Distribution(attribute) is { } scale:
                    scales.Add(scale);
                    break;
                case TypeProfileAttribute when BinaryEnvironment.Read(attribute) is { } profile:
                    profiles.Add(profile);
                    break;
                case CobbDouglasAttribute or CesAttribute or TokenCostsAttribute or TokenClassAttribute or FineTuningAttribute
                    or ValueDistributionAttribute or ScaleDistributionAttribute or TypeProfileAttribute:
                    return null; // duplicated or malformed
            }
        }
        if (classes.Count > 0 || fineTuning is not null)
        {
            // Token classes are the technology and carry the costs: anything else declaring either is MENU002 / MENU022.
            if (technology is not null || costs is not null || fineTuning is null || classes.Count < 2) return null;
            technology = new TokenClassesSpec(new EquatableArray<TokenClassSpec>([.. classes]), fineTuning[0], fineTuningBase);
            var (input, output) = CobbDouglasCore.Slots([.. classes.Select(c => c.Name)]);
            costs = [classes[input].Cost, classes[output].Cost, fineTuning[1]];
        }
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            if (!method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ProductionFunctionAttribute)) continue;
            // One technology only, and a body the reader understands: otherwise MENU002 or MENU017 says why.
            if (technology is not null || Custom(method, context.SemanticModel.Compilation, cancellationToken) is not { } custom) return null;
            technology = custom;
        }
        if (technology is null || costs is null) return null;
        // Either distributions of types or the binary environment's two profiles, valid as MENU021 checks them.
        if (profiles.Count == 0 ? values.Count == 0 : !BinaryEnvironment.IsValid(profiles, values.Count + scales.Count))
            return null;

        var spec = new MenuSpec(Shape(type), technology, costs[0], costs[1], costs[2],
            new EquatableArray<DistributionSpec>([.. values]), new EquatableArray<DistributionSpec>([.. scales]),
            new EquatableArray<ProfileSpec>([.. profiles.Select(ProfileSpec.From)]));
        return IsValid(spec) ? spec : null;
    }

    /// <summary>The <c>[ProductionFunction]</c> method's body as a tree; null when it cannot be read (the analyzers report it).</summary>
    private static CustomSpec? Custom(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences is not [var reference]
            || reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
            return null;
        var read = ExpressionReader.Read(declaration, compilation.GetSemanticModel(declaration.SyntaxTree), cancellationToken);
        return read.IsReadable ? new CustomSpec(Identifier(method.Name), read.Expression) : null;
    }

    /// <summary>The same checks as the runtime builder, from the shared kernel.</summary>
    private static bool IsValid(MenuSpec spec)
    {
        var error = spec.Technology switch
        {
            CobbDouglasSpec cd => CobbDouglasCore.Validate(cd.Alpha, cd.Beta, cd.Gamma, cd.BaseQuality, spec.InputCost, spec.OutputCost, spec.FineTuningCost),
            CesSpec ces => CobbDouglasCore.ValidateCes(ces.Share, ces.Substitution, ces.Degree, ces.Gamma, ces.BaseQuality, spec.InputCost, spec.OutputCost, spec.FineTuningCost),
            TokenClassesSpec classes => CobbDouglasCore.ValidateTokenClasses(classes.Names, classes.Exponents, classes.Costs, classes.Gamma, classes.BaseQuality, spec.FineTuningCost),
            _ => TechnologyCore.ValidateCosts(spec.InputCost, spec.OutputCost, spec.FineTuningCost),
        };
        if (error is not null) return false;
        foreach (var d in spec.Values.Concat(spec.Scales))
            if (Families.Validate(d.Family, d.Parameters.ToArray()) is not null || !(d.Weight > 0) || double.IsInfinity(d.Weight))
                return false;
        foreach (var d in spec.Scales)
            if (!Families.IsScaleLaw(Families.Create(d.Family, d.Parameters.ToArray()))) return false;
        return true;
    }

    private static TypeShape Shape(INamedTypeSymbol type)
    {
        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        var containing = new List<string>();
        var names = new List<string> { type.Name };
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, $"partial {Keyword(outer)} {Identifier(outer.Name)}");
            names.Insert(0, outer.Name);
        }
        string fullName = (ns.Length > 0 ? ns.Replace("@", "") + "." : "") + string.Join(".", names);
        // Hint names compare without case; the hash of the exact name keeps ChatApi and CHATAPI apart.
        string hint = $"{fullName}.{Fnv1a(fullName):x8}.g.cs";
        return new TypeShape(ns, new EquatableArray<string>([.. containing]), Identifier(type.Name), hint);
    }

    /// <summary>An identifier as source text: keywords get the verbatim prefix (<c>@class</c>).</summary>
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    // A stable hash (string.GetHashCode is randomised per process, which would break determinism).
    private static uint Fnv1a(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = unchecked((hash ^ c) * 16777619);
        return hash;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static DistributionSpec? Distribution(AttributeData attribute)
    {
        var args = attribute.ConstructorArguments;
        if (args.Length != 2 || args[0].Value is not int family || !Enum.IsDefined(typeof(Family), family)
            || args[1].Kind != TypedConstantKind.Array || args[1].IsNull)
            return null;
        var parameters = new double[args[1].Values.Length];
        for (int i = 0; i < parameters.Length; i++)
            if (AsDouble(args[1].Values[i]) is { } p) parameters[i] = p; else return null;
        return new DistributionSpec((Family)family, new EquatableArray<double>(parameters), Named(attribute, "Weight", 1.0));
    }

    private static TokenClassSpec? TokenClass(AttributeData attribute)
    {
        var args = attribute.ConstructorArguments;
        if (args.Length != 3 || args[0].Value is not string name || AsDouble(args[1]) is not { } exponent || AsDouble(args[2]) is not { } cost)
            return null;
        return new TokenClassSpec(name, exponent, cost);
    }

    private static double[]? Doubles(AttributeData attribute, int count)
    {
        var args = attribute.ConstructorArguments;
        if (args.Length != count) return null;
        var result = new double[count];
        for (int i = 0; i < count; i++)
            if (AsDouble(args[i]) is { } x) result[i] = x; else return null;
        return result;
    }

    private static double Named(AttributeData attribute, string name, double fallback)
    {
        foreach (var pair in attribute.NamedArguments)
            if (pair.Key == name) return AsDouble(pair.Value) ?? double.NaN;
        return fallback;
    }

    private static double? AsDouble(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Primitive && constant.Value is double x ? x : null;
}
