using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Analyzers.Tests;

/// <summary>
/// Compile time agrees with run time: where the analyzers are silent about the menu's incentives (no MENU006,
/// MENU008 or MENU011), <see cref="MenuAudit"/> of the runtime-built model finds no profitable deviation; where they
/// report MENU008 or MENU011, the audit finds a type that gains from another type's tariff. Ironing alone (MENU006)
/// is no warning about incentives: pooled types take the pool's bundle.
/// </summary>
public class AuditAgreementTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-9;
    private const string DefaultSeed = "0AuditAgree1";
    private const int DefaultModels = 30;

    // ---------------------------------------------------------------- the models

    /// <summary>A family and its parameters, as both the attribute and the runtime builder take them.</summary>
    public sealed record Law(Distribution Kind, double[] Parameters)
    {
        public string Attribute(string name, double? weight) =>
            $"[{name}(Distribution.{Kind}, {string.Join(", ", Parameters.Select(Literal))}{(weight is { } w ? ", Weight = " + Literal(w) : "")})]";

        public TypeDistribution Runtime => TypeDistribution.From(Kind, Parameters);

        public override string ToString() => $"{Kind}({string.Join(", ", Parameters.Select(Literal))})";
    }

    /// <summary>One law or a weighted mixture of laws.</summary>
    public sealed record Mix((double Weight, Law Part)[] Parts)
    {
        public IEnumerable<string> Attributes(string name) =>
            Parts.Length == 1 ? [Parts[0].Part.Attribute(name, null)] : Parts.Select(p => p.Part.Attribute(name, p.Weight));

        public TypeDistribution Runtime => Parts.Length == 1
            ? Parts[0].Part.Runtime
            : TypeDistribution.Mixture(Parts.Select(p => (p.Weight, p.Part.Runtime)).ToArray());

        public override string ToString() => Parts.Length == 1
            ? Parts[0].Part.ToString()
            : string.Join(" + ", Parts.Select(p => $"{Literal(p.Weight)}·{p.Part}"));
    }

    /// <summary>A Cobb-Douglas model: technology, costs, values and (optionally) scales.</summary>
    public sealed record Model(double Alpha, double Beta, double Gamma, double Base, double[] Costs, Mix Values, Mix? Scales)
    {
        public string Source => string.Join("\n",
            new[] { $"[PricingModel, CobbDouglas({Literal(Alpha)}, {Literal(Beta)}, {Literal(Gamma)}, BaseQuality = {Literal(Base)}), TokenCosts({string.Join(", ", Costs.Select(Literal))})]" }
                .Concat(Values.Attributes("ValueDistribution"))
                .Concat(Scales?.Attributes("ScaleDistribution") ?? [])
                .Append("public partial class ChatApi;"));

        public IIndexModel Build()
        {
            var builder = PricingModel.CobbDouglas(Alpha, Beta, Gamma, baseQuality: Base).WithCosts(Costs[0], Costs[1], Costs[2]).WithValues(Values.Runtime);
            return (Scales is { } s ? builder.WithScales(s.Runtime) : builder).Build();
        }

        public override string ToString() =>
            $"CobbDouglas({Literal(Alpha)}, {Literal(Beta)}, {Literal(Gamma)}, b = {Literal(Base)}), costs ({string.Join(", ", Costs.Select(Literal))}), values {Values}, scales {(Scales?.ToString() ?? "none")}";
    }

    private static string Literal(double x) => double.IsPositiveInfinity(x) ? "double.PositiveInfinity" : x.ToString("R", CultureInfo.InvariantCulture);

    private static Gen<double> Rounded(double lo, double hi) => Gen.Double[lo, hi].Select(x => Math.Round(x, 3));

    // Bounded laws get a support [lo, lo + width]; every family, including power c < 1 and beta a or b < 1.
    private static readonly Gen<(double Lo, double Hi)> Support =
        Gen.Select(Rounded(0, 3), Rounded(0.3, 6)).Select(t => (t.Item1, Math.Round(t.Item1 + t.Item2, 3)));

    private static readonly Gen<Law> ValueLaw = Gen.OneOf(
        Support.Select(s => new Law(Distribution.Uniform, [s.Lo, s.Hi])),
        Rounded(0.3, 3).Select(r => new Law(Distribution.Exponential, [r])),
        Gen.Select(Rounded(0.3, 3), Support).Select(t => new Law(Distribution.Power, [t.Item1, t.Item2.Lo, t.Item2.Hi])),
        Gen.Select(Rounded(0.5, 2), Rounded(1.2, 4)).Select(t => new Law(Distribution.Pareto, [t.Item1, t.Item2])),
        Gen.Select(Rounded(0.4, 4), Rounded(0.4, 4), Support).Select(t => new Law(Distribution.Beta, [t.Item1, t.Item2, t.Item3.Lo, t.Item3.Hi])),
        Gen.Select(Rounded(-1, 1), Rounded(0.2, 1)).Select(t => new Law(Distribution.LogNormal, [t.Item1, t.Item2])),
        Gen.Select(Rounded(0, 3), Rounded(0.3, 2), Support, Gen.Bool).Select(t =>
            new Law(Distribution.TruncatedNormal, [t.Item1, t.Item2, t.Item3.Lo, t.Item4 ? double.PositiveInfinity : t.Item3.Hi])));

    // Two-component mixtures: any two laws, or two uniforms with a gap between them (a dense low part, a sparse high one).
    private static readonly Gen<Mix> Values = Gen.Frequency(
        (3, ValueLaw.Select(l => new Mix([(1.0, l)]))),
        (3, Gen.Select(Rounded(0.1, 1), ValueLaw, ValueLaw).Select(t => new Mix([(t.Item1, t.Item2), (Math.Round(1 - t.Item1 + 0.05, 3), t.Item3)]))),
        (2, Gen.Select(Rounded(0.5, 0.95), Rounded(0.5, 2), Rounded(0.1, 2), Rounded(0.5, 8)).Select(t =>
            new Mix([(t.Item1, new Law(Distribution.Uniform, [0, t.Item2])),
                     (Math.Round(1 - t.Item1, 3), new Law(Distribution.Uniform, [Math.Round(t.Item2 + t.Item3, 3), Math.Round(t.Item2 + t.Item3 + t.Item4, 3)]))]))));

    private static readonly Gen<(double Lo, double Hi)> ScaleSupport =
        Gen.Select(Rounded(0, 0.6), Rounded(0.2, 1)).Select(t => (t.Item1, Math.Min(1, Math.Round(t.Item1 + t.Item2, 3))));

    private static readonly Gen<Mix?> Scales = Gen.Frequency(
        (2, Gen.Const((Mix?)null)),
        (2, ScaleSupport.Select(s => (Mix?)new Mix([(1.0, new Law(Distribution.Uniform, [s.Lo, s.Hi]))]))),
        (1, Gen.Select(Rounded(1, 4), Rounded(1, 4), ScaleSupport).Select(t => (Mix?)new Mix([(1.0, new Law(Distribution.Beta, [t.Item1, t.Item2, t.Item3.Lo, t.Item3.Hi]))]))));

    private static readonly Gen<Model> Models =
        Gen.Select(Rounded(0.05, 1), Rounded(0.05, 1), Rounded(0.05, 1), Rounded(0.3, 0.93), Rounded(0.3, 3),
                   Gen.Select(Rounded(0.3, 3), Rounded(0.3, 3), Rounded(0.5, 100)), Values, Scales)
            .Select(t =>
            {
                double total = t.Item1 + t.Item2 + t.Item3, sum = t.Item4;
                return new Model(Math.Round(t.Item1 / total * sum, 3), Math.Round(t.Item2 / total * sum, 3), Math.Round(t.Item3 / total * sum, 3),
                    t.Item5, [t.Item6.Item1, t.Item6.Item2, t.Item6.Item3], t.Item7, t.Item8);
            });

    // ---------------------------------------------------------------- the check

    private static readonly string[] Incentives = ["MENU006", "MENU008", "MENU011"];

    private static async Task<ImmutableArray<Diagnostic>> Analyze(Model model) => await Messages.Of(model.Source);

    /// <summary>The agreement rule on one model; returns its category, or throws with what disagrees.</summary>
    private static async Task<string> Agreement(Model model, List<string> log)
    {
        var diagnostics = await Analyze(model);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var ids = diagnostics.Select(d => d.Id).Where(Incentives.Contains).ToHashSet();
        string Warnings() => string.Join("; ", diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}"));

        IIndexModel built;
        try { built = model.Build(); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            if (errors.Length == 0) throw new InvalidOperationException($"the builder rejects the model ({e.Message}) but the analyzers report no error; they report: {Warnings()}");
            return "rejected";
        }
        if (errors.Length > 0) throw new InvalidOperationException($"the analyzers report an error ({Warnings()}) but the builder accepts the model");

        // With scales the law of θ is mostly numeric, and auditing its packages takes 10 s to a minute a model; the
        // default run audits their contracts and tariffs only (MENUDSL_AGREEMENT_PACKAGES=all audits every package menu).
        bool packages = model.Scales is null || Environment.GetEnvironmentVariable("MENUDSL_AGREEMENT_PACKAGES") == "all";
        IPricingModel audited = packages ? built : new ContractsOnly(built);
        var audit = MenuAudit.Audit(audited);
        // The law of θ is refused for infinite densities (power c < 1, beta a or b < 1, with scales): the audit then
        // checks contracts and tariffs alone and says so.
        if (audit.PackagesSkipped is { } reason) log.Add($"  packages not audited ({reason[..Math.Min(60, reason.Length)]}…): {model}");
        if (ids.Contains("MENU008") || ids.Contains("MENU011"))
        {
            if (!(audit.TariffRegret > 0)) audit = MenuAudit.Audit(audited, new AuditOptions { ValuePoints = 161, ScalePoints = model.Scales is null ? 2 : 25 });
            if (!(audit.TariffRegret > 0))
                throw new InvalidOperationException($"the analyzers report {Warnings()} but the audit finds no tariff regret: {audit}");
            log.Add($"  {string.Join("+", ids.Order())}: {audit}");
            return string.Join("+", ids.Where(id => id != "MENU006").Order());
        }
        if (audit.MaxRegret > Tolerance)
            throw new InvalidOperationException($"the analyzers report {(ids.Count == 0 ? "nothing about incentives" : "only " + Warnings())} but the audit finds regret: {audit}");
        return ids.Count == 0 ? "no warning" : "MENU006 only";
    }

    /// <summary>A model's contracts and tariffs without its packages (not an <see cref="IIndexModel"/>).</summary>
    private sealed class ContractsOnly(IPricingModel model) : IPricingModel
    {
        public ModelDescription Description => model.Description;
        public Allocation Efficient(double value, double scale) => model.Efficient(value, scale);
        public double VirtualValue(double value) => model.VirtualValue(value);
        public double ReserveValue => model.ReserveValue;
        public Contract Contract(double value, double scale) => model.Contract(value, scale);
        public TwoPartTariff Tariff(double value, double scale) => model.Tariff(value, scale);
    }

    private static async Task<string[]> Ids(Model model) =>
        (await Analyze(model)).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.Id).Distinct().Order().ToArray();

    private static Mix One(Distribution kind, params double[] parameters) => new([(1.0, new Law(kind, parameters))]);

    // README: the dense low segment is pooled up to the gap at a negative level, so the pool is not served; the
    // served types above it buy tariffs with a non-increasing markup.
    [Fact]
    public async Task Gapped_uniform_mixture_is_ironed_and_incentive_compatible()
    {
        var model = new Model(0.3, 0.2, 0.1, 1.0, [1.0, 2.0, 5.0],
            new Mix([(0.9, new Law(Distribution.Uniform, [0.0, 1.0])), (0.1, new Law(Distribution.Uniform, [2.0, 10.0]))]), null);
        Assert.Equal(["MENU006"], await Ids(model));
        foreach (var options in new[] { new AuditOptions(), AuditOptions.Thorough })
        {
            var audit = MenuAudit.Audit(model.Build(), options);
            output.WriteLine(audit.ToString());
            Assert.True(audit.MaxRegret <= Tolerance, audit.ToString());
        }
    }

    // EconomicsAnalyzerTests' Pareto mixture: m rises from 1.9 towards 6, and high types take low types' tariffs.
    [Fact]
    public async Task Pareto_mixture_MENU011_and_the_audit_finds_a_tariff_deviation()
    {
        var model = new Model(0.25, 0.25, 0.1, 1.0, [1.0, 1.0, 100.0],
            new Mix([(0.5, new Law(Distribution.Pareto, [1.0, 3.0])), (0.5, new Law(Distribution.Pareto, [1.0, 1.2]))]), null);
        Assert.Contains("MENU011", await Ids(model));
        var audit = MenuAudit.Audit(model.Build());
        output.WriteLine(audit.ToString());
        Assert.True(audit.TariffRegret > 0, audit.ToString());
        Assert.Contains("tariff", audit.WorstFinding!.Deviation);
    }

    // A served pool next to tariff types: the pooled types gain from the tariff just outside the pool (MENU011).
    [Fact]
    public async Task Served_pool_next_to_tariffs_MENU011_and_the_audit_finds_a_tariff_deviation()
    {
        var model = new Model(0.213, 0.19, 0.213, 0.68, [1.409, 1.0, 76.0],
            new Mix([(0.885, new Law(Distribution.Uniform, [0.0, 2.0])), (0.115, new Law(Distribution.Uniform, [2.25, 3.25]))]), null);
        var built = model.Build();
        Assert.Contains(built.Description.Values.PoolingIntervals, p => p.Level > 0);
        Assert.Equal(["MENU006", "MENU011"], await Ids(model));
        var audit = MenuAudit.Audit(built);
        output.WriteLine(audit.ToString());
        Assert.True(audit.TariffRegret > 0, audit.ToString());
    }

    [Fact]
    public async Task Uniform_values_no_warning_and_no_regret_in_any_menu()
    {
        var model = new Model(0.3, 0.2, 0.1, 1.0, [1.0, 2.0, 5.0], One(Distribution.Uniform, 0.0, 1.0), One(Distribution.Uniform, 0.2, 1.0));
        Assert.DoesNotContain(await Ids(model), Incentives.Contains);
        var audit = MenuAudit.Audit(model.Build());
        output.WriteLine(audit.ToString());
        Assert.True(audit.DirectRegret <= Tolerance && audit.TariffRegret <= Tolerance && audit.PackageRegret <= Tolerance, audit.ToString());
        Assert.True(audit.ParticipationViolation <= Tolerance, audit.ToString());
    }

    // MENU008 on the Pareto mixture with scales (docs/diagnostics/MENU008.md): the audit finds tariff regret.
    [Fact]
    public async Task Pareto_mixture_with_scales_MENU008_and_the_audit_finds_a_tariff_deviation()
    {
        var model = new Model(0.25, 0.25, 0.1, 1.0, [1.0, 1.0, 100.0],
            new Mix([(0.5, new Law(Distribution.Pareto, [1.0, 3.0])), (0.5, new Law(Distribution.Pareto, [1.0, 1.2]))]),
            One(Distribution.Uniform, 0.2, 1.0));
        Assert.Contains("MENU008", await Ids(model));
        var audit = MenuAudit.Audit(new ContractsOnly(model.Build())); // the package menu has no task cap
        output.WriteLine(audit.ToString());
        Assert.True(audit.TariffRegret > 0, audit.ToString());
    }

    [Fact]
    public async Task Analyzers_and_audit_agree_on_random_models()
    {
        string seed = Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } chosen ? chosen : DefaultSeed;
        int count = int.TryParse(Environment.GetEnvironmentVariable("MENUDSL_AGREEMENT_MODELS"), out int n) && n > 0 ? n : DefaultModels;
        Model[] models = [];
        Models.Array[count].Sample(sample => { models = sample; }, iter: 1, threads: 1, seed: seed, print: _ => "");

        var categories = new Dictionary<string, int>();
        var failures = new List<string>();
        var log = new List<string>();
        foreach (var model in models)
        {
            string category;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try { category = await Agreement(model, log); }
            catch (Exception e) { category = "disagreement"; failures.Add($"{model}\n  {e.Message}\n{model.Source}"); }
            categories[category] = categories.GetValueOrDefault(category) + 1;
            output.WriteLine($"{category} ({clock.Elapsed.TotalSeconds:F1} s): {model}");
        }
        int With(string id) => categories.Where(c => c.Key.Contains(id)).Sum(c => c.Value);
        categories["MENU008"] = With("MENU008");
        categories["MENU011"] = With("MENU011");
        string counts = string.Join(", ", new[] { "no warning", "MENU006 only", "MENU008", "MENU011", "MENU008+MENU011", "rejected", "disagreement" }
            .Select(c => $"{c} {categories.GetValueOrDefault(c)}"));
        output.WriteLine($"seed {seed}, {count} models: {counts}");
        foreach (string line in log) output.WriteLine(line);
        Assert.True(failures.Count == 0, $"seed {seed} (reproduce with CsCheck_Seed={seed} MENUDSL_AGREEMENT_MODELS={count}): {counts}\n" + string.Join("\n\n", failures));
        Assert.True(categories.GetValueOrDefault("no warning") > 0, $"seed {seed}: no model without warnings ({counts})");
        Assert.True(categories.GetValueOrDefault("MENU011") > 0, $"seed {seed}: no model with MENU011 ({counts})");
    }
}
