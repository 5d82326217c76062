using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using MenuDsl.Cli;
using Xunit;

namespace MenuDsl.Cli.Tests;

/// <summary>Each command end to end on the sample model files; numbers checked against the runtime API called directly.</summary>
public sealed class SolveTests : CliHarness
{
    // The model default.json describes, built with the runtime API.
    private static readonly IIndexModel Default = PricingModel.CobbDouglas(0.3, 0.2, 0.1, 1.0).WithCosts(1, 2, 5)
        .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();

    [Fact]
    public void Default_model_file_is_the_runtime_model()
    {
        var loaded = ModelFile.Load(Model("default")).IndexModel!;
        Assert.Equal(Default.Description.ToString(), loaded.Description.ToString());
        Assert.Equal(Default.ExpectedProfit(), loaded.ExpectedProfit(), 15);
    }

    [Fact]
    public void Solve_prints_the_menu_profits_and_audit()
    {
        string output = Ok("solve", Model("default"));
        Assert.Contains($"Expected profit, contractible menu: {F(Default.ExpectedProfit())}", output);
        Assert.Contains($"Expected profit, token packages:    {F(Default.ExpectedPackageProfit())}", output);
        Assert.Contains($"Incentive audit: {MenuAudit.Audit(Default)}", output);
        Assert.Contains($"Reserve value {F(Default.ReserveValue)}", output);
        // The first grid type: the lowest served value quantile, the lowest scale quantile.
        double u0 = Default.Description.Values.Cdf(Default.ReserveValue);
        double w = Default.Description.Values.Quantile(u0 + (1 - u0) * 0.5 / 5), s = Default.Description.Scales!.Quantile(0.5 / 5);
        var c = Default.Contract(w, s);
        var t = Default.Tariff(w, s);
        string row = output.Split('\n').First(l => l.Contains($" {F(c.Quality)} |", StringComparison.Ordinal));
        foreach (double x in new[] { w, s, c.Transfer, t.Markup, t.Fee, t.FineTuningPrice }) Assert.Contains(F(x), row);
        Assert.DoesNotContain("Wrote", output);
    }

    [Fact]
    public void Solve_out_writes_csv_and_json_of_the_grid()
    {
        string dir = Path.Combine(Temp, "out");
        string output = Ok("solve", Model("default"), "--grid", "3", "--out", dir);
        string csv = Path.Combine(dir, "menu.csv"), json = Path.Combine(dir, "menu.json");
        Assert.Contains($"Wrote {csv}", output);
        Assert.Contains($"Wrote {json}", output);
        // The plots (MenuDsl.Reports): a PNG signature and a non-trivial image; the SVG is XML with an <svg> root.
        foreach (string png in new[] { "tariffs.png", "plans.png" })
        {
            string path = Path.Combine(dir, png);
            Assert.Contains($"Wrote {path}", output);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 10_000, $"{png} has {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        }
        string svg = Path.Combine(dir, "tariffs.svg");
        Assert.Contains($"Wrote {svg}", output);
        var root = System.Xml.Linq.XDocument.Load(svg).Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Contains("Two-part tariffs", File.ReadAllText(svg));

        string[] lines = File.ReadAllLines(csv);
        Assert.Equal(1 + 3 * 3, lines.Length);
        string[] header = lines[0].Split(',');
        Assert.Equal(["w", "s", "theta", "served", "fine_tunes", "quality", "tokens_input", "tokens_output"], header[..8]);
        foreach (string line in lines[1..])
        {
            string[] cells = line.Split(',');
            Assert.Equal(header.Length, cells.Length);
            double w = double.Parse(cells[0], CultureInfo.InvariantCulture), s = double.Parse(cells[1], CultureInfo.InvariantCulture);
            Assert.Equal(Default.Contract(w, s).Transfer, double.Parse(cells[Array.IndexOf(header, "transfer")], CultureInfo.InvariantCulture));
            Assert.Equal(Default.Tariff(w, s).Fee, double.Parse(cells[Array.IndexOf(header, "fee")], CultureInfo.InvariantCulture));
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var items = doc.RootElement.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(9, items.Length);
        foreach (var item in items)
        {
            double w = item.GetProperty("w").GetDouble(), s = item.GetProperty("s").GetDouble();
            var c = Default.Contract(w, s);
            Assert.Equal(c.Quality, item.GetProperty("quality").GetDouble(), 1e-15);
            Assert.Equal(c.Input, item.GetProperty("tokens_input").GetDouble(), 1e-15);
            Assert.Equal(Default.Tariff(w, s).Markup, item.GetProperty("markup").GetDouble());
        }
    }

    [Fact]
    public void Wide_grid_files()
    {
        string dir = Path.Combine(Temp, "wide");
        string output = Ok("solve", Model("default"), "--grid", "20", "--out", dir, "--no-plots");
        Assert.Contains("Plots not written (--no-plots).", output);
        Assert.False(File.Exists(Path.Combine(dir, "tariffs.png")));
        Assert.Contains("grid types shown", output);   // the table samples the 400 types; the files hold all of them
        Assert.Equal(401, File.ReadAllLines(Path.Combine(dir, "menu.csv")).Length);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "menu.json")));
        Assert.Equal(400, doc.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Solve_ces_model()
    {
        var ces = PricingModel.Ces(0.6, -1, 0.5, 0.1, 1).WithCosts(1, 2, 5).WithValues(Distribution.Power, 2, 0, 2)
            .WithScales(Distribution.Uniform, 0.2, 1).Build();
        string output = Ok("solve", Model("ces"), "--grid", "2");
        Assert.Contains($"Expected profit, contractible menu: {F(ces.ExpectedProfit())}", output);
        Assert.Contains("CES", output);
    }

    [Fact]
    public void Solve_token_class_model_has_a_column_per_class()
    {
        var model = PricingModel.TokenClasses([new("input", 0.20, 1.0e-6), new("cached_input", 0.05, 0.1e-6), new("output", 0.20, 4.0e-6)], 0.10, 2.0e-6)
            .WithValues(Distribution.LogNormal, -9, 0.4).Build();
        string dir = Path.Combine(Temp, "classes");
        string output = Ok("solve", Model("token-classes"), "--out", dir);
        Assert.Contains($"Expected profit, contractible menu: {F(model.ExpectedProfit())}", output);
        Assert.Contains("cached_input tokens", output);
        Assert.Contains("cached_input price", output);
        Assert.Contains("price_cached_input", File.ReadAllLines(Path.Combine(dir, "menu.csv"))[0]);
    }

    [Fact]
    public void Solve_binary_model_prints_both_items_and_the_regime()
    {
        var binary = PricingModel.CobbDouglas(0.25, 0.25, 0.10).WithCosts(1, 1, 1)
            .BuildBinary(TypeProfile.Tasks(0.5, 2.0, 0.6), TypeProfile.Tasks(0.5, 1.0, 1.0)).BinaryMenu;
        string dir = Path.Combine(Temp, "binary");
        string output = Ok("solve", Model("binary"), "--out", dir);
        Assert.Contains($"regime {binary.Regime}", output);
        Assert.Contains($"Expected profit: {F(binary.ExpectedProfit)}", output);
        Assert.Contains($" {F(binary.High.Transfer)} |", output);
        Assert.Contains($" {F(binary.Low.Transfer)} |", output);

        Assert.Contains("Plots: none for the binary environment", output);
        Assert.Equal(1 + 2 * binary.SegmentWidths.Count, File.ReadAllLines(Path.Combine(dir, "menu.csv")).Length);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "menu.json")));
        Assert.Equal(binary.Regime.ToString(), doc.RootElement.GetProperty("regime").GetString());
        Assert.Equal(binary.ExpectedProfit, doc.RootElement.GetProperty("expectedProfit").GetDouble());
        Assert.Equal(2, doc.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void Help_works_for_every_command()
    {
        Assert.Contains("solve", Ok("--help"));
        foreach (string command in new[] { "solve", "plans", "calibrate" })
            Assert.Contains($"menudsl {command}", Ok(command, "--help"));
    }
}

/// <summary><c>menudsl plans</c>: the designer's numbers, and every export format parses.</summary>
public sealed class PlansTests : CliHarness
{
    private static readonly IIndexModel Default = ModelFile.Load(Model("default")).IndexModel!;
    private static readonly PlanMenu Three = PlanDesigner.CommittedSpend(Default, 3);

    [Fact]
    public void Plans_print_each_plan_and_retained()
    {
        string output = Ok("plans", Model("default"), "--count", "3");
        Assert.Contains($"Expected profit: {F(Three.ExpectedProfit)} against {F(Three.ContinuousProfit)}", output);
        Assert.Contains($"Retained {Three.Retained.ToString("0.0%", CultureInfo.InvariantCulture)}", output);
        foreach (var plan in Three.Plans)
        {
            Assert.Contains($" {F(plan.Fee)} |", output);
            Assert.Contains($" {F(plan.Budget)} |", output);
        }
    }

    [Fact]
    public void Litellm_sheet_goes_to_standard_output_and_parses()
    {
        var (code, output, error) = Run("plans", Model("default"), "--export", "litellm", "--name", "acme");
        Assert.Equal(0, code);
        Assert.Contains("Retained", error);   // the summary moves to standard error
        Assert.Equal(PriceSheet.From(Default, Three, "acme").ToLiteLlmJson(), output);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(["acme/plan-1", "acme/plan-2", "acme/plan-3"], doc.RootElement.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public void Genai_prices_sheet_is_written_to_a_file_and_parses()
    {
        string path = Path.Combine(Temp, "sheets", "genai-prices.json");
        string output = Ok("plans", Model("default"), "--count", "3", "--export", "genai-prices", "--out", path);
        Assert.Contains($"Wrote the genai-prices price sheet to {path}", output);
        Assert.Contains("Retained", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var provider = doc.RootElement[0];
        Assert.Equal("menudsl", provider.GetProperty("id").GetString());
        Assert.Equal(3, provider.GetProperty("models").GetArrayLength());
    }

    [Fact]
    public void Csv_sheet_has_a_row_per_plan()
    {
        string path = Path.Combine(Temp, "plans.csv");
        Ok("plans", Model("default"), "--export", "csv", "--out", path);
        string[] lines = File.ReadAllLines(path);
        Assert.Equal(4, lines.Length);
        Assert.Equal(lines[0].Split(',').Length, lines[1].Split(',').Length);
        Assert.Equal(Three.Plans[0].Fee, double.Parse(lines[1].Split(',')[1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Token_class_plans_export_every_class()
    {
        var model = ModelFile.Load(Model("token-classes")).IndexModel!;
        string output = Ok("plans", Model("token-classes"), "--count", "2", "--export", "litellm", "--out", Path.Combine(Temp, "litellm.json"));
        Assert.Contains($"Retained {PlanDesigner.CommittedSpend(model, 2).Retained.ToString("0.0%", CultureInfo.InvariantCulture)}", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Temp, "litellm.json")));
        Assert.True(doc.RootElement.GetProperty("menudsl/plan-1").TryGetProperty("cache_read_input_token_cost", out _));
    }

    [Fact]
    public void Two_part_tariffs()
    {
        var menu = PlanDesigner.TwoPartTariffs(Default, 1);
        string output = Ok("plans", Model("default"), "--tariffs", "--count", "1");
        Assert.Contains("two-part tariffs", output);
        Assert.Contains($" {F(menu.Plans[0].Markup)} |", output);
        Assert.Contains($"Expected profit: {F(menu.ExpectedProfit)}", output);
    }
}

/// <summary><c>menudsl calibrate</c> on usage logs generated from a known model.</summary>
public sealed class CalibrateTests : CliHarness
{
    [Fact]
    public void Default_technology_from_usage_to_profits()
    {
        var truth = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.LogNormal, 0, 0.5).Build();
        string usage = WriteFile("usage.csv", UsageCsv(truth, 1.5, 400, 7));
        string output = Ok("calibrate", usage, "--markup", "1.5", "--count", "2");
        Assert.Contains("No --model given: using the default technology", output);

        // The same pipeline through the runtime API.
        var technology = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).Build();
        var thetas = Calibration.Thetas(technology, Calibration.ReadUsage(usage, technology.Description), 1.5);
        var fit = Calibration.FitValues(thetas);
        var model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(fit.Distribution).Build();
        var plans = PlanDesigner.CommittedSpend(model, 2);
        Assert.Contains($"Fitted law of θ: {fit.Distribution}", output);
        Assert.Contains($"KS statistic {F(fit.KolmogorovSmirnov)}", output);
        Assert.Contains($" {F(model.LinearPricingProfit(1.5))} |", output);
        Assert.Contains($" {F(model.ExpectedProfit())} |", output);
        Assert.Contains($" {F(plans.ExpectedProfit)} |", output);
        Assert.Contains($"keep {plans.Retained.ToString("0.0%", CultureInfo.InvariantCulture)}", output);
    }

    [Fact]
    public void Technology_from_a_model_file_with_token_classes()
    {
        var file = ModelFile.Load(Model("token-classes"));
        string usage = WriteFile("usage.csv", UsageCsv(file.IndexModel!, 1.5, 300, 11));
        string output = Ok("calibrate", usage, "--markup", "1.5", "--model", Model("token-classes"));
        Assert.Contains("its values and scales are ignored", output);
        var technology = file.WithValues(TypeDistribution.Uniform(0, 1));
        var fit = Calibration.FitValues(Calibration.Thetas(technology, Calibration.ReadUsage(usage, technology.Description), 1.5));
        Assert.Contains($" {F(file.WithValues(fit.Distribution).ExpectedProfit())} |", output);
    }

    [Fact]
    public void Sample_usage_file_round_trips_through_a_fitted_model_file()
    {
        string usage = Path.Combine(Models, "..", "usage", "usage.csv");
        string fitted = Path.Combine(Temp, "fitted.json");
        string output = Ok("calibrate", usage, "--markup", "1.5", "--model", Model("token-classes"), "--out", fitted);
        Assert.Contains($"Wrote {fitted}", output);
        // The written model file holds the fitted law: solving it gives the optimal profit calibrate printed.
        var model = ModelFile.Load(fitted).IndexModel!;
        Assert.Contains($" {F(model.ExpectedProfit())} |", output);
        Assert.Contains("LogNormal", model.Description.Values.ToString());
        string plans = Ok("plans", fitted, "--count", "3");
        Assert.Contains($"Retained {PlanDesigner.CommittedSpend(model, 3).Retained.ToString("0.0%", CultureInfo.InvariantCulture)}", plans);
    }

    [Fact]
    public void Empirical_fit_is_written_as_a_sample()
    {
        // Two clusters of customers: no family passes the KS test, so the law is the empirical one of the positive θ.
        var truth = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.LogNormal, 0, 1).Build();
        string text = UsageCsv(truth, 1.5, 600, 1, r => r.NextDouble() < 0.5 ? 1 + 0.2 * r.NextDouble() : 5 + 0.5 * r.NextDouble());
        string usage = WriteFile("usage.csv", text);
        string fitted = Path.Combine(Temp, "fitted.json");
        string output = Ok("calibrate", usage, "--markup", "1.5", "--out", fitted);
        Assert.Contains("empirical", output);
        using var doc = JsonDocument.Parse(File.ReadAllText(fitted));
        Assert.Equal("Empirical", doc.RootElement.GetProperty("values").GetProperty("kind").GetString());
        Assert.Equal(600, doc.RootElement.GetProperty("values").GetProperty("sample").GetArrayLength());
        var model = ModelFile.Load(fitted).IndexModel!;
        Assert.Contains($" {F(model.ExpectedProfit())} |", output);
    }

    [Fact]
    public void Bad_usage_files()
    {
        Bad(["calibrate", Path.Combine(Temp, "none.csv"), "--markup", "1.5"], "none.csv", "file not found");
        string noOutput = WriteFile("no-output.csv", "customer,input\nc1,5\n");
        Bad(["calibrate", noOutput, "--markup", "1.5"], "no-output.csv", "output");
        string text = WriteFile("text.csv", "input,output\n1,2\n3,abc\n");
        Bad(["calibrate", text, "--markup", "1.5"], "text.csv", "Line 3", "abc");
        string one = WriteFile("one.csv", "input,output\n1,2\n");
        Bad(["calibrate", one, "--markup", "1.5"], "one.csv", "at least two distinct positive values");
    }

    [Fact]
    public void Bad_options()
    {
        string usage = WriteFile("usage.csv", "input,output\n1,2\n3,4\n");
        Bad(["calibrate", usage], "--markup", "required");
        Bad(["calibrate", usage, "--markup", "0.5"], "--markup: must be finite and >= 1 but is 0.5");
        Bad(["calibrate", usage, "--markup", "abc"], "--markup");
        Bad(["calibrate", usage, "--markup", "1.5", "--count", "0"], "--count: must lie in 1…50 but is 0");
        Bad(["calibrate", usage, "--markup", "1.5", "--model", Path.Combine(Temp, "missing.json")], "missing.json", "file not found");
    }
}
