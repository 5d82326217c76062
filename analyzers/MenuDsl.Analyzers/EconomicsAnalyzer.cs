using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using MenuDsl.Kernel;
using MenuDsl.Shared;
using MenuDsl.Shared.Expressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MenuDsl.Analyzers;

/// <summary>
/// MENU013: somebody is served (else the generator emits nothing). MENU006–MENU011: the economic assumptions behind the generated menu (model.md §5–§7), checked with the shared
/// kernel on well-formed models only (MENU001–MENU005, MENU016 speak for the others). Certified families are decided in
/// closed form; everything else on a bounded grid of served types. CES is Cobb-Douglas in a composite input
/// (model.md §8), so every check runs on it unchanged; a custom [ProductionFunction] gets the distribution checks,
/// MENU009 from the kernel's numeric first best, and MENU007 for what needs closed forms. MENU010 explains the binary
/// menu the kernel solves for every technology, the menu the generator emits.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EconomicsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Relative slack before a grid comparison counts as a failure (grid and quadrature noise stays below it).</summary>
    private const double MarkupSlack = 1e-7;
    private const double RentGrowthSlack = 1e-3;
    private const int ScaleSteps = 8;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.VirtualValueNotIncreasing, Descriptors.NotVerified, Descriptors.BoundedRentGrowth,
        Descriptors.FineTuningUniform, Descriptors.BinaryTypes, Descriptors.MarkupIncreasing, Descriptors.NobodyServed,
        Descriptors.NumericFailure);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (ModelSymbols.TryCreate(start.Compilation) is not { } symbols) return;
            start.RegisterSymbolAction(symbol =>
            {
                if (ModelDeclaration.Read((INamedTypeSymbol)symbol.Symbol, symbols) is not { } model) return;
                try
                {
                    if (EconomicModel.TryCreate(model) is { } economy)
                        Analyze(model, economy, symbol.ReportDiagnostic, symbol.CancellationToken);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
                {
                    // Past Service.Of the generator has its menu; only the analyzer's own grid checks failed.
                    symbol.ReportDiagnostic(Diagnostic.Create(Descriptors.NotVerified, model.NameLocation,
                        "The economic assumptions (MENU006, MENU008, MENU011)", "the kernel failed numerically while checking them: " + e.Message));
                }
            }, SymbolKind.NamedType);
            CustomFunction.Register(start, symbols, (function, node) =>
            {
                CheckCustomFineTuning(function, node.ReportDiagnostic, node.CancellationToken);
                CheckCustomBinaryTypes(function, node.ReportDiagnostic, node.CancellationToken);
            });
        });
    }

    private static void Analyze(ModelDeclaration model, EconomicModel economy, Action<Diagnostic> report, CancellationToken ct)
    {
        if (model.TypeProfiles.Count > 0 && economy.MakeTechnology is { } binaryTechnology) CheckBinaryTypes(model, binaryTechnology, report, ct);
        if (economy.Values is not { } values) return;

        // The generator's planner declines exactly these models: both ask Service.Of.
        string? failure = null;
        var verdict = economy.MakeTechnology is { } make ? Service.Of(make, () => values, () => economy.Scales, out failure) : ServiceVerdict.Served;
        if (verdict == ServiceVerdict.NumericFailure)
        {
            report(Diagnostic.Create(Descriptors.NumericFailure, economy.ValueLocation(values.Lower, ct), failure));
            return;
        }
        if (verdict == ServiceVerdict.NobodyServed || double.IsPositiveInfinity(values.ReserveValue))
        {
            report(Diagnostic.Create(Descriptors.NobodyServed, economy.ValueLocation(values.Lower, ct), economy.ValuesText,
                economy.HasHeavyParetoTail
                    ? "a Pareto part with shape ≤ 1 has φ(w) = w·(1 − 1/shape) ≤ 0 at every w; use shape > 1"
                    : "declare values whose upper tail is thin enough that high types are worth serving (e.g. Pareto shape > 1)"));
            return;
        }

        if (values.PoolingIntervals.Count > 0)
        {
            var pool = values.PoolingIntervals[0];
            report(Diagnostic.Create(Descriptors.VirtualValueNotIncreasing, economy.ValueLocation(pool.Lower, ct),
                Format(pool.Lower), Format(pool.Upper), Format(pool.Level)));
        }

        bool markupCertified = values.HasNonIncreasingMarkup;
        if (!markupCertified && double.IsPositiveInfinity(values.Upper))
            report(Diagnostic.Create(Descriptors.NotVerified, economy.ValueLocation(double.PositiveInfinity, ct),
                "That the virtual value and the markup w/φ(w) are monotone",
                $"the support is unbounded and this mixture or family has no closed-form certificate, so they were checked only up to the 1 − {Format(TypeGrid.TailSurvival)} quantile w = {Format(values.Quantile(1 - TypeGrid.TailSurvival))}; the tail above is inconclusive"));

        var grid = markupCertified ? null : TypeGrid.Create(values);
        bool markupMonotone = markupCertified;
        if (grid is not null)
        {
            ct.ThrowIfCancellationRequested();
            markupMonotone = CheckMarkup(values, grid, economy, report, ct);
        }

        if (economy.Technology is not { } cd)
        {
            if (economy.Scales is not null)
                report(Diagnostic.Create(Descriptors.NotVerified, economy.ScaleLocation(ct), "Bounded rent growth (BRG-1, BRG-2; MENU008)",
                    "the production function is a custom [ProductionFunction], and only the Cobb-Douglas and CES closed forms give q_s(w, s) and the certificate \"non-increasing markup implies BRG\"; "
                    + "run MenuAudit.Audit(model) on the built model, which checks the capped tariffs at run time"));
            return;
        }
        CheckFineTuning(economy, cd, report, ct);

        if (economy.Scales is null) return; // s = 1 for everyone: no task cap, no bounded rent growth to check
        // Under Cobb-Douglas a non-increasing markup implies BRG-1 and BRG-2 for every s (model.md §6).
        if (!markupMonotone && grid is not null)
        {
            ct.ThrowIfCancellationRequested();
            CheckBoundedRentGrowth(grid, economy, cd, report, ct);
        }
    }

    /// <summary>
    /// MENU011: m(w) = w/φ(w) non-increasing on the served types. Pooled types are skipped (m rises across any
    /// pool by construction; MENU006 reports those). Returns whether m is non-increasing with no pools.
    /// </summary>
    private static bool CheckMarkup(DistributionCore values, TypeGrid grid, EconomicModel economy, Action<Diagnostic> report, CancellationToken ct)
    {
        var pools = values.PoolingIntervals;
        int previous = -1, runStart = -1, runEnd = -1;
        for (int i = 0; i < grid.Count; i++)
        {
            double w = grid.Values[i], phi = grid.VirtualValues[i];
            if (phi <= 0 || InPool(pools, w)) { previous = -1; if (runStart >= 0) break; continue; }
            if (previous >= 0)
            {
                bool rises = Markup(grid, i) > Markup(grid, previous) * (1 + MarkupSlack);
                if (rises) { if (runStart < 0) runStart = previous; runEnd = i; }
                else if (runStart >= 0) break;
            }
            previous = i;
        }
        if (runStart < 0)
        {
            if (ServedPoolNextToTariffs(pools, grid) is { } pool)
                report(Diagnostic.Create(Descriptors.MarkupIncreasing, economy.ValueLocation(pool.Lower, ct),
                    Format(pool.Lower), Format(pool.Upper), Format(pool.Lower / pool.Level), Format(pool.Upper / pool.Level)));
            return pools.Count == 0;
        }
        report(Diagnostic.Create(Descriptors.MarkupIncreasing, economy.ValueLocation(grid.Values[runStart], ct),
            Format(grid.Values[runStart]), Format(grid.Values[runEnd]), Format(Markup(grid, runStart)), Format(Markup(grid, runEnd))));
        return false;
    }

    /// <summary>
    /// A served pool (φ̄ &gt; 0) when some served type outside every pool buys a two-part tariff. Pooled types take the
    /// pool's bundle, so their rent is linear in w across the pool, while a tariff's payoff m·S(w/m) − p0 is strictly
    /// convex in w and touches the rent at its own type: a pooled type away from the pool's end therefore gains by taking
    /// the tariff of the nearest type outside the pool (the ironed markup w/φ̄ rises across the pool).
    /// </summary>
    private static PoolingInterval? ServedPoolNextToTariffs(IReadOnlyList<PoolingInterval> pools, TypeGrid grid)
    {
        PoolingInterval? served = null;
        for (int i = 0; i < pools.Count && served is null; i++)
            if (pools[i].Level > 0 && pools[i].Upper > pools[i].Lower) served = pools[i];
        if (served is null) return null;
        for (int i = 0; i < grid.Count; i++)
            if (grid.VirtualValues[i] > 0 && !InPool(pools, grid.Values[i])) return served;
        return null;
    }

    private static double Markup(TypeGrid grid, int i) => grid.Values[i] / grid.VirtualValues[i];

    private static bool InPool(IReadOnlyList<PoolingInterval> pools, double w)
    {
        for (int i = 0; i < pools.Count; i++)
            if (w >= pools[i].Lower && w <= pools[i].Upper) return true;
        return false;
    }

    /// <summary>
    /// MENU008 (model.md §3, §5): with U(w, s) = ∫ q(k, s) dk, BRG-1 is s U_s ≤ w q and BRG-2 (Cobb-Douglas)
    /// s U_s ≤ δ w q. Under Cobb-Douglas s q_s = q without fine-tuning and (δ/ε) q with it, so s U_s is a
    /// running integral along the type grid. Reports the type where BRG-2 is worst.
    /// </summary>
    private static void CheckBoundedRentGrowth(TypeGrid grid, EconomicModel economy, CobbDouglasCore cd, Action<Diagnostic> report, CancellationToken ct)
    {
        var (sLo, sHi) = economy.ScaleRange;
        double worst = 1 + RentGrowthSlack, worstW = 0, worstS = 0, worstRent = 0, worstBound = 0;
        bool firstFails = false;
        for (int j = 1; j <= ScaleSteps; j++)
        {
            double s = sLo + (sHi - sLo) * j / ScaleSteps;
            if (s <= 0) continue;
            double rentGrowth = 0, previous = ScaleElasticQuality(cd, grid.VirtualValues[0], s);
            for (int i = 1; i < grid.Count; i++)
            {
                double current = ScaleElasticQuality(cd, grid.VirtualValues[i], s);
                rentGrowth += 0.5 * (previous + current) * (grid.Values[i] - grid.Values[i - 1]);
                previous = current;
                double wq = grid.Values[i] * cd.Quality(grid.VirtualValues[i], s);
                if (!(wq > 0)) continue;
                double ratio = rentGrowth / (cd.Delta * wq);
                if (ratio > worst)
                {
                    worst = ratio; worstW = grid.Values[i]; worstS = s; worstRent = rentGrowth; worstBound = cd.Delta * wq;
                    firstFails = rentGrowth > wq * (1 + RentGrowthSlack);
                }
            }
            ct.ThrowIfCancellationRequested();
        }
        if (worstBound == 0) return;
        report(Diagnostic.Create(Descriptors.BoundedRentGrowth, economy.ScaleLocation(ct),
            firstFails ? "BRG-1 and BRG-2" : "BRG-2", Format(worstW), Format(worstS), Format(worstRent),
            firstFails ? "w·q(w, s)" : "δ·w·q(w, s)", Format(firstFails ? worstBound / cd.Delta : worstBound)));
    }

    // s·q_s(·, s) at virtual value φ: q is linear in s below the fine-tuning threshold, ∝ s^(δ/ε) above it.
    private static double ScaleElasticQuality(CobbDouglasCore cd, double phi, double s)
    {
        double q = cd.Quality(phi, s);
        return cd.Theta(phi, s) > cd.FineTuningThreshold ? q * cd.Delta / cd.Epsilon : q;
    }

    /// <summary>MENU009: θ = w s^δ over the declared supports against θ̂.</summary>
    private static void CheckFineTuning(EconomicModel economy, CobbDouglasCore cd, Action<Diagnostic> report, CancellationToken ct)
    {
        var values = economy.Values!;
        var (sLo, sHi) = economy.ScaleRange;
        double thetaLo = cd.Theta(values.Lower, sLo), thetaHi = cd.Theta(values.Upper, sHi), threshold = cd.FineTuningThreshold;
        bool? never = thetaHi <= threshold ? true : thetaLo > threshold ? false : null;
        if (never is not { } isNever) return;
        ReportFineTuning(economy, isNever,
            $"θ = w·s^δ ranges over [{Format(thetaLo)}, {Format(thetaHi)}] and the threshold is θ̂ = {Format(threshold)}", report, ct);
    }

    /// <summary>
    /// MENU009 for a custom technology, on the kernel's numeric first best: fine-tuning pays more the higher the value
    /// and the more tasks share its cost (for complements, model.md §2), so the extreme declared types decide.
    /// </summary>
    private static void CheckCustomFineTuning(CustomFunction function, Action<Diagnostic> report, CancellationToken ct)
    {
        if (!function.Reading.IsReadable || function.Model.CustomTechnology is null) return;
        EconomicModel? economy = null;
        try
        {
            economy = EconomicModel.TryCreate(function.Model);
            if (economy?.Values is not { } values || double.IsPositiveInfinity(values.ReserveValue)) return; // MENU013 speaks
            var core = new CustomCore(new ExpressionFunction(function.Reading.Expression), economy.Costs.Input, economy.Costs.Output, economy.Costs.FineTuning);
            var (sLo, sHi) = economy.ScaleRange;
            if (Numeric.IsFinite(values.Upper) && !core.FirstBest(values.Upper, sHi).FineTunes)
                ReportFineTuning(economy, true,
                    $"even the highest type (w = {Format(values.Upper)}, s = {Format(sHi)}) does not fine-tune in its first best", report, ct);
            else if (values.Lower > 0 && sLo > 0 && core.FirstBest(values.Lower, sLo).FineTunes)
                ReportFineTuning(economy, false,
                    $"even the lowest type (w = {Format(values.Lower)}, s = {Format(sLo)}) fine-tunes in its first best", report, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            report(Diagnostic.Create(Descriptors.NotVerified, economy is null ? function.BodyLocation : Arguments.Of(economy.TechnologyAttribute, ct),
                "Whether fine-tuning is never or always optimal (MENU009)",
                $"the kernel's numeric first best of '{function.Symbol.Name}' failed at the extreme declared types ({e.Message})"));
        }
    }

    private static void ReportFineTuning(EconomicModel economy, bool never, string evidence, Action<Diagnostic> report, CancellationToken ct) =>
        report(Diagnostic.Create(Descriptors.FineTuningUniform, Arguments.Of(economy.TechnologyAttribute, ct), never ? "never" : "always", evidence,
            !never ? "every type buys fine-tuning tokens"
            : economy.IsCustom ? "how v depends on z and the fine-tuning cost do not affect the menu"
            : "gamma, BaseQuality and the fine-tuning cost do not affect the menu"));

    /// <summary>MENU010 for a custom technology: its binary menu needs the body read, as the generator reads it.</summary>
    private static void CheckCustomBinaryTypes(CustomFunction function, Action<Diagnostic> report, CancellationToken ct)
    {
        if (!function.Reading.IsReadable || function.Model.CustomTechnology is null) return;
        if (EconomicModel.TryCreate(function.Model) is not { } economy) return;
        var body = function.Reading.Expression;
        var costs = economy.Costs;
        CheckBinaryTypes(function.Model, () => new CustomCore(new ExpressionFunction(body), costs.Input, costs.Output, costs.FineTuning), report, ct);
    }

    /// <summary>
    /// MENU010 (model.md §7): the kernel's binary menu, the one the generator emits: which type is H, the regime and the
    /// numbers that decide it. MENU015 when the kernel fails on it (the generator then emits nothing).
    /// </summary>
    private static void CheckBinaryTypes(ModelDeclaration model, Func<TechnologyCore> technology, Action<Diagnostic> report, CancellationToken ct)
    {
        var profiles = new List<DeclaredProfile>();
        foreach (var attribute in model.TypeProfiles)
            if (BinaryEnvironment.Read(attribute) is { } profile) profiles.Add(profile); else return;
        // MENU021 speaks for invalid profiles.
        if (!BinaryEnvironment.IsValid(profiles, model.ValueAttributes.Count + model.ScaleAttributes.Count)) return;
        if (BinaryEnvironment.Solve(technology, profiles[0], profiles[1], out string? failure) is not { } solution)
        {
            report(Diagnostic.Create(Descriptors.NumericFailure, Arguments.Of(model.TypeProfiles[0], ct), failure));
            return;
        }
        var menu = solution.Menu;
        report(Diagnostic.Create(Descriptors.BinaryTypes, Arguments.Of(model.TypeProfiles[menu.High], ct),
            menu.High == 0 ? "first" : "second", Format(profiles[menu.High].Probability), menu.Regime,
            BinaryEnvironment.Explain(menu, profiles[0].Probability, profiles[1].Probability)));
    }

    private static string Format(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
