using System.Linq;
using Microsoft.CodeAnalysis;

namespace MenuDsl.Shared;

/// <summary>Why the generator does not complete a <c>[PricingModel]</c> type, whatever its parameters.</summary>
internal enum GeneratorGap
{
    /// <summary>The generator can complete the type.</summary>
    None,
    /// <summary>Model attributes without <c>[PricingModel]</c>: the generator looks only at marked types.</summary>
    NotMarked,
    /// <summary>A record, struct or interface: the generated half is a sealed partial class.</summary>
    NotAClass,
    /// <summary>A static or abstract class: it can have no instance.</summary>
    StaticOrAbstract,
    /// <summary>Generic, or nested in a generic type: the constants are folded for one closed type.</summary>
    Generic,
    /// <summary>The generated <c>Instance</c> needs <c>new T()</c>.</summary>
    NoParameterlessConstructor,
    /// <summary>A user member has the name of the generated nested class.</summary>
    ReservedName,
    /// <summary>A MenuDsl attribute whose arguments do not bind (wrong count or type, a syntax error).</summary>
    UnreadableArguments,
}

/// <summary>
/// The one rule deciding whether the generator can complete a <c>[PricingModel]</c> type. Linked as source into the
/// generator (its Parser emits nothing for a gap) and the analyzers (which report the gap as MENU014),
/// so the two cannot disagree about which types stay incomplete.
/// </summary>
internal static class GeneratorScope
{
    /// <summary>The nested class the generated half declares; a user member with this name would clash.</summary>
    public const string ReservedName = "MenuDslSolver";

    private const string PricingModelAttribute = "MenuDsl.PricingModelAttribute";

    /// <summary>The first gap found, the shape of the type before its attributes.</summary>
    public static GeneratorGap Of(INamedTypeSymbol type)
    {
        if (!HasAttribute(type, PricingModelAttribute)) return GeneratorGap.NotMarked;
        if (type.TypeKind != TypeKind.Class || type.IsRecord) return GeneratorGap.NotAClass;
        if (type.IsStatic || type.IsAbstract) return GeneratorGap.StaticOrAbstract;
        for (var t = type; t is not null; t = t.ContainingType)
            if (t.IsGenericType) return GeneratorGap.Generic;
        if (!type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility != Accessibility.Private))
            return GeneratorGap.NoParameterlessConstructor;
        if (!type.GetMembers(ReservedName).IsEmpty) return GeneratorGap.ReservedName;
        if (type.GetAttributes().Any(a => IsMenuDsl(a) && !Binds(a))) return GeneratorGap.UnreadableArguments;
        return GeneratorGap.None;
    }

    /// <summary>Whether the type carries a MenuDsl attribute: a type with none is no concern of the generator.</summary>
    public static bool HasModelAttributes(INamedTypeSymbol type) => type.GetAttributes().Any(IsMenuDsl);

    /// <summary>The reason and what to do, for the diagnostic message.</summary>
    public static string Explain(GeneratorGap gap) => gap switch
    {
        GeneratorGap.NotMarked =>
            "it has MenuDsl model attributes but no [PricingModel], and the generator completes only types marked with it; add [PricingModel]",
        GeneratorGap.UnreadableArguments =>
            "the arguments of a MenuDsl attribute do not compile (wrong count or type, or a syntax error), so the model cannot be read; fix the compiler errors on that attribute",
        GeneratorGap.NotAClass =>
            "only a class is completed (the generated half is a sealed partial class), not a record, struct or interface; declare it as 'partial class'",
        GeneratorGap.StaticOrAbstract =>
            "a static or abstract class has no instance, and the generated half adds a constructor and a static Instance; remove 'static' / 'abstract'",
        GeneratorGap.Generic =>
            "generic types (or types nested in one) are not completed, because every constant is folded for one closed type; declare the model as a non-generic class outside generic types",
        GeneratorGap.NoParameterlessConstructor =>
            "it has no accessible parameterless constructor, which the generated Instance calls; add one that is not private",
        GeneratorGap.ReservedName =>
            $"a member is named '{ReservedName}', the nested class the generated half declares; rename that member",
        _ => "",
    };

    private static bool IsMenuDsl(AttributeData attribute) =>
        attribute.AttributeClass is { TypeKind: not TypeKind.Error } c && c.ContainingNamespace?.ToDisplayString() == "MenuDsl";

    // A constructor that binds and no argument in error: what the compiler could not read, neither can the parser.
    private static bool Binds(AttributeData attribute) =>
        attribute.AttributeConstructor is not null
        && attribute.ConstructorArguments.All(Binds)
        && attribute.NamedArguments.All(a => Binds(a.Value));

    // Array elements too: new[] { 1.0, null } binds the array but not its second element.
    private static bool Binds(TypedConstant constant) =>
        constant.Kind != TypedConstantKind.Error && (constant.Kind != TypedConstantKind.Array || constant.IsNull || constant.Values.All(Binds));

    private static bool HasAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == metadataName);
}
