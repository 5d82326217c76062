using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>Grid sizes of a <see cref="MenuAudit"/>. The defaults finish well under a second for closed-form models.</summary>
public sealed record AuditOptions
{
    /// <summary>Values w on the grid: equal-mass quantiles of F_w, plus the reserve value and the pools' ends.</summary>
    public int ValuePoints { get; init; } = 33;

    /// <summary>Scales s on the grid: equal-mass quantiles of F_s (just s = 1 without a scale distribution).</summary>
    public int ScalePoints { get; init; } = 7;

    /// <summary>A thorough audit: about 40 times the default grid.</summary>
    public static AuditOptions Thorough { get; } = new() { ValuePoints = 161, ScalePoints = 25 };
}

/// <summary>One deviation found by an audit: who deviates, to what, and what it gains.</summary>
/// <param name="Menu">"direct", "tariff" or "package".</param>
/// <param name="Type">The deviating type, in words (e.g. "(w = 0.9, s = 1)" or "θ = 0.8").</param>
/// <param name="Deviation">What it takes instead, in words.</param>
/// <param name="Gain">Its payoff gain over its own item.</param>
public sealed record AuditFinding(string Menu, string Type, string Deviation, double Gain);

/// <summary>
/// What <see cref="MenuAudit.Audit(IPricingModel, AuditOptions)"/> found. Regrets are the largest gain a type on the grid gets from a deviation,
/// divided by the largest transfer on the grid; so is the participation violation. Gains below 10⁻¹² of the largest
/// transfer are rounding and count as 0.
/// </summary>
/// <param name="DirectRegret">Reporting another type (w′, s′) to the direct menu of contracts.</param>
/// <param name="TariffRegret">Choosing another type's two-part tariff and buying tokens optimally at its prices within its task cap.</param>
/// <param name="PackageRegret">Choosing another θ's package, package tariff or committed-spend plan (index models; 0 otherwise).</param>
/// <param name="ParticipationViolation">The most negative buyer utility or seller profit of an item, as a positive share of the largest transfer; 0 when none.</param>
/// <param name="TypesChecked">Grid types audited: (w, s) pairs plus θ values.</param>
/// <param name="WorstFinding">The deviation with the largest regret, or null when none gains.</param>
/// <param name="PackagesSkipped">Why the package menus were not audited (the model cannot compute them), or null.</param>
public sealed record AuditReport(double DirectRegret, double TariffRegret, double PackageRegret, double ParticipationViolation, int TypesChecked, AuditFinding? WorstFinding, string? PackagesSkipped = null)
{
    /// <summary>The largest of the three regrets.</summary>
    public double MaxRegret => Math.Max(DirectRegret, Math.Max(TariffRegret, PackageRegret));

    /// <summary>The worst deviation in words, or a one-line certificate when no deviation gains.</summary>
    public string Worst => WorstFinding is { } f
        ? $"{f.Menu} menu: type {f.Type} gains {f.Gain:G4} by taking {f.Deviation}"
        : "no type on the grid gains from any deviation";

    /// <inheritdoc/>
    public override string ToString() =>
        $"max regret {MaxRegret:G3} over {TypesChecked} types (direct {DirectRegret:G3}, tariff {TariffRegret:G3}, package {PackageRegret:G3}); participation violation {ParticipationViolation:G3}; {Worst}"
        + (PackagesSkipped is null ? "" : $"; packages not audited: {PackagesSkipped}");
}

/// <summary>
/// Incentive audit of a model's menus by brute force over a grid of types: every type against every other type's
/// item, in the direct menu, the tariff menu and (index models) the package menus. It checks the menus a model
/// actually returns, generated or runtime-built, without trusting the theory that built them.
/// </summary>
public static class MenuAudit
{
    /// <summary>Audits the direct, tariff and (for index models) package menus of <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">The grid sizes are below 2.</exception>
    /// <exception cref="InvalidOperationException">A menu item or a deviation's first best cannot be computed (a custom technology the solver cannot solve).</exception>
    public static AuditReport Audit(IPricingModel model, AuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new AuditOptions();
        if (options.ValuePoints < 2) throw new ArgumentOutOfRangeException(nameof(options), options.ValuePoints, "ValuePoints must be at least 2.");
        if (options.ScalePoints < 2) throw new ArgumentOutOfRangeException(nameof(options), options.ScalePoints, "ScalePoints must be at least 2.");
        try { return Checked(model, options); }
        catch (ArithmeticException e) when (ValueScaleMenu.FromSolver(e))
        {
            throw new InvalidOperationException($"The audit could not evaluate a deviation: {e.Message}.", e);
        }
    }

    private static AuditReport Checked(IPricingModel model, AuditOptions options)
    {
        var d = model.Description;
        var technology = d.Core;

        var values = ValueGrid(d.Values.Core, model.ReserveValue, options.ValuePoints);
        var scales = d.Scales is { } s ? Grid(s.Core, options.ScalePoints) : [1.0];
        var types = (from w in values from sc in scales select (Value: w, Scale: sc)).ToArray();
        var contracts = types.Select(t => model.Contract(t.Value, t.Scale)).ToArray();
        var tariffs = types.Select(t => model.Tariff(t.Value, t.Scale)).ToArray();
        var own = contracts.Select((c, i) => types[i].Value * c.Quality - c.Transfer).ToArray();
        double largest = contracts.Max(c => c.Transfer);

        var direct = new Worst(largest);
        var tariff = new Worst(largest);
        var participation = new Worst(largest);
        for (int i = 0; i < types.Length; i++)
        {
            var (w, sc) = types[i];
            participation.Offer(-contracts[i].BuyerUtility, "participation", Describe(w, sc), "its own contract (buyer utility)");
            participation.Offer(-contracts[i].Profit, "participation", Describe(w, sc), "its own contract (seller profit)");
            for (int j = 0; j < types.Length; j++)
            {
                if (i == j) continue;
                var (wj, sj) = types[j];
                var c = contracts[j];
                direct.Offer(w * c.Quality * TaskShare(sj, sc) - c.Transfer - own[i], "direct", Describe(w, sc), $"the contract of {Describe(wj, sj)}");
                tariff.Offer(TariffPayoff(technology, tariffs[j], w, sc) - own[i], "tariff", Describe(w, sc), $"the tariff of {Describe(wj, sj)}");
            }
        }

        var package = new Worst(1);
        int checkedTypes = types.Length;
        string? packagesSkipped = null;
        if (model is IIndexModel index && technology is CobbDouglasCore indexTechnology
            && PackageMenu(index, ThetaGrid(types, indexTechnology.Delta), out packagesSkipped) is var (thetas, packages, packageTariffs))
        {
            var spendPlans = thetas.Select(index.CommittedSpend).ToArray();
            var budgetQuality = spendPlans.Select(plan => QualityForBudget(indexTechnology, plan.Budget)).ToArray();
            var ownPackage = packages.Select((p, i) => thetas[i] * p.Quality - p.Transfer).ToArray();
            package = new Worst(packages.Max(p => p.Transfer));
            var packageParticipation = new Worst(package.Scale);
            for (int i = 0; i < thetas.Length; i++)
            {
                string type = $"θ = {thetas[i]:G6}";
                packageParticipation.Offer(-packages[i].BuyerUtility, "participation", type, "its own package (buyer utility)");
                packageParticipation.Offer(-packages[i].Profit, "participation", type, "its own package (seller profit)");
                for (int j = 0; j < thetas.Length; j++)
                {
                    if (i == j) continue;
                    package.Offer(thetas[i] * packages[j].Quality - packages[j].Transfer - ownPackage[i], "package", type, $"the package of θ = {thetas[j]:G6}");
                    package.Offer(TariffPayoff(technology, packageTariffs[j], thetas[i], 1) - ownPackage[i], "package", type, $"the package tariff of θ = {thetas[j]:G6}");
                    package.Offer(thetas[i] * budgetQuality[j] - spendPlans[j].Payment - ownPackage[i], "package", type, $"the committed-spend plan of θ = {thetas[j]:G6}");
                }
            }
            checkedTypes += thetas.Length;
            participation = Worst.Larger(participation, packageParticipation);
        }

        var worst = Worst.Larger(Worst.Larger(direct, tariff), package);
        return new AuditReport(direct.Regret, tariff.Regret, package.Regret, participation.Regret, checkedTypes, worst.Finding, packagesSkipped);
    }

    /// <summary>
    /// Audits a menu of published plans of <paramref name="model"/>: every θ on a grid (equal-mass quantiles of θ and both
    /// sides of every plan's lowest type) takes the plan the menu assigns it (the last whose <see cref="Plan.LowestType"/> it
    /// reaches, or none) and is checked against every other plan and against buying nothing. The quality a plan gives
    /// comes from spending its budget at its prices optimally (C(q, 1) inverted at the plan's markup), not from the plan's
    /// own <see cref="Plan.Quality"/>; a tariff (no budget) is used freely at its prices. Reported as
    /// <see cref="AuditReport.PackageRegret"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no index θ, or the grid size is below 2.</exception>
    public static AuditReport Audit(PlanMenu menu, IIndexModel model, AuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new AuditOptions();
        if (options.ValuePoints < 2) throw new ArgumentOutOfRangeException(nameof(options), options.ValuePoints, "ValuePoints must be at least 2.");
        var technology = MenuMetrics.Index(model.Description);
        var thetas = ThetaDistributions.For(model.Description.Values, model.Description.Scales, technology.Delta).Core;
        var grid = new List<double>(Grid(thetas, options.ValuePoints * options.ScalePoints));
        foreach (var plan in menu.Plans)
            foreach (double t in new[] { plan.LowestType * (1 - 1e-9), plan.LowestType * (1 + 1e-9) })
                if (t >= thetas.Lower && t <= thetas.Upper) grid.Add(t);
        var types = Distinct(grid);
        // A budget B at markup m buys the q with m·C(q, 1) = B (committed spend: m = 1); without a budget (a tariff) the
        // buyer buys freely at m·c and nets m times the first-best surplus of θ/m.
        var quality = menu.Plans.Select(p => double.IsPositiveInfinity(p.Budget) ? double.NaN : QualityForBudget(technology, p.Budget / p.Markup)).ToArray();
        double Payoff(int k, double theta) => double.IsNaN(quality[k])
            ? menu.Plans[k].Markup * technology.Surplus(theta / menu.Plans[k].Markup, 1) - menu.Plans[k].Fee
            : theta * quality[k] - menu.Plans[k].Fee;
        double largest = menu.Plans.Count == 0 ? 0 : menu.Plans.Max(p => p.Fee);
        var regret = new Worst(largest);
        var participation = new Worst(largest);
        foreach (double theta in types)
        {
            string type = $"θ = {theta:G6}";
            int own = -1;
            for (int k = 0; k < menu.Plans.Count; k++)
                if (menu.Plans[k].LowestType <= theta) own = k;
            double ownPayoff = own < 0 ? 0 : Payoff(own, theta);
            if (own >= 0)
            {
                participation.Offer(-ownPayoff, "participation", type, $"plan {own + 1} (buyer utility)");
                if (double.IsFinite(menu.Plans[own].Budget))
                    participation.Offer(menu.Plans[own].Budget - menu.Plans[own].Fee, "participation", type, $"plan {own + 1} (seller profit)");
            }
            regret.Offer(-ownPayoff, "plan", type, "buying no plan");
            for (int k = 0; k < menu.Plans.Count; k++)
                if (k != own)
                    regret.Offer(Payoff(k, theta) - ownPayoff, "plan", type, $"plan {k + 1} (fee {menu.Plans[k].Fee:G6})");
        }
        return new AuditReport(0, 0, regret.Regret, participation.Regret, types.Length, Worst.Larger(regret, participation).Finding);
    }

    /// <summary>
    /// The packages and package tariffs of the θ grid, or null with the reason when the model cannot compute them
    /// (a law of θ it does not support): the other menus are still audited.
    /// </summary>
    private static (double[] Thetas, PackageContract[] Packages, TwoPartTariff[] Tariffs)? PackageMenu(IIndexModel model, double[] thetas, out string? skipped)
    {
        skipped = null;
        try
        {
            return (thetas, thetas.Select(model.Package).ToArray(), thetas.Select(model.PackageTariff).ToArray());
        }
        catch (NotSupportedException e)
        {
            skipped = e.Message;
            return null;
        }
    }

    /// <summary>
    /// The best a buyer of value <paramref name="value"/> on <paramref name="scale"/> tasks does with a tariff: nothing
    /// (no sale); the whole bundle, of which it uses its share of the tasks; or tokens bought freely at m·c on up to
    /// the cap's tasks, which nets m times the first-best surplus of a buyer of value w/m.
    /// </summary>
    private static double TariffPayoff(TechnologyCore technology, TwoPartTariff tariff, double value, double scale)
    {
        if (tariff.IsNoSale) return 0;
        if (tariff.Included is { } bundle)
            return value * bundle.Quality * TaskShare(tariff.TaskCap, scale) - tariff.Fee;
        double tasks = Math.Min(scale, tariff.TaskCap);
        return tariff.Markup * technology.Surplus(value / tariff.Markup, tasks) - tariff.Fee;
    }

    /// <summary>
    /// The most quality a token budget buys at marginal cost: the q with C(q, 1) = budget, by bisection on the cost
    /// function (not the package formulas the plan came from).
    /// </summary>
    private static double QualityForBudget(CobbDouglasCore technology, double budget)
    {
        if (!(budget > 0)) return 0;
        double hi = 1;
        while (technology.Cost(hi, 1) < budget && hi < 1e300) hi *= 2;
        return Numeric.FirstTrue(q => technology.Cost(q, 1) >= budget, 0, hi);
    }

    /// <summary>
    /// The share of a fixed bundle's quality a buyer with <paramref name="scale"/> tasks uses: per-task quality is fixed,
    /// so a bundle for more tasks than it runs is used on its own tasks only.
    /// </summary>
    private static double TaskShare(double bundleTasks, double scale) => bundleTasks <= scale ? 1 : scale / bundleTasks;

    /// <summary>Equal-mass quantiles (the top one just inside an unbounded support), sorted and distinct.</summary>
    private static double[] Grid(DistributionCore d, int points)
    {
        var grid = new List<double>(points);
        double topLevel = double.IsPositiveInfinity(d.Upper) ? 1 - 1e-4 : 1;
        for (int i = 0; i < points; i++) grid.Add(d.Quantile(topLevel * i / (points - 1)));
        return Distinct(grid);
    }

    // The reserve value and both sides of each pool's ends are where the menu changes form.
    private static double[] ValueGrid(DistributionCore values, double reserve, int points)
    {
        var grid = new List<double>(Grid(values, points)) { reserve };
        foreach (var pool in values.PoolingIntervals)
            foreach (double end in new[] { pool.Lower, pool.Upper })
                foreach (double t in new[] { end, end * (1 - 1e-6), end * (1 + 1e-6) })
                    if (t >= values.Lower && t <= values.Upper) grid.Add(t);
        return Distinct(grid);
    }

    // θ = w s^δ of the value-scale grid, thinned to as many points as the value grid has types.
    private static double[] ThetaGrid((double Value, double Scale)[] types, double delta)
    {
        var all = Distinct(types.Select(t => t.Value * Math.Pow(t.Scale, delta)).ToList());
        int keep = Math.Min(all.Length, 96);
        var grid = new List<double>(keep);
        for (int i = 0; i < keep; i++) grid.Add(all[(int)Math.Round((double)i * (all.Length - 1) / Math.Max(1, keep - 1))]);
        return Distinct(grid);
    }

    private static double[] Distinct(List<double> points)
    {
        points.Sort();
        var distinct = new List<double>(points.Count);
        foreach (double p in points)
            if (distinct.Count == 0 || p > distinct[^1]) distinct.Add(p);
        return distinct.ToArray();
    }

    private static string Describe(double value, double scale) => $"(w = {value:G6}, s = {scale:G6})";

    /// <summary>The largest gain offered so far, relative to a transfer scale.</summary>
    private sealed class Worst(double scale)
    {
        private const double RoundingFloor = 1e-12;

        public double Scale { get; } = scale;
        public double Gain { get; private set; }
        public AuditFinding? Finding { get; private set; }
        public double Regret => Scale > 0 ? Gain / Scale : Gain;

        // Gains within rounding of the largest transfer are not deviations worth naming.
        public void Offer(double gain, string menu, string type, string deviation)
        {
            if (!(gain > Gain) || !(gain > RoundingFloor * Scale)) return;
            Gain = gain;
            Finding = new AuditFinding(menu, type, deviation, gain);
        }

        public static Worst Larger(Worst a, Worst b) => b.Regret > a.Regret ? b : a;
    }
}
