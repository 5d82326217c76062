using System.Collections.Generic;
using System.Threading;
using MenuDsl.Kernel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MenuDsl.Analyzers;

/// <summary>The MenuDsl attribute types, resolved once per compilation.</summary>
internal sealed class ModelSymbols
{
    private ModelSymbols(INamedTypeSymbol pricingModel, Compilation compilation)
    {
        PricingModel = pricingModel;
        CobbDouglas = compilation.GetTypeByMetadataName("MenuDsl.CobbDouglasAttribute");
        Ces = compilation.GetTypeByMetadataName("MenuDsl.CesAttribute");
        TokenCosts = compilation.GetTypeByMetadataName("MenuDsl.TokenCostsAttribute");
        TokenClass = compilation.GetTypeByMetadataName("MenuDsl.TokenClassAttribute");
        FineTuning = compilation.GetTypeByMetadataName("MenuDsl.FineTuningAttribute");
        ValueDistribution = compilation.GetTypeByMetadataName("MenuDsl.ValueDistributionAttribute");
        ScaleDistribution = compilation.GetTypeByMetadataName("MenuDsl.ScaleDistributionAttribute");
        TypeProfile = compilation.GetTypeByMetadataName("MenuDsl.TypeProfileAttribute");
        ProductionFunction = compilation.GetTypeByMetadataName("MenuDsl.ProductionFunctionAttribute");
    }

    public INamedTypeSymbol PricingModel { get; }
    public INamedTypeSymbol? CobbDouglas { get; }
    public INamedTypeSymbol? Ces { get; }
    public INamedTypeSymbol? TokenCosts { get; }
    public INamedTypeSymbol? TokenClass { get; }
    public INamedTypeSymbol? FineTuning { get; }
    public INamedTypeSymbol? ValueDistribution { get; }
    public INamedTypeSymbol? ScaleDistribution { get; }
    public INamedTypeSymbol? TypeProfile { get; }
    public INamedTypeSymbol? ProductionFunction { get; }

    /// <summary>Null when the compilation does not reference MenuDsl: then there is nothing to analyze.</summary>
    public static ModelSymbols? TryCreate(Compilation compilation) =>
        compilation.GetTypeByMetadataName("MenuDsl.PricingModelAttribute") is { } pricingModel
            ? new ModelSymbols(pricingModel, compilation)
            : null;
}

/// <summary>A distribution attribute as declared: family, parameters, weight, and where each sits in source.</summary>
internal sealed class DistributionDeclaration(AttributeData attribute, Family family, double[] parameters, double weight)
{
    public AttributeData Attribute { get; } = attribute;
    public Family Family { get; } = family;
    public double[] Parameters { get; } = parameters;
    public double Weight { get; } = weight;
}

/// <summary>The constants of the [TokenClass] attributes in order and of the [FineTuning] attribute.</summary>
internal sealed class TokenClassesDeclaration(string[] names, double[] exponents, double[] costs, double gamma, double baseQuality, double fineTuningCost)
{
    public string[] Names { get; } = names;
    public double[] Exponents { get; } = exponents;
    public double[] Costs { get; } = costs;
    public double Gamma { get; } = gamma;
    public double BaseQuality { get; } = baseQuality;
    public double FineTuningCost { get; } = fineTuningCost;

    /// <summary>The kernel's verdict, as the runtime builder and the generator reach it.</summary>
    public (string Parameter, string Message)? Fault => CobbDouglasCore.ValidateTokenClasses(Names, Exponents, Costs, Gamma, BaseQuality, FineTuningCost);
}

/// <summary>A <c>[ProductionFunction]</c> method: the attribute (where a count problem is reported) and the method.</summary>
internal sealed class ProductionFunctionDeclaration(IMethodSymbol method, AttributeData attribute)
{
    public IMethodSymbol Method { get; } = method;
    public AttributeData Attribute { get; } = attribute;
}

/// <summary>The MenuDsl attributes of one <c>[PricingModel]</c> type.</summary>
internal sealed class ModelDeclaration
{
    public required INamedTypeSymbol Type { get; init; }
    public AttributeData? PricingModel { get; init; }
    public AttributeData? CobbDouglas => CobbDouglasAttributes.Count > 0 ? CobbDouglasAttributes[0] : null;
    public AttributeData? Ces => CesAttributes.Count > 0 ? CesAttributes[0] : null;
    public AttributeData? TokenCosts => TokenCostsAttributes.Count > 0 ? TokenCostsAttributes[0] : null;

    /// <summary>All of them: the compiler rejects a second one (CS0579) but still binds it, and so does the generator.</summary>
    public List<AttributeData> CobbDouglasAttributes { get; } = [];
    public List<AttributeData> CesAttributes { get; } = [];
    public List<AttributeData> TokenCostsAttributes { get; } = [];
    public List<AttributeData> TokenClassAttributes { get; } = [];
    public List<AttributeData> FineTuningAttributes { get; } = [];
    public List<ProductionFunctionDeclaration> ProductionFunctions { get; } = [];
    public List<AttributeData> ValueAttributes { get; } = [];
    public List<AttributeData> ScaleAttributes { get; } = [];
    public List<AttributeData> TypeProfiles { get; } = [];

    /// <summary>Whether the technology is declared as token classes ([TokenClass] or [FineTuning]).</summary>
    public bool HasTokenClasses => TokenClassAttributes.Count > 0 || FineTuningAttributes.Count > 0;

    /// <summary>
    /// How many technologies are declared: [CobbDouglas], [Ces], [ProductionFunction] methods, and the token classes
    /// together as one.
    /// </summary>
    public int TechnologyCount => CobbDouglasAttributes.Count + CesAttributes.Count + ProductionFunctions.Count + (HasTokenClasses ? 1 : 0);

    /// <summary>The single [ProductionFunction] method of a model that declares no other technology.</summary>
    public ProductionFunctionDeclaration? CustomTechnology => TechnologyCount == 1 && ProductionFunctions.Count == 1 ? ProductionFunctions[0] : null;

    /// <summary>Null when the type is not a pricing model.</summary>
    public static ModelDeclaration? Read(INamedTypeSymbol type, ModelSymbols symbols)
    {
        AttributeData? pricingModel = null;
        var cobbDouglas = new List<AttributeData>();
        var ces = new List<AttributeData>();
        var tokenCosts = new List<AttributeData>();
        var tokenClasses = new List<AttributeData>();
        var fineTuning = new List<AttributeData>();
        var values = new List<AttributeData>();
        var scales = new List<AttributeData>();
        var profiles = new List<AttributeData>();
        foreach (var attribute in type.GetAttributes())
        {
            var c = attribute.AttributeClass;
            if (c is null) continue;
            if (SymbolEqualityComparer.Default.Equals(c, symbols.PricingModel)) pricingModel = attribute;
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.CobbDouglas)) cobbDouglas.Add(attribute);
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.Ces)) ces.Add(attribute);
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.TokenCosts)) tokenCosts.Add(attribute);
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.TokenClass)) tokenClasses.Add(attribute);
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.FineTuning)) fineTuning.Add(attribute);
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.ValueDistribution)) values.Add(attribute);
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.ScaleDistribution)) scales.Add(attribute);
            else if (SymbolEqualityComparer.Default.Equals(c, symbols.TypeProfile)) profiles.Add(attribute);
        }
        if (pricingModel is null) return null;
        var model = new ModelDeclaration { Type = type, PricingModel = pricingModel };
        model.CobbDouglasAttributes.AddRange(cobbDouglas);
        model.CesAttributes.AddRange(ces);
        model.TokenCostsAttributes.AddRange(tokenCosts);
        model.TokenClassAttributes.AddRange(tokenClasses);
        model.FineTuningAttributes.AddRange(fineTuning);
        model.ValueAttributes.AddRange(values);
        model.ScaleAttributes.AddRange(scales);
        model.TypeProfiles.AddRange(profiles);
        if (symbols.ProductionFunction is { } production)
            foreach (var member in type.GetMembers())
                if (member is IMethodSymbol method)
                    foreach (var attribute in method.GetAttributes())
                        if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, production))
                            model.ProductionFunctions.Add(new ProductionFunctionDeclaration(method, attribute));
        return model;
    }

    /// <summary>
    /// The declared token classes and fine-tuning, read as constants; null when any argument is not a plain constant
    /// (the compiler reports that) or the [FineTuning] is missing or repeated.
    /// </summary>
    public TokenClassesDeclaration? TokenClasses()
    {
        if (TokenClassAttributes.Count == 0 || FineTuningAttributes.Count != 1) return null;
        var fineTuning = FineTuningAttributes[0];
        if (Arguments.Constructor(fineTuning, 0) is not { } gamma || Arguments.Constructor(fineTuning, 1) is not { } cost) return null;
        int count = TokenClassAttributes.Count;
        var names = new string[count];
        var exponents = new double[count];
        var costs = new double[count];
        for (int j = 0; j < count; j++)
        {
            var attribute = TokenClassAttributes[j];
            if (attribute.ConstructorArguments is not [{ Value: string name }, _, _]
                || Arguments.Constructor(attribute, 1) is not { } exponent || Arguments.Constructor(attribute, 2) is not { } c)
                return null;
            (names[j], exponents[j], costs[j]) = (name, exponent, c);
        }
        return new TokenClassesDeclaration(names, exponents, costs, gamma, Arguments.Named(fineTuning, "BaseQuality") ?? 1.0, cost);
    }

    /// <summary>Where to report a model-wide problem: the class name.</summary>
    public Location NameLocation => Type.Locations.Length > 0 ? Type.Locations[0] : Location.None;
}

/// <summary>Reads attribute arguments and finds them in source, so diagnostics sit on the argument at fault.</summary>
internal static class Arguments
{
    public static double? AsDouble(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Primitive && constant.Value is double x ? x : null;

    public static double? Constructor(AttributeData attribute, int index) =>
        index < attribute.ConstructorArguments.Length ? AsDouble(attribute.ConstructorArguments[index]) : null;

    public static double? Named(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
            if (pair.Key == name) return AsDouble(pair.Value);
        return null;
    }

    public static double[]? NamedArray(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
            if (pair.Key == name && pair.Value.Kind == TypedConstantKind.Array && !pair.Value.IsNull)
                return Doubles(pair.Value.Values);
        return null;
    }

    /// <summary>A distribution attribute's family, parameters and weight; null if they are not plain constants.</summary>
    public static DistributionDeclaration? Distribution(AttributeData attribute)
    {
        var args = attribute.ConstructorArguments;
        if (args.Length != 2 || args[0].Value is not int family || !IsFamily(family)
            || args[1].Kind != TypedConstantKind.Array || args[1].IsNull)
            return null;
        var parameters = Doubles(args[1].Values);
        if (parameters is null) return null;
        return new DistributionDeclaration(attribute, (Family)family, parameters, Named(attribute, "Weight") ?? 1.0);
    }

    /// <summary>Whether a <c>Distribution</c> value names a family (a cast such as <c>(Distribution)42</c> does not).</summary>
    public static bool IsFamily(int kind) => kind >= 0 && kind <= (int)Family.TruncatedNormal;

    private static double[]? Doubles(System.Collections.Immutable.ImmutableArray<TypedConstant> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < result.Length; i++)
            if (AsDouble(values[i]) is { } x) result[i] = x; else return null;
        return result;
    }

    public static AttributeSyntax? Syntax(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;

    public static Location Of(AttributeData attribute, CancellationToken cancellationToken) =>
        Syntax(attribute, cancellationToken)?.GetLocation() ?? Location.None;

    /// <summary>
    /// The positional argument at <paramref name="index"/>. A params array written element by element continues the
    /// positional list, so parameter i of a distribution is argument 1 + i.
    /// </summary>
    public static Location Positional(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        var syntax = Syntax(attribute, cancellationToken);
        if (syntax?.ArgumentList is not { } list) return syntax?.GetLocation() ?? Location.None;
        int position = 0;
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is not null || argument.NameColon is not null) continue;
            if (position++ == index) return argument.GetLocation();
        }
        return syntax.GetLocation();
    }

    /// <summary>
    /// Parameter <paramref name="index"/> of a distribution attribute: argument 1 + index when the params array is
    /// written element by element, else the element inside the written array.
    /// </summary>
    public static Location DistributionParameter(AttributeData attribute, int index, CancellationToken cancellationToken)
    {
        var syntax = Syntax(attribute, cancellationToken);
        if (syntax?.ArgumentList is { } list && PositionalCount(syntax) == 2)
        {
            var array = list.Arguments[1].Expression;
            SeparatedSyntaxList<ExpressionSyntax>? elements = array switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
                ImplicitArrayCreationExpressionSyntax { Initializer: var init } => init.Expressions,
                _ => null,
            };
            if (elements is { } e) return index < e.Count ? e[index].GetLocation() : array.GetLocation();
        }
        return Positional(attribute, 1 + index, cancellationToken);
    }

    /// <summary>A named argument (<c>Weight = 0.5</c>), or the attribute when it is not written.</summary>
    public static Location NamedLocation(AttributeData attribute, string name, CancellationToken cancellationToken)
    {
        var syntax = Syntax(attribute, cancellationToken);
        if (syntax?.ArgumentList is { } list)
            foreach (var argument in list.Arguments)
                if (argument.NameEquals?.Name.Identifier.ValueText == name) return argument.GetLocation();
        return syntax?.GetLocation() ?? Location.None;
    }

    /// <summary>The number of positional arguments written (a params array written element by element counts each).</summary>
    public static int PositionalCount(AttributeSyntax syntax)
    {
        int count = 0;
        if (syntax.ArgumentList is { } list)
            foreach (var argument in list.Arguments)
                if (argument.NameEquals is null && argument.NameColon is null) count++;
        return count;
    }
}
