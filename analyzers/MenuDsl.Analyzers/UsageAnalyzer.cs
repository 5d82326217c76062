using System.Collections.Immutable;
using System.Threading;
using System.Linq;
using MenuDsl.Kernel;
using MenuDsl.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MenuDsl.Analyzers;

/// <summary>
/// MENU001–MENU005, MENU016, MENU021: the declaration is well formed (partial, one well-formed production function, valid
/// Cobb-Douglas or CES parameters, costs, distribution parameters or two valid type profiles); MENU014: the type is one the
/// generator completes (<see cref="GeneratorScope"/>, the rule the generator itself applies). The generator emits nothing for a model that fails here, so these are
/// the diagnostics the user sees.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UsageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.NotPartial, Descriptors.ProductionFunctionCount, Descriptors.CobbDouglasExponents,
        Descriptors.TokenCost, Descriptors.DistributionParameters, Descriptors.CannotComplete,
        Descriptors.CesParameters, Descriptors.TypeProfiles, Descriptors.TokenClasses);

    private const string DeclareOne =
        "declare exactly one: [CobbDouglas(alpha, beta, gamma)], [Ces(share, substitution, degree, gamma)], [TokenClass(name, exponent, cost)]s with [FineTuning(gamma, cost)], or one [ProductionFunction] method";

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ModelSymbols.TryCreate(start.Compilation) is not { } symbols) return;
            start.RegisterSymbolAction(symbol =>
            {
                var type = (INamedTypeSymbol)symbol.Symbol;
                if (ModelDeclaration.Read(type, symbols) is { } model)
                    Analyze(model, symbol.ReportDiagnostic, symbol.CancellationToken);
                else if (GeneratorScope.HasModelAttributes(type) && type.Locations.Length > 0)
                    symbol.ReportDiagnostic(Diagnostic.Create(Descriptors.CannotComplete, type.Locations[0], type.Name,
                        GeneratorScope.Explain(GeneratorGap.NotMarked)));
            }, SymbolKind.NamedType);
            CustomFunction.Register(start, symbols, CheckShape);
        });
    }

    // A [ProductionFunction] method that is not 'static double F(double x, double y, double z) => …' is no production function.
    private static void CheckShape(CustomFunction function, SyntaxNodeAnalysisContext context)
    {
        if (function.HasWrongShape)
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ProductionFunctionCount, function.Reading.Location,
                function.Model.Type.Name, $"has a [ProductionFunction] method '{function.Symbol.Name}' of the wrong shape: {function.Reading.Reason}",
                "declare it as 'static double F(double x, double y, double z) => expression'"));
    }

    private static void Analyze(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        CheckPartial(model, report, ct);
        CheckProductionFunction(model, report, ct);
        CheckTokenCosts(model, report, ct);
        CheckDistributions(model, report, ct);
        CheckTypeProfiles(model, report, ct);
        CheckScope(model, report, ct);
    }

    private static void CheckScope(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        var gap = GeneratorScope.Of(model.Type);
        if (gap == GeneratorGap.None) return;
        var location = gap == GeneratorGap.ReservedName
            ? model.Type.GetMembers(GeneratorScope.ReservedName)[0].Locations.FirstOrDefault() ?? model.NameLocation
            : model.NameLocation;
        report(Diagnostic.Create(Descriptors.CannotComplete, location, model.Type.Name, GeneratorScope.Explain(gap)));
    }

    /// <summary>
    /// MENU021: the binary environment is exactly two profiles, without distributions, each with a probability in (0, 1)
    /// (summing to 1) and either Value (and Scale) or TaskValues; the rule the generator applies (<see cref="BinaryEnvironment"/>).
    /// </summary>
    private static void CheckTypeProfiles(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        var profiles = model.TypeProfiles;
        if (profiles.Count == 0) return;
        if (model.ValueAttributes.Count + model.ScaleAttributes.Count > 0)
        {
            report(Diagnostic.Create(Descriptors.TypeProfiles, Arguments.Of(profiles[0], ct),
                "the binary environment's two types replace the distributions of values and scales",
                "declare either two [TypeProfile]s or [ValueDistribution] (and [ScaleDistribution]), not both"));
            return;
        }
        if (profiles.Count != 2)
        {
            report(Diagnostic.Create(Descriptors.TypeProfiles, Arguments.Of(profiles[profiles.Count == 1 ? 0 : 2], ct),
                $"the binary environment has exactly two types, but {profiles.Count} [TypeProfile]s are declared",
                "declare two [TypeProfile]s whose probabilities sum to 1"));
            return;
        }
        var read = new System.Collections.Generic.List<DeclaredProfile>();
        foreach (var profile in profiles)
            if (BinaryEnvironment.Read(profile) is { } declared) read.Add(declared); else return; // not a constant: the compiler reports it
        if (BinaryEnvironment.Validate(read) is not { } error) return;
        var attribute = profiles[error.Profile];
        var location = error.Argument switch
        {
            null => Arguments.Of(attribute, ct),
            "probability" => Arguments.Positional(attribute, 0, ct),
            var named => Arguments.NamedLocation(attribute, named, ct),
        };
        report(Diagnostic.Create(Descriptors.TypeProfiles, location, error.Message,
            "a profile is [TypeProfile(p, Value = w, Scale = s)] or [TypeProfile(p, TaskValues = new[] { … })] with 0 < p < 1, values w ≥ 0, 0 < s ≤ 1, and the two p summing to 1"));
    }

    // The generator completes the type with a partial declaration, so it and every enclosing type must be partial.
    private static void CheckPartial(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        foreach (var reference in model.Type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(ct) is not TypeDeclarationSyntax declaration) continue;
            for (SyntaxNode? node = declaration; node is TypeDeclarationSyntax type; node = node.Parent)
                if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    report(Diagnostic.Create(Descriptors.NotPartial, type.Identifier.GetLocation(), type.Identifier.ValueText));
                    return;
                }
        }
    }

    private static void CheckProductionFunction(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        int count = model.TechnologyCount;
        if (count == 0)
        {
            report(Diagnostic.Create(Descriptors.ProductionFunctionCount, model.NameLocation, model.Type.Name, "declares no production function", DeclareOne));
            return;
        }
        if (count > 1)
        {
            // The one that makes it more than one, in the order [CobbDouglas], [Ces], token classes, [ProductionFunction] methods.
            var declared = new System.Collections.Generic.List<AttributeData>(model.CobbDouglasAttributes);
            declared.AddRange(model.CesAttributes);
            if (model.HasTokenClasses) declared.Add(model.TokenClassAttributes.Count > 0 ? model.TokenClassAttributes[0] : model.FineTuningAttributes[0]);
            declared.AddRange(model.ProductionFunctions.Select(f => f.Attribute));
            report(Diagnostic.Create(Descriptors.ProductionFunctionCount, Arguments.Of(declared[1], ct), model.Type.Name,
                $"declares {count} production functions", DeclareOne));
        }
        if (model.CobbDouglas is { } cd) CheckExponents(cd, report, ct);
        if (model.Ces is { } ces) CheckCes(ces, model.TokenCosts, report, ct);
        if (model.HasTokenClasses) CheckTokenClasses(model, report, ct);
    }

    /// <summary>MENU022: each class on its own argument, then the kernel's verdict on the whole set.</summary>
    private static void CheckTokenClasses(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        void Report(Location location, string message) => report(Diagnostic.Create(Descriptors.TokenClasses, location, message));
        if (model.FineTuningAttributes.Count == 0)
            Report(Arguments.Of(model.TokenClassAttributes[0], ct), $"'{model.Type.Name}' declares token classes but no [FineTuning(gamma, cost)]");
        else if (model.FineTuningAttributes.Count > 1)
            Report(Arguments.Of(model.FineTuningAttributes[1], ct), $"'{model.Type.Name}' declares [FineTuning] {model.FineTuningAttributes.Count} times; keep one");
        if (model.TokenClassAttributes.Count < 2)
            Report(Arguments.Of(model.TokenClassAttributes.Count > 0 ? model.TokenClassAttributes[0] : model.FineTuningAttributes[0], ct),
                $"'{model.Type.Name}' declares {model.TokenClassAttributes.Count} token class{(model.TokenClassAttributes.Count == 1 ? "" : "es")}, but input and output are two");
        if (model.TokenCosts is { } costs)
            Report(Arguments.Of(costs, ct), $"'{model.Type.Name}' declares both token classes and [TokenCosts]; each class carries its own cost");

        var names = model.TokenClassAttributes.Select(a => a.ConstructorArguments is [{ Value: var name }, _, _] ? name as string : null).ToArray();
        string[] positions = ["name", "exponent", "cost"];
        for (int j = 0; j < names.Length; j++)
        {
            var attribute = model.TokenClassAttributes[j];
            if (attribute.ConstructorArguments is not [_, _, _]) continue;
            double exponent = Arguments.Constructor(attribute, 1) ?? 1, cost = Arguments.Constructor(attribute, 2) ?? 1; // not constants: the compiler reports them
            if (CobbDouglasCore.ValidateTokenClass(names[j], exponent, cost) is { } fault)
                Report(Arguments.Positional(attribute, System.Array.IndexOf(positions, fault.Parameter), ct), fault.Message);
            else if (CobbDouglasCore.RepeatsAnEarlierName(names, j))
                Report(Arguments.Positional(attribute, 0, ct), CobbDouglasCore.RepeatedNameMessage(names[j]));
        }
        // γ, the sum of the exponents, b and c_z: on the [FineTuning] argument the kernel names.
        if (model.TokenClasses() is { Fault: { } error } && error.Parameter != "classes" && model.FineTuningAttributes.Count == 1)
        {
            var fineTuning = model.FineTuningAttributes[0];
            var location = error.Parameter switch
            {
                "gamma" => Arguments.Positional(fineTuning, 0, ct),
                "fineTuning" => Arguments.Positional(fineTuning, 1, ct),
                _ => Arguments.NamedLocation(fineTuning, "BaseQuality", ct),
            };
            Report(location, error.Message);
        }
    }

    /// <summary>MENU016: the kernel's own CES validation, reported on the argument it names.</summary>
    private static void CheckCes(AttributeData ces, AttributeData? costs, System.Action<Diagnostic> report, CancellationToken ct)
    {
        var arguments = new double[4];
        for (int i = 0; i < 4; i++)
            if (Arguments.Constructor(ces, i) is { } x) arguments[i] = x; else return; // not a constant: the compiler reports it
        double b = Arguments.Named(ces, "BaseQuality") ?? 1.0;
        // Missing costs are NaN, so that the kernel blames them: the costs are MENU004's.
        double Cost(int i) => costs is null ? double.NaN : Arguments.Constructor(costs, i) ?? double.NaN;
        if (CobbDouglasCore.ValidateCes(arguments[0], arguments[1], arguments[2], arguments[3], b, Cost(0), Cost(1), Cost(2)) is not { } error)
            return;
        int position = System.Array.IndexOf(CesParameterNames, error.Parameter);
        var location = position >= 0 ? Arguments.Positional(ces, position, ct)
            : error.Parameter == "baseQuality" ? Arguments.NamedLocation(ces, "BaseQuality", ct)
            : null;
        if (location is not null) report(Diagnostic.Create(Descriptors.CesParameters, location, error.Message));
    }

    /// <summary>The names <see cref="CobbDouglasCore.ValidateCes"/> gives the positional arguments of [Ces], in order.</summary>
    private static readonly string[] CesParameterNames = ["share", "substitution", "degree", "gamma"];

    private static void CheckExponents(AttributeData cd, System.Action<Diagnostic> report, CancellationToken ct)
    {
        string[] names = ["alpha", "beta", "gamma"];
        var exponents = new double[3];
        for (int i = 0; i < 3; i++)
        {
            if (Arguments.Constructor(cd, i) is not { } x) return; // not a constant: the compiler reports it
            exponents[i] = x;
            if (!(x > 0) || !Numeric.IsFinite(x))
            {
                report(Diagnostic.Create(Descriptors.CobbDouglasExponents, Arguments.Positional(cd, i, ct),
                    $"{names[i]} must be finite and > 0 but is {Families.Format(x)}"));
                return;
            }
        }
        double sum = exponents[0] + exponents[1] + exponents[2];
        if (!(sum < 1))
        {
            // No single argument is at fault, so the whole attribute is; the code fix rescales all three.
            var properties = ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Rescale, "true");
            report(Diagnostic.Create(Descriptors.CobbDouglasExponents, Arguments.Of(cd, ct), properties,
                $"alpha + beta + gamma = {Families.Format(sum)} must be < 1"));
        }
        if (Arguments.Named(cd, "BaseQuality") is { } b && (!(b > 0) || !Numeric.IsFinite(b)))
            report(Diagnostic.Create(Descriptors.CobbDouglasExponents, Arguments.NamedLocation(cd, "BaseQuality", ct),
                $"BaseQuality must be finite and > 0 but is {Families.Format(b)}"));
    }

    private static void CheckTokenCosts(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        if (model.HasTokenClasses) return; // the classes carry the costs: MENU022
        if (model.TokenCosts is not { } costs)
        {
            report(Diagnostic.Create(Descriptors.TokenCost, model.NameLocation, $"'{model.Type.Name}' declares no token costs"));
            return;
        }
        if (model.TokenCostsAttributes.Count > 1)
            report(Diagnostic.Create(Descriptors.TokenCost, Arguments.Of(model.TokenCostsAttributes[1], ct),
                $"'{model.Type.Name}' declares [TokenCosts] {model.TokenCostsAttributes.Count} times, so the costs are ambiguous; keep one"));
        string[] names = ["input", "output", "fine-tuning"];
        for (int i = 0; i < 3; i++)
            if (Arguments.Constructor(costs, i) is { } c && (!(c > 0) || !Numeric.IsFinite(c)))
                report(Diagnostic.Create(Descriptors.TokenCost, Arguments.Positional(costs, i, ct),
                    $"The {names[i]} token cost must be finite and > 0 but is {Families.Format(c)}"));
    }

    private static void CheckDistributions(ModelDeclaration model, System.Action<Diagnostic> report, CancellationToken ct)
    {
        // The binary environment replaces the value distribution.
        if (model.ValueAttributes.Count == 0 && model.TypeProfiles.Count == 0)
            report(Diagnostic.Create(Descriptors.DistributionParameters, model.NameLocation, model.Type.Name,
                "no [ValueDistribution] declared; declare the distribution of values per task"));
        foreach (var attribute in model.ValueAttributes) CheckDistribution(attribute, isScale: false, report, ct);
        foreach (var attribute in model.ScaleAttributes) CheckDistribution(attribute, isScale: true, report, ct);
    }

    private static void CheckDistribution(AttributeData attribute, bool isScale, System.Action<Diagnostic> report, CancellationToken ct)
    {
        if (attribute.ConstructorArguments is [{ Value: int kind }, ..] && !Arguments.IsFamily(kind))
        {
            var kindLocation = Arguments.Positional(attribute, 0, ct);
            report(Diagnostic.Create(Descriptors.DistributionParameters, kindLocation, isScale ? "ScaleDistribution" : "ValueDistribution",
                $"{kind} is not a Distribution kind; use one of {string.Join(", ", System.Enum.GetNames(typeof(Family)))}"));
            return;
        }
        if (Arguments.Distribution(attribute) is not { } d) return;
        string what = (isScale ? "ScaleDistribution " : "ValueDistribution ") + d.Family;
        if (!(d.Weight > 0) || double.IsInfinity(d.Weight))
            report(Diagnostic.Create(Descriptors.DistributionParameters, Arguments.NamedLocation(attribute, "Weight", ct), what,
                $"the mixture weight must be finite and > 0 but is {Families.Format(d.Weight)}"));

        if (Families.Validate(d.Family, d.Parameters) is { } error)
        {
            string[] names = Families.ParameterNames(d.Family);
            int fault = FaultyParameter(error, names, d.Parameters.Length);
            var location = fault < 0 ? Arguments.Of(attribute, ct) : Arguments.DistributionParameter(attribute, fault, ct);
            var properties = ImmutableDictionary<string, string?>.Empty;
            // A reversed interval (lo > hi, both valid amounts) is fixed by swapping the two.
            int hi = System.Array.IndexOf(names, "hi");
            if (fault >= 0 && names[fault] == "lo" && hi > fault && d.Parameters[hi] >= 0 && d.Parameters[fault] > d.Parameters[hi])
                properties = properties.Add(FixProperties.SwapWith, (hi - fault).ToString(System.Globalization.CultureInfo.InvariantCulture));
            report(Diagnostic.Create(Descriptors.DistributionParameters, location, properties, what, error + "; correct the parameter"));
            return;
        }

        if (isScale)
        {
            var core = Families.Create(d.Family, d.Parameters);
            if (!Families.IsScaleLaw(core))
            {
                int hi = System.Array.IndexOf(Families.ParameterNames(d.Family), "hi");
                var location = hi >= 0 ? Arguments.DistributionParameter(attribute, hi, ct) : Arguments.Of(attribute, ct);
                report(Diagnostic.Create(Descriptors.DistributionParameters, location, what,
                    $"the support [{Families.Format(core.Lower)}, {Families.Format(core.Upper)}] leaves [0, 1]; a scale is a share of tasks, so use a family bounded inside [0, 1]"));
            }
        }
    }

    /// <summary>
    /// The index of the parameter <see cref="Families.Validate"/> complains about: its messages quote the name
    /// ('lo'); a wrong count quotes none and the whole attribute is at fault (−1).
    /// </summary>
    private static int FaultyParameter(string error, string[] names, int given)
    {
        if (given != names.Length) return -1;
        int open = error.IndexOf('\'');
        int close = open < 0 ? -1 : error.IndexOf('\'', open + 1);
        return close < 0 ? -1 : System.Array.IndexOf(names, error.Substring(open + 1, close - open - 1));
    }
}

/// <summary>Diagnostic property keys the code fixes read.</summary>
internal static class FixProperties
{
    /// <summary>MENU003: the exponents are positive but sum to ≥ 1, so rescaling them fixes it.</summary>
    public const string Rescale = "Rescale";

    /// <summary>MENU005: how many positions after the flagged 'lo' its 'hi' sits.</summary>
    public const string SwapWith = "SwapWith";
}
