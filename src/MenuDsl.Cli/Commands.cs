using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using MenuDsl.Reports;
using static MenuDsl.Cli.CliApp;

namespace MenuDsl.Cli;

/// <summary><c>menudsl solve</c>: the optimal menu of a model file.</summary>
internal static class Solve
{
    // The printed table shows at most this many rows of the grid (the files hold all of them).
    private const int MaxTableRows = 40;

    public static int Run(ModelFile file, int grid, string? outDir, bool plots, TextWriter output)
    {
        CheckRange(grid, 2, 1000, "--grid");
        output.WriteLine($"Model ({file.Source}): {file.Summary}");
        output.WriteLine();
        if (file.Binary is { } binary) return RunBinary(file, binary.BinaryMenu, outDir, output);

        var model = file.IndexModel ?? throw new InvalidOperationException("The model file declares no distribution of values.");
        var menu = MenuTable.Build(model, grid);
        output.WriteLine($"Reserve value {Format(model.ReserveValue)} (types below it are not served); fine-tuning threshold θ̂ = {Format(model.FineTuningThreshold)}.");
        output.WriteLine($"Optimal menu on {menu.Values.Length} served value quantiles × {menu.Scales.Length} scale(s), implemented as two-part tariffs "
            + "(per-token prices = markup × cost, plus a fee, on at most s tasks); tokens are totals over the buyer's s tasks:");
        var classes = model.Description.TokenCosts.Select(c => c.Name).ToArray();
        var table = Table(output, ["w", "s", "quality", .. classes.Select(c => c + " tokens"), "fine-tuning", "payment", "markup",
            .. classes.Select(c => c + " price"), "fine-tuning price", "fee"]);
        int step = (menu.Items.Length + MaxTableRows - 1) / MaxTableRows;
        for (int i = 0; i < menu.Items.Length; i += step)
        {
            var item = menu.Items[i];
            Row(table, [Format(item.Value), Format(item.Scale), Format(item.Contract.Quality), .. item.Tokens.Select(Format), Format(item.Contract.FineTuning),
                Format(item.Contract.Transfer), Format(item.Tariff.Markup), .. item.Prices.Select(Format), Format(item.Tariff.FineTuningPrice), Format(item.Tariff.Fee)]);
        }
        CliApp.Console(output).Write(table);
        if (step > 1) output.WriteLine($"(every {step}th of {menu.Items.Length} grid types shown; --out writes all of them)");
        output.WriteLine();

        double contractible = model.ExpectedProfit(), packages = model.ExpectedPackageProfit();
        output.WriteLine($"Expected profit, contractible menu: {Format(contractible)}");
        output.WriteLine($"Expected profit, token packages:    {Format(packages)} ({Percent(packages / contractible)} of contractible)");
        var audit = MenuAudit.Audit(model);
        output.WriteLine($"Incentive audit: {audit}");

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            string csv = Path.Combine(outDir, "menu.csv"), json = Path.Combine(outDir, "menu.json");
            // The grid table of MenuDsl.Reports (docs/reports.md) on the printed table's types: one menu format everywhere.
            var report = MenuReport.Grid(model, new GridOptions { Types = menu.Values, Scales = menu.Scales });
            report.Save(csv);
            report.Save(json);
            output.WriteLine();
            output.WriteLine($"Wrote {csv}");
            output.WriteLine($"Wrote {json}");
            if (plots)
                foreach (string path in Plots.Write(model, outDir)) output.WriteLine($"Wrote {path}");
            else
                output.WriteLine("Plots not written (--no-plots).");
        }
        return Success;
    }

    private static int RunBinary(ModelFile file, BinaryMenu menu, string? outDir, TextWriter output)
    {
        output.WriteLine($"Binary environment: regime {menu.Regime}; task segments of widths [{string.Join(", ", menu.SegmentWidths.Select(Format))}].");
        var table = Table(output, "type", "probability", "task values", "quality per task", "input per task", "output per task", "fine-tuning", "payment", "cost", "buyer utility", "profit");
        foreach (var (label, item) in new[] { ("H", menu.High), ("L", menu.Low) })
            Row(table, label, Format(item.Profile.Probability), List(item.Profile.TaskValues), List(item.Quality), List(item.Input), List(item.Output),
                Format(item.FineTuning), Format(item.Transfer), Format(item.Cost), Format(item.BuyerUtility), Format(item.Profit));
        CliApp.Console(output).Write(table);
        output.WriteLine();
        output.WriteLine($"Expected profit: {Format(menu.ExpectedProfit)}");
        output.WriteLine("Incentive audit: not run for the binary environment (the solver keeps only a menu that passes every incentive and participation constraint).");
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            string csv = Path.Combine(outDir, "menu.csv"), json = Path.Combine(outDir, "menu.json");
            File.WriteAllText(csv, MenuFiles.BinaryCsv(menu));
            File.WriteAllText(json, MenuFiles.BinaryJson(file, menu));
            output.WriteLine();
            output.WriteLine($"Wrote {csv}");
            output.WriteLine($"Wrote {json}");
            output.WriteLine("Plots: none for the binary environment (MenuDsl.Reports plots menus of a continuum of types).");
        }
        return Success;
    }

    private static string List(IEnumerable<double> xs) => "[" + string.Join(", ", xs.Select(Format)) + "]";
}

/// <summary>The menu on a grid of types: served value quantiles × scale quantiles.</summary>
internal sealed record MenuTable(double[] Values, double[] Scales, MenuItem[] Items)
{
    public static MenuTable Build(IIndexModel model, int n)
    {
        var d = model.Description;
        // n equal-probability quantiles of the served values: u = u0 + (1 − u0)(i + ½)/n, u0 = F(reserve).
        double u0 = Math.Clamp(d.Values.Cdf(model.ReserveValue), 0, 1);
        double[] values = [.. Enumerable.Range(0, n).Select(i => d.Values.Quantile(u0 + (1 - u0) * (i + 0.5) / n))];
        double[] scales = d.Scales is { } s ? [.. Enumerable.Range(0, n).Select(j => s.Quantile((j + 0.5) / n))] : [1.0];
        var contracts = new Contract[values.Length * scales.Length];
        model.ContractGrid(values, scales, contracts);
        var items = new MenuItem[contracts.Length];
        for (int i = 0; i < values.Length; i++)
            for (int j = 0; j < scales.Length; j++)
            {
                var c = contracts[i * scales.Length + j];
                var t = model.Tariff(values[i], scales[j]);
                items[i * scales.Length + j] = new MenuItem(values[i], scales[j], c, t,
                    [.. d.ClassTokens(c).Select(x => x * scales[j])], d.ClassPrices(t));
            }
        return new MenuTable(values, scales, items);
    }
}

/// <summary>One grid type's contract and tariff; <see cref="Tokens"/> are totals over its s tasks, per token class.</summary>
internal sealed record MenuItem(double Value, double Scale, Contract Contract, TwoPartTariff Tariff, double[] Tokens, double[] Prices);

/// <summary><c>menudsl plans</c>: K plans and their price sheet.</summary>
internal static class Plans
{
    public static int Run(ModelFile file, int count, bool tariffs, string? export, string name, string? outFile, TextWriter output, TextWriter error)
    {
        var model = file.IndexModel ?? throw new ModelFileException(file.Source, "$.profiles",
            "plans need a distribution of values (\"values\"), not two type profiles: use 'menudsl solve' for the binary environment");
        if (tariffs) CheckRange(count, 1, 10, "--count");
        else CheckRange(count, 1, 50, "--count");
        var menu = tariffs ? PlanDesigner.TwoPartTariffs(model, count) : PlanDesigner.CommittedSpend(model, count);
        PriceSheet? sheet = null;
        if (export is not null)
        {
            try
            {
                sheet = PriceSheet.From(model, menu, name);
            }
            catch (ArgumentException e) when (e.ParamName == "name")
            {
                throw new InputException($"--name: {ModelFile.RuntimeMessage(e)}");
            }
        }
        // With the sheet on standard output the summary goes to standard error, so the sheet can be piped.
        var summary = export is not null && outFile is null ? error : output;
        summary.WriteLine($"Model ({file.Source}): {file.Summary}");
        summary.WriteLine();
        summary.WriteLine(tariffs
            ? $"{count} two-part tariffs (pay the fee, then buy any tokens at markup × cost):"
            : $"{count} committed-spend plans (pay the fee for a token budget spent at marginal cost on any mix):");
        var classes = model.Description.TokenCosts.Select(c => c.Name).ToArray();
        var table = Table(summary, ["plan", "fee", "budget", "markup", .. classes.Select(c => c + " price"), "fine-tuning price", "buyers from θ =", "share of buyers"]);
        int k = 1;
        foreach (var plan in menu.Plans)
        {
            double[] prices = [.. model.Description.TokenCosts.Select(c => plan.Markup * c.Cost)];
            Row(table, [(k++).ToString(System.Globalization.CultureInfo.InvariantCulture), Format(plan.Fee), Format(plan.Budget), Format(plan.Markup),
                .. prices.Select(Format), Format(plan.FineTuningPrice), Format(plan.LowestType), Percent(plan.Share)]);
        }
        CliApp.Console(summary).Write(table);
        summary.WriteLine();
        summary.WriteLine($"Expected profit: {Format(menu.ExpectedProfit)} against {Format(menu.ContinuousProfit)} for the continuous package menu: Retained {Percent(menu.Retained)}");
        summary.WriteLine($"Incentive audit of the plans: {MenuAudit.Audit(menu, model)}");

        if (sheet is not null)
        {
            string text;
            try
            {
                text = export switch
                {
                    "litellm" => sheet.ToLiteLlmJson(),
                    "genai-prices" => sheet.ToGenAiPricesJson(),
                    _ => sheet.ToCsv(),
                };
            }
            catch (NotSupportedException e)
            {
                throw new InputException($"--export {export}: {e.Message}");
            }
            if (outFile is null) output.Write(text);
            else
            {
                string? directory = Path.GetDirectoryName(Path.GetFullPath(outFile));
                if (directory is not null) Directory.CreateDirectory(directory);
                File.WriteAllText(outFile, text);
                summary.WriteLine($"Wrote the {export} price sheet to {outFile}");
            }
        }
        return Success;
    }
}

/// <summary><c>menudsl calibrate</c>: usage → θ → fitted law → linear vs optimal vs K plans.</summary>
internal static class Calibrate
{
    public static int Run(string usagePath, double markup, string? modelPath, int count, string? outFile, TextWriter output)
    {
        if (!(markup >= 1) || !double.IsFinite(markup)) throw new InputException($"--markup: must be finite and >= 1 but is {Format(markup)}");
        CheckRange(count, 1, 50, "--count");
        ModelFile technologyFile = modelPath is null
            ? ModelFile.Parse(DefaultTechnologyJson, "default technology", technologyOnly: true)
            : ModelFile.Load(modelPath, technologyOnly: true);
        output.WriteLine(modelPath is null
            ? $"No --model given: using the default technology, {technologyFile.Summary}."
            : $"Technology from {modelPath} (its values and scales are ignored: calibration fits them): {technologyFile.Summary}.");
        if (!File.Exists(usagePath)) throw new InputException($"{usagePath}: file not found");

        var technology = technologyFile.WithValues(TypeDistribution.Uniform(0, 1));
        Usage[] usage = Calibration.ReadUsage(usagePath, technology.Description);
        double[] thetas = Calibration.Thetas(technology, usage, markup);
        DistributionFit fit;
        try
        {
            fit = Calibration.FitValues(thetas);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{usagePath}: {ModelFile.RuntimeMessage(e)}");
        }
        output.WriteLine($"Read {usage.Length} customers from {usagePath} bought at {Format(markup)} × cost; {fit.ZeroCount} bought nothing (counted, not fitted).");
        output.WriteLine($"Fitted law of θ: {fit.Distribution} ({(fit.Family is { } f ? $"{f}, best by AIC" : "empirical: no family passed the KS test")}); "
            + $"KS statistic {Format(fit.KolmogorovSmirnov)} (critical {Format(fit.CriticalDistance)}, n = {fit.SampleSize})");

        var model = technologyFile.WithValues(fit.Distribution);
        double linear = model.LinearPricingProfit(markup), optimal = model.ExpectedProfit();
        var plans = PlanDesigner.CommittedSpend(model, count);
        output.WriteLine();
        output.WriteLine("Expected profit per customer under the fitted law:");
        var table = Table(output, "selling", "expected profit", "of the optimal menu");
        Row(table, $"linear pricing at {Format(markup)} × cost", Format(linear), Percent(linear / optimal));
        Row(table, "optimal menu", Format(optimal), Percent(1));
        Row(table, $"{count} committed-spend plans", Format(plans.ExpectedProfit), Percent(plans.ExpectedProfit / optimal));
        CliApp.Console(output).Write(table);
        output.WriteLine($"The {count} plans keep {Percent(plans.Retained)} of the continuous package menu's profit (Retained).");
        if (outFile is not null)
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(outFile));
            if (directory is not null) Directory.CreateDirectory(directory);
            File.WriteAllText(outFile, FittedModel(technologyFile, fit, thetas, usagePath, markup));
            output.WriteLine($"Wrote {outFile}: the technology with the fitted values; 'menudsl plans {outFile} --export litellm' publishes the plans.");
        }
        return Success;
    }

    // The technology file with "values" replaced by the fitted law (a family's parameters, or the empirical law's sample).
    private static string FittedModel(ModelFile technology, DistributionFit fit, double[] thetas, string usagePath, double markup)
    {
        var root = (JsonObject)JsonNode.Parse(technology.Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        foreach (string key in new[] { "description", "values", "scales", "profiles" }) root.Remove(key);
        var values = new JsonObject();
        if (fit.Distribution.Kind is { } kind)
        {
            values["kind"] = kind.ToString();
            values["parameters"] = new JsonArray([.. fit.Distribution.Parameters.Select(x => (JsonNode?)JsonValue.Create(x))]);
        }
        else
        {
            values["kind"] = "Empirical";
            values["sample"] = new JsonArray([.. thetas.Where(t => t > 0).Select(x => (JsonNode?)JsonValue.Create(x))]);
        }
        var model = new JsonObject { ["description"] = $"Fitted by menudsl calibrate from {Path.GetFileName(usagePath)} at markup {Format(markup)}: θ ~ {fit.Distribution}" };
        foreach (var (key, node) in root.ToArray())
        {
            root.Remove(key);
            model[key] = node;
        }
        model["values"] = values;
        return model.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}

/// <summary>
/// Plots for <c>solve --out</c>, drawn by MenuDsl.Reports (docs/reports.md): the two-part tariff menu against the type
/// (tariffs.png and tariffs.svg) and the menus of 1 and 3 committed-spend plans over the continuous package menu (plans.png).
/// </summary>
internal static class Plots
{
    /// <summary>Writes the plots into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(IIndexModel model, string directory)
    {
        string tariffsPng = Path.Combine(directory, "tariffs.png"), tariffsSvg = Path.Combine(directory, "tariffs.svg"), plansPng = Path.Combine(directory, "plans.png");
        using (var plot = MenuPlots.Tariffs(model))
        {
            MenuPlots.Save(plot, tariffsPng);
            MenuPlots.Save(plot, tariffsSvg);
        }
        using (var plot = MenuPlots.Plans(model, [PlanDesigner.CommittedSpend(model, 1), PlanDesigner.CommittedSpend(model, 3)]))
            MenuPlots.Save(plot, plansPng);
        return [tariffsPng, tariffsSvg, plansPng];
    }
}
