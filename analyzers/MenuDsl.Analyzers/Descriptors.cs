using Microsoft.CodeAnalysis;

namespace MenuDsl.Analyzers;

/// <summary>Every diagnostic MenuDsl reports; each id has a page under docs/diagnostics/ (retired ids keep theirs).</summary>
internal static class Descriptors
{
    public const string Usage = "MenuDsl.Usage";
    public const string Economics = "MenuDsl.Economics";
    public const string Numerics = "MenuDsl.Numerics";

    private const string HelpRoot = "https://github.com/menudsl/menudsl/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotPartial = new("MENU001", "Pricing model type must be partial",
        "'{0}' must be declared partial so that the generator can complete it; add the 'partial' modifier",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU001.md");

    public static readonly DiagnosticDescriptor ProductionFunctionCount = new("MENU002", "Exactly one well-formed production function",
        "'{0}' {1}; {2}",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU002.md");

    public static readonly DiagnosticDescriptor CobbDouglasExponents = new("MENU003", "Cobb-Douglas exponents must be positive with alpha + beta + gamma < 1",
        "Cobb-Douglas: {0}; use exponents > 0 whose sum is below 1 (decreasing returns)",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU003.md");

    public static readonly DiagnosticDescriptor TokenCost = new("MENU004", "Token costs must be finite and positive",
        "{0}; declare [TokenCosts(input, output, fineTuning)] with finite costs > 0",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU004.md");

    public static readonly DiagnosticDescriptor DistributionParameters = new("MENU005", "Distribution parameters are invalid",
        "{0}: {1}",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU005.md");

    public static readonly DiagnosticDescriptor VirtualValueNotIncreasing = new("MENU006", "Virtual value is not increasing",
        "The virtual value φ(w) = w − (1 − F(w))/f(w) is not increasing on [{0}, {1}]; the generated solver irons φ there (the types pool at φ̄ = {2} and share one item). Check that the value distribution is intended, or use a regular family.",
        Economics, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU006.md");

    public static readonly DiagnosticDescriptor NotVerified = new("MENU007", "An assumption could not be verified at compile time",
        "{0} was not verified at compile time: {1}",
        Numerics, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU007.md");

    public static readonly DiagnosticDescriptor BoundedRentGrowth = new("MENU008", "Bounded rent growth fails",
        "Bounded rent growth ({0}) fails at type (w = {1}, s = {2}): ∫ s q_s dk = {3} exceeds {4} = {5}; the capped two-part tariffs are not incentive compatible there. Use value distributions with a non-increasing markup w/φ(w).",
        Economics, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU008.md");

    public static readonly DiagnosticDescriptor FineTuningUniform = new("MENU009", "Fine-tuning is never or always optimal",
        "Fine-tuning is {0} optimal for the declared types: {1}; {2}",
        Economics, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU009.md");

    public static readonly DiagnosticDescriptor BinaryTypes = new("MENU010", "Binary types: which type is H and which constraints bind",
        "Binary types: H is the {0} [TypeProfile] (probability {1}); the optimal menu is {2}: {3}",
        Economics, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU010.md");

    public static readonly DiagnosticDescriptor MarkupIncreasing = new("MENU011", "Markup increases on the served types",
        "The markup m(w) = w/φ(w) increases on [{0}, {1}] (from {2} to {3}); the two-part tariff menu is not incentive compatible there. Use value distributions with a non-increasing markup (uniform, exponential, Pareto, power with c ≥ 1).",
        Economics, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU011.md");

    public static readonly DiagnosticDescriptor NobodyServed = new("MENU013", "Nobody is served",
        "Nobody is served: the virtual value φ(w) = w − (1 − F(w))/f(w) of {0} is never positive, so no type buys and there is no menu to generate; {1}",
        Economics, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU013.md");

    public static readonly DiagnosticDescriptor CannotComplete = new("MENU014", "The generator cannot complete this type",
        "'{0}' cannot be completed by the generator: {1}",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU014.md");

    public static readonly DiagnosticDescriptor NumericFailure = new("MENU015", "The model cannot be solved at build time",
        "The shared kernel failed on this model: {0}; the generator emits nothing for it. Use less extreme parameters (values near the limits of double, such as 1e308, overflow its special functions).",
        Numerics, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU015.md");

    public static readonly DiagnosticDescriptor CesParameters = new("MENU016", "CES parameters are invalid",
        "CES: {0}; use 0 < share < 1, substitution r < 1 with r ≠ 0, degree > 0, gamma > 0 with degree + gamma < 1, BaseQuality > 0",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU016.md");

    public static readonly DiagnosticDescriptor UnreadableProductionFunction = new("MENU017", "The production function cannot be read",
        "The body of production function '{0}' cannot be read: {1}. The generator emits nothing for '{2}' until it can.",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU017.md");

    public static readonly DiagnosticDescriptor NotIncreasing = new("MENU018", "The production function is not increasing",
        "'{0}' is not increasing in {1}: ∂v/∂{2} = {3} at (x, y, z) = {4} ({5}); a token that adds no quality is worth nothing to buyers, and the menu assumes every kind of token raises quality",
        Economics, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU018.md");

    public static readonly DiagnosticDescriptor NotConcave = new("MENU019", "The production function is not concave",
        "'{0}' is not concave at (x, y, z) = {1} ({2}): {3}; without decreasing returns the first best need not exist or be unique, and the numeric solver may find none",
        Economics, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU019.md");

    public static readonly DiagnosticDescriptor NotComplements = new("MENU020", "Tokens are not complements",
        "'{0}': {1} = {2} < 0 at (x, y, z) = {3} ({4}), so {5} are substitutes there; the menu's theory assumes complements (v_xy, v_xz, v_yz ≥ 0), without which fine-tuning need not rise with the value and the two-part tariffs need not be incentive compatible",
        Economics, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU020.md");

    public static readonly DiagnosticDescriptor TypeProfiles = new("MENU021", "Type profiles are invalid",
        "[TypeProfile]: {0}; {1}",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU021.md");

    public static readonly DiagnosticDescriptor TokenClasses = new("MENU022", "Token classes are invalid",
        "Token classes: {0}; declare at least two [TokenClass(name, exponent, cost)] with unique names, exponents and costs > 0, and one [FineTuning(gamma, cost)] with exponents + gamma < 1; the classes carry the costs, so no [TokenCosts]",
        Usage, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + "MENU022.md");

    /// <summary>Every live id; MENU012 (binary models not generated yet) is retired since the generator completes them.</summary>
    public static readonly DiagnosticDescriptor[] All =
    [
        NotPartial, ProductionFunctionCount, CobbDouglasExponents, TokenCost, DistributionParameters,
        VirtualValueNotIncreasing, NotVerified, BoundedRentGrowth, FineTuningUniform, BinaryTypes, MarkupIncreasing,
        NobodyServed, CannotComplete, NumericFailure, CesParameters, UnreadableProductionFunction,
        NotIncreasing, NotConcave, NotComplements, TypeProfiles, TokenClasses,
    ];
}
