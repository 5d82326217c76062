using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MenuDsl.Reports;

/// <summary>
/// Tables of a model's menus (docs/reports.md): build a <see cref="ReportTable"/> with <see cref="Grid"/>,
/// <see cref="Tariffs"/>, <see cref="Packages"/> or <see cref="Plans"/> and write it with
/// <see cref="ReportTable.WriteCsv"/>, <see cref="ReportTable.WriteJson"/> or <see cref="ReportTable.Save"/>, or use the
/// one-call <c>Write…Csv</c>/<c>Write…Json</c> methods. Amounts are in the model's currency (USD in the docs), tokens
/// per task for contracts and total for packages.
/// </summary>
public static class MenuReport
{
    private const string Usd = "USD", PerToken = "USD per token", One = "1";

    /// <summary>
    /// The contractible menu on an n × m grid of values w and scales s (rows w-major: all scales of the first value
    /// first), filled by <see cref="IPricingModel.ContractGrid"/>: the contract (quality, tokens per task of every class,
    /// fine-tuning, transfer, cost, rent, profit) and the two-part tariff that implements it (markup, per-class prices,
    /// fee, task cap; a pooled type's item is a bundle sold whole, <c>pooled</c> = 1, prices empty/null).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An explicit type or scale lies outside the model's support.</exception>
    public static ReportTable Grid(IPricingModel model, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (values, scales) = ValueScaleGrid(model, options);
        var d = model.Description;
        var classes = d.TokenCosts;
        var index = model as IIndexModel;
        var contracts = new Contract[values.Length * scales.Length];
        model.ContractGrid(values, scales, contracts);

        var columns = new List<ReportColumn>
        {
            new("w", "USD per unit quality", "value of quality per task (the type)"),
            new("s", One, "scale: share of tasks the buyer runs"),
        };
        if (index is not null) columns.Add(new("theta", "USD per unit quality", "representative type θ = w s^δ"));
        columns.Add(new("served", One, "the type buys (w above the reserve value)", IsFlag: true));
        columns.Add(new("fine_tunes", One, "the contract includes fine-tuning tokens", IsFlag: true));
        columns.Add(new("quality", "quality units", "q, total quality delivered"));
        columns.AddRange(classes.Select(c => new ReportColumn($"tokens_{c.Name}", "tokens per task", $"{c.Name} tokens per task")));
        columns.Add(new("fine_tuning_tokens", "tokens", "z, fine-tuning tokens"));
        columns.Add(new("transfer", Usd, "T, the payment"));
        columns.Add(new("cost", Usd, "C(q, s), the seller's cost"));
        columns.Add(new("rent", Usd, "buyer's information rent w q − T"));
        columns.Add(new("profit", Usd, "T − C"));
        AddTariffColumns(columns, classes, cap: true);

        var rows = new List<double[]>(contracts.Length);
        for (int i = 0; i < values.Length; i++)
            for (int j = 0; j < scales.Length; j++)
            {
                var c = contracts[i * scales.Length + j];
                var row = new List<double> { values[i], scales[j] };
                if (index is not null) row.Add(index.Theta(values[i], scales[j]));
                row.Add(c.IsEmpty ? 0 : 1);
                row.Add(c.FineTuning > 0 ? 1 : 0);
                row.Add(c.Quality);
                row.AddRange(d.ClassTokens(c));
                row.AddRange([c.FineTuning, c.Transfer, c.Cost, c.BuyerUtility, c.Profit]);
                AddTariff(row, d, model.Tariff(values[i], scales[j]), cap: true);
                rows.Add([.. row]);
            }
        return new ReportTable("grid", d.ToString(), columns, rows);
    }

    /// <summary>
    /// The two-part tariff menu on the same n × m grid as <see cref="Grid"/>: for each type (w, s) the fee, the markup,
    /// the price per token of every class, the fine-tuning price and the task cap; a pooled type's item is a bundle
    /// (quality <c>bundle_quality</c>) sold whole for the fee.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An explicit type or scale lies outside the model's support.</exception>
    public static ReportTable Tariffs(IPricingModel model, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (values, scales) = ValueScaleGrid(model, options);
        var d = model.Description;
        var columns = new List<ReportColumn>
        {
            new("w", "USD per unit quality", "value of quality per task (the type)"),
            new("s", One, "scale: share of tasks the buyer runs"),
            new("served", One, "the type buys: a fee is charged or a bundle included", IsFlag: true),
        };
        AddTariffColumns(columns, d.TokenCosts, cap: true);
        columns.Add(new("bundle_quality", "quality units", "quality of a pooled type's bundle (0 for a plain tariff)"));
        var rows = new List<double[]>();
        foreach (double w in values)
            foreach (double s in scales)
            {
                var t = model.Tariff(w, s);
                var row = new List<double> { w, s, t.IsNoSale ? 0 : 1 };
                AddTariff(row, d, t, cap: true);
                row.Add(t.Included?.Quality ?? 0);
                rows.Add([.. row]);
            }
        return new ReportTable("tariffs", d.ToString(), columns, rows);
    }

    /// <summary>
    /// The token-package menu of an index model over n types θ (equal-probability points of the served θ unless
    /// <see cref="GridOptions.Types"/> is given): the package (quality Q, total tokens of every class, fine-tuning,
    /// transfer T(θ), cost, rent, profit), the package tariff (fee, markup, per-class prices; no task cap) and the
    /// committed-spend plan (<c>payment</c> = T(θ) for a token <c>budget</c> = C(Q(θ)) at marginal cost).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An explicit θ lies outside the support of θ.</exception>
    public static ReportTable Packages(IIndexModel model, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= GridOptions.Default;
        double[] thetas = options.Types is { } given ? [.. given] : ReportGrids.Thetas(model, options.Count);
        var d = model.Description;
        var classes = d.TokenCosts;
        var columns = new List<ReportColumn>
        {
            new("theta", "USD per unit quality", "representative type θ = w s^δ"),
            new("served", One, "the type buys (φ_θ(θ) > 0)", IsFlag: true),
            new("fine_tunes", One, "the package includes fine-tuning tokens", IsFlag: true),
            new("quality", "quality units", "Q, the package's quality index"),
        };
        columns.AddRange(classes.Select(c => new ReportColumn($"tokens_{c.Name}", "tokens", $"total {c.Name} tokens in the package")));
        columns.Add(new("fine_tuning_tokens", "tokens", "Z, fine-tuning tokens"));
        columns.Add(new("transfer", Usd, "T(θ), the package's price"));
        columns.Add(new("cost", Usd, "C(Q), the seller's cost"));
        columns.Add(new("rent", Usd, "buyer's information rent θ Q − T"));
        columns.Add(new("profit", Usd, "T − C"));
        AddTariffColumns(columns, classes, cap: false);
        columns.Add(new("payment", Usd, "committed spend: the up-front payment, T(θ)"));
        columns.Add(new("budget", Usd, "committed spend: the token budget at marginal cost, C(Q(θ))"));
        var rows = new List<double[]>();
        foreach (double theta in thetas)
        {
            var p = model.Package(theta);
            var row = new List<double> { theta, p.Quality > 0 ? 1 : 0, p.FineTuning > 0 ? 1 : 0, p.Quality };
            row.AddRange(d.ClassTokens(p));
            row.AddRange([p.FineTuning, p.Transfer, p.Cost, p.BuyerUtility, p.Profit]);
            AddTariff(row, d, model.PackageTariff(theta), cap: false);
            var plan = model.CommittedSpend(theta);
            row.AddRange([plan.Payment, plan.Budget]);
            rows.Add([.. row]);
        }
        return new ReportTable("packages", d.ToString(), columns, rows);
    }

    /// <summary>
    /// A menu of K plans (<see cref="PlanDesigner"/>), one row per plan, cheapest first: fee, markup, budget (empty/null
    /// for a two-part tariff, which sells tokens freely), per-class prices, fine-tuning price, lowest type, quality,
    /// share of buyers. The summary holds <c>expected_profit</c>, <c>continuous_profit</c> and <c>retained</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="menu"/> or <paramref name="model"/> is null.</exception>
    public static ReportTable Plans(PlanMenu menu, IIndexModel model)
    {
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var classes = d.TokenCosts;
        var columns = new List<ReportColumn>
        {
            new("plan", One, "plan number, 1 = cheapest"),
            new("fee", Usd, "what the plan costs"),
            new("markup", One, "per-token prices over marginal cost"),
            new("budget", Usd, "token spend included at the listed prices (empty/null: tokens bought freely)"),
        };
        columns.AddRange(classes.Select(c => new ReportColumn($"price_{c.Name}", PerToken, $"price per {c.Name} token")));
        columns.Add(new("price_fine_tuning", PerToken, "price per fine-tuning token"));
        columns.Add(new("lowest_type", "USD per unit quality", "the lowest θ that chooses the plan"));
        columns.Add(new("quality", "quality units", "Q the budget buys (a tariff: what its lowest buyer buys)"));
        columns.Add(new("share", One, "share of all buyers choosing the plan"));
        var rows = menu.Plans.Select((p, k) =>
        {
            var row = new List<double> { k + 1, p.Fee, p.Markup, p.Budget };
            row.AddRange(classes.Select(c => p.Markup * c.Cost));
            row.AddRange([p.FineTuningPrice, p.LowestType, p.Quality, p.Share]);
            return row.ToArray();
        });
        (string, double)[] summary =
            [("expected_profit", menu.ExpectedProfit), ("continuous_profit", menu.ContinuousProfit), ("retained", menu.Retained)];
        return new ReportTable("plans", d.ToString(), columns, rows, summary);
    }

    /// <summary>Writes <see cref="Grid"/> as CSV.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteGridCsv(IPricingModel model, TextWriter writer, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Grid(model, options).WriteCsv(writer);
    }

    /// <summary>Writes <see cref="Grid"/> as JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteGridJson(IPricingModel model, TextWriter writer, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Grid(model, options).WriteJson(writer);
    }

    /// <summary>Writes <see cref="Tariffs"/> as CSV.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteTariffsCsv(IPricingModel model, TextWriter writer, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Tariffs(model, options).WriteCsv(writer);
    }

    /// <summary>Writes <see cref="Tariffs"/> as JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="writer"/> is null.</exception>
    public static void WriteTariffsJson(IPricingModel model, TextWriter writer, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Tariffs(model, options).WriteJson(writer);
    }

    /// <summary>Writes <see cref="Packages"/> as CSV.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="writer"/> is null.</exception>
    public static void WritePackagesCsv(IIndexModel model, TextWriter writer, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Packages(model, options).WriteCsv(writer);
    }

    /// <summary>Writes <see cref="Packages"/> as JSON.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="writer"/> is null.</exception>
    public static void WritePackagesJson(IIndexModel model, TextWriter writer, GridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Packages(model, options).WriteJson(writer);
    }

    /// <summary>Writes <see cref="Plans"/> as CSV.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WritePlansCsv(PlanMenu menu, IIndexModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Plans(menu, model).WriteCsv(writer);
    }

    /// <summary>Writes <see cref="Plans"/> as JSON.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WritePlansJson(PlanMenu menu, IIndexModel model, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Plans(menu, model).WriteJson(writer);
    }

    internal static (double[] Values, double[] Scales) ValueScaleGrid(IPricingModel model, GridOptions? options)
    {
        options ??= GridOptions.Default;
        double[] values = options.Types is { } w ? [.. w] : ReportGrids.Values(model, options.Count);
        double[] scales = options.Scales is { } s ? [.. s] : ReportGrids.Scales(model, options.ScaleCount);
        return (values, scales);
    }

    private static void AddTariffColumns(List<ReportColumn> columns, IReadOnlyList<TokenCost> classes, bool cap)
    {
        columns.Add(new("markup", One, "m: per-token prices over marginal cost (empty/null: no tokens sold separately)"));
        columns.AddRange(classes.Select(c => new ReportColumn($"price_{c.Name}", PerToken, $"price per {c.Name} token, m × cost")));
        columns.Add(new("price_fine_tuning", PerToken, "price per fine-tuning token, m × c_z"));
        columns.Add(new("fee", Usd, "p0, the fixed fee of the two-part tariff"));
        if (cap) columns.Add(new("task_cap", One, "the tariff's task cap s"));
        columns.Add(new("pooled", One, "an ironed pool's bundle sold whole instead of a tariff", IsFlag: true));
    }

    private static void AddTariff(List<double> row, ModelDescription d, TwoPartTariff t, bool cap)
    {
        row.Add(t.Markup);
        row.AddRange(d.ClassPrices(t));
        row.Add(t.FineTuningPrice);
        row.Add(t.Fee);
        if (cap) row.Add(t.TaskCap);
        row.Add(t.Included is null ? 0 : 1);
    }
}
