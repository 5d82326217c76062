using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using MenuDsl;
using Xunit;

namespace MenuDsl.Reports.Tests;

public sealed class TableTests(PlanMenus menus) : IClassFixture<PlanMenus>
{
    private static string Write(Action<TextWriter> write)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        write(text);
        return text.ToString();
    }

    private static void Close(double expected, double actual) =>
        Assert.True(expected == actual || Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    [Theory]
    [InlineData("default")]
    [InlineData("finetuning")]
    [InlineData("classes")]
    public void GridCsvHasOneRowPerTypeAndTheModelsOwnNumbers(string name)
    {
        var model = name switch { "default" => Models.Default.Value, "finetuning" => Models.FineTuning.Value, _ => Models.TokenClasses.Value };
        var options = new GridOptions { Count = 7, ScaleCount = 3 };
        var csv = new Csv(Write(w => MenuReport.WriteGridCsv(model, w, options)));
        Assert.Equal(7 * 3, csv.Rows.Length);
        csv.AssertAllNumbers();
        var d = model.Description;
        foreach (var c in d.TokenCosts)
        {
            csv.Index($"tokens_{c.Name}");
            csv.Index($"price_{c.Name}");
        }
        foreach (int row in new[] { 0, 10, 20 })
        {
            double w = csv.Number(row, "w"), s = csv.Number(row, "s");
            var contract = model.Contract(w, s);
            var tariff = model.Tariff(w, s);
            Close(contract.Quality, csv.Number(row, "quality"));
            Close(contract.Transfer, csv.Number(row, "transfer"));
            Close(contract.Cost, csv.Number(row, "cost"));
            Close(contract.BuyerUtility, csv.Number(row, "rent"));
            Close(contract.Profit, csv.Number(row, "profit"));
            Close(contract.FineTuning, csv.Number(row, "fine_tuning_tokens"));
            Close(model.Theta(w, s), csv.Number(row, "theta"));
            var tokens = d.ClassTokens(contract);
            var prices = d.ClassPrices(tariff);
            for (int k = 0; k < tokens.Length; k++)
            {
                Close(tokens[k], csv.Number(row, $"tokens_{d.TokenCosts[k].Name}"));
                Close(prices[k], csv.Number(row, $"price_{d.TokenCosts[k].Name}"));
            }
            Close(tariff.Fee, csv.Number(row, "fee"));
            Close(tariff.Markup, csv.Number(row, "markup"));
            Close(tariff.TaskCap, csv.Number(row, "task_cap"));
        }
        // Every default grid point is a served type.
        Assert.All(Enumerable.Range(0, csv.Rows.Length), r => Assert.Equal("1", csv.Rows[r][csv.Index("served")]));
    }

    [Fact]
    public void DefaultGridIsEqualProbabilityPointsOfTheServedTypes()
    {
        // w ~ U[0, 1] with reserve ½ and s ~ U[0.2, 1]: midpoints of equal cells of [½, 1] and of [0.2, 1].
        var model = Models.Default.Value;
        var values = ReportGrids.Values(model, 4);
        var scales = ReportGrids.Scales(model, 2);
        Assert.Equal([0.5625, 0.6875, 0.8125, 0.9375], values.Select(v => Math.Round(v, 12)));
        Assert.Equal([0.4, 0.8], scales.Select(v => Math.Round(v, 12)));
        var thetas = ReportGrids.Thetas(model, 5);
        Assert.All(thetas, t => Assert.True(model.Package(t).Quality > 0));
        Assert.Equal(thetas.Order(), thetas);
    }

    [Fact]
    public void GridJsonHasColumnsRowsAndNoInfinity()
    {
        var model = Models.FineTuning.Value;
        // Types below the reserve value (½) are excluded: +∞ prices and markup become null.
        var options = new GridOptions { Types = [0.2, 0.7, 0.99], Scales = [0.5, 1] };
        string text = Write(w => MenuReport.WriteGridJson(model, w, options));
        Assert.DoesNotContain("Infinity", text);
        Assert.DoesNotContain("NaN", text);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal("grid", root.GetProperty("table").GetString());
        Assert.Contains("CobbDouglas", root.GetProperty("model").GetString());
        var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        Assert.Contains("transfer", columns);
        Assert.All(root.GetProperty("columns").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("unit").GetString())));
        var rows = root.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(6, rows.Length);
        Assert.Equal(columns, rows[0].EnumerateObject().Select(p => p.Name));
        // Excluded (w = 0.2): no sale.
        Assert.False(rows[0].GetProperty("served").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("markup").ValueKind);
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("price_output").ValueKind);
        Assert.Equal(0, rows[0].GetProperty("fee").GetDouble());
        // Served, and the top type at s = 1 fine-tunes in this model.
        var top = rows[5];
        Assert.True(top.GetProperty("served").GetBoolean());
        Assert.True(top.GetProperty("fine_tunes").GetBoolean());
        var contract = model.Contract(0.99, 1);
        Assert.Equal(contract.Transfer, top.GetProperty("transfer").GetDouble());
        Assert.Equal(contract.FineTuning, top.GetProperty("fine_tuning_tokens").GetDouble());
        Assert.Equal(model.Tariff(0.99, 1).Fee, top.GetProperty("fee").GetDouble());
        // The CSV form of an excluded type's prices is an empty field.
        var csv = new Csv(Write(w => MenuReport.WriteGridCsv(model, w, options)));
        Assert.Equal("", csv.Rows[0][csv.Index("markup")]);
        Assert.Equal("0", csv.Rows[0][csv.Index("served")]);
    }

    [Fact]
    public void TariffTablesMatchTheTariffs()
    {
        var model = Models.TokenClasses.Value;
        var options = new GridOptions { Count = 5, ScaleCount = 2 };
        var csv = new Csv(Write(w => MenuReport.WriteTariffsCsv(model, w, options)));
        Assert.Equal(10, csv.Rows.Length);
        csv.AssertAllNumbers();
        Assert.Equal(["w", "s", "served", "markup", "price_input", "price_cached_input", "price_output", "price_fine_tuning", "fee", "task_cap", "pooled", "bundle_quality"], csv.Header);
        for (int row = 0; row < 10; row += 3)
        {
            var t = model.Tariff(csv.Number(row, "w"), csv.Number(row, "s"));
            Close(t.Fee, csv.Number(row, "fee"));
            Close(0.1 * t.Markup, csv.Number(row, "price_cached_input"));
            Close(t.FineTuningPrice, csv.Number(row, "price_fine_tuning"));
        }
        using var doc = JsonDocument.Parse(Write(w => MenuReport.WriteTariffsJson(model, w, options)));
        Assert.Equal("tariffs", doc.RootElement.GetProperty("table").GetString());
        Assert.Equal(10, doc.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Theory]
    [InlineData("default")]
    [InlineData("finetuning")]
    [InlineData("classes")]
    public void PackageTablesMatchThePackages(string name)
    {
        var model = name switch { "default" => Models.Default.Value, "finetuning" => Models.FineTuning.Value, _ => Models.TokenClasses.Value };
        var options = new GridOptions { Count = 9 };
        var csv = new Csv(Write(w => MenuReport.WritePackagesCsv(model, w, options)));
        Assert.Equal(9, csv.Rows.Length);
        csv.AssertAllNumbers();
        Assert.DoesNotContain("task_cap", csv.Header);
        var d = model.Description;
        foreach (int row in new[] { 0, 4, 8 })
        {
            double theta = csv.Number(row, "theta");
            var p = model.Package(theta);
            var t = model.PackageTariff(theta);
            var plan = model.CommittedSpend(theta);
            Close(p.Quality, csv.Number(row, "quality"));
            Close(p.Transfer, csv.Number(row, "transfer"));
            Close(p.Cost, csv.Number(row, "cost"));
            Close(t.Fee, csv.Number(row, "fee"));
            Close(t.Markup, csv.Number(row, "markup"));
            Close(plan.Budget, csv.Number(row, "budget"));
            Close(plan.Payment, csv.Number(row, "payment"));
            var tokens = d.ClassTokens(p);
            for (int k = 0; k < tokens.Length; k++) Close(tokens[k], csv.Number(row, $"tokens_{d.TokenCosts[k].Name}"));
        }
        if (name == "finetuning") Assert.Equal("1", csv.Rows[^1][csv.Index("fine_tunes")]);
        using var doc = JsonDocument.Parse(Write(w => MenuReport.WritePackagesJson(model, w, options)));
        var rows = doc.RootElement.GetProperty("rows");
        Assert.Equal(9, rows.GetArrayLength());
        Assert.Equal(csv.Number(3, "transfer"), rows[3].GetProperty("transfer").GetDouble());
        Assert.Equal(csv.Number(3, "budget"), rows[3].GetProperty("budget").GetDouble());
    }

    [Fact]
    public void PlanTablesHoldThePlansAndTheProfits()
    {
        var model = Models.Default.Value;
        var menu = menus.CommittedSpend[2];
        var csv = new Csv(Write(w => MenuReport.WritePlansCsv(menu, model, w)));
        Assert.Equal(3, csv.Rows.Length);
        csv.AssertAllNumbers();
        for (int k = 0; k < 3; k++)
        {
            var plan = menu.Plans[k];
            Assert.Equal(k + 1, csv.Number(k, "plan"));
            Assert.Equal(plan.Fee, csv.Number(k, "fee"));
            Assert.Equal(plan.Budget, csv.Number(k, "budget"));
            Assert.Equal(plan.Markup, csv.Number(k, "markup"));
            Assert.Equal(plan.InputPrice, csv.Number(k, "price_input"));
            Assert.Equal(plan.OutputPrice, csv.Number(k, "price_output"));
            Assert.Equal(plan.LowestType, csv.Number(k, "lowest_type"));
            Assert.Equal(plan.Share, csv.Number(k, "share"));
            Assert.Equal(menu.Retained, csv.Number(k, "retained"));
            Assert.Equal(menu.ExpectedProfit, csv.Number(k, "expected_profit"));
        }
        using var doc = JsonDocument.Parse(Write(w => MenuReport.WritePlansJson(menu, model, w)));
        var root = doc.RootElement;
        Assert.Equal("plans", root.GetProperty("table").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(menu.ExpectedProfit, summary.GetProperty("expected_profit").GetDouble());
        Assert.Equal(menu.ContinuousProfit, summary.GetProperty("continuous_profit").GetDouble());
        Assert.Equal(menu.Retained, summary.GetProperty("retained").GetDouble());
        Assert.Equal(3, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(menu.Plans[1].Fee, root.GetProperty("rows")[1].GetProperty("fee").GetDouble());
    }

    [Fact]
    public void TwoPartTariffPlansWriteNullBudgets()
    {
        var model = PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).Build();
        var menu = PlanDesigner.TwoPartTariffs(model, 2);
        string json = Write(w => MenuReport.WritePlansJson(menu, model, w));
        Assert.DoesNotContain("Infinity", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("rows")[0].GetProperty("budget").ValueKind);
        var csv = new Csv(Write(w => MenuReport.WritePlansCsv(menu, model, w)));
        Assert.Equal("", csv.Rows[0][csv.Index("budget")]);
        Assert.Equal(menu.Plans[1].Markup, csv.Number(1, "markup"));
    }

    [Fact]
    public void SaveWritesFilesByExtension()
    {
        string folder = Models.OutputFolder("tables");
        var table = MenuReport.Grid(Models.Default.Value, new GridOptions { Count = 4, ScaleCount = 2 });
        table.Save(Path.Combine(folder, "menu.csv"));
        table.Save(Path.Combine(folder, "menu.json"));
        Assert.Equal(table.ToCsv(), File.ReadAllText(Path.Combine(folder, "menu.csv")));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "menu.json")));
        Assert.Equal(8, doc.RootElement.GetProperty("rows").GetArrayLength());
        // Round trip: the CSV text parses back to the very same doubles.
        var csv = new Csv(File.ReadAllText(Path.Combine(folder, "menu.csv")));
        Assert.Equal(table.Column("transfer"), Enumerable.Range(0, 8).Select(r => csv.Number(r, "transfer")));
        var e = Assert.Throws<ArgumentException>(() => table.Save(Path.Combine(folder, "menu.xlsx")));
        Assert.Equal("path", e.ParamName);
    }

    [Fact]
    public void BadInputNamesTheArgument()
    {
        var model = Models.Default.Value;
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => MenuReport.Grid(null!)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => MenuReport.Packages(null!)).ParamName);
        Assert.Equal("menu", Assert.Throws<ArgumentNullException>(() => MenuReport.Plans(null!, model)).ParamName);
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => MenuReport.WriteGridCsv(model, null!)).ParamName);
        Assert.Equal("Count", Assert.Throws<ArgumentOutOfRangeException>(() => new GridOptions { Count = 1 }).ParamName);
        Assert.Equal("ScaleCount", Assert.Throws<ArgumentOutOfRangeException>(() => new GridOptions { ScaleCount = 0 }).ParamName);
        Assert.Equal("Types", Assert.Throws<ArgumentException>(() => new GridOptions { Types = [0.7] }).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ReportGrids.Values(model, 1)).ParamName);
        // A type outside the support: the grid names 'values' and the index.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MenuReport.Grid(model, new GridOptions { Types = [0.5, 2.0] }));
        Assert.Contains("values", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => MenuReport.Packages(model, new GridOptions { Types = [0.5, 7.0] }));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => MenuReport.Grid(model, new GridOptions { Count = 2, ScaleCount = 1 }).Column("nope")).ParamName);
    }
}
