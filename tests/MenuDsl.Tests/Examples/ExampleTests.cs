using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using MenuDsl.Examples.CustomTechnology;
using MenuDsl.Examples.PackagesAndPlans;
using MenuDsl.Examples.TwoTypes;
using Xunit;

namespace MenuDsl.Tests.Examples;

/// <summary>The examples under examples/, run in-process on their own arguments; their files are checked.</summary>
public sealed class ExampleTests
{
    private static string Run(string assembly, params string[] args)
    {
        var entry = Assembly.Load(assembly).EntryPoint ?? throw new InvalidOperationException($"{assembly} has no entry point.");
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            entry.Invoke(null, [args]);
        }
        finally
        {
            Console.SetOut(console);
        }
        return output.ToString();
    }

    [Fact]
    public void Usage_to_price_sheet_writes_a_usage_log_and_three_price_sheets()
    {
        string directory = Directory.CreateTempSubdirectory("menudsl-example-").FullName;
        try
        {
            string printed = Run("UsageToPriceSheet", directory);
            Assert.Contains("Fitted law of θ: LogNormal(", printed);
            Assert.Contains("3 committed-spend plans", printed);

            var usage = File.ReadAllLines(Path.Combine(directory, "usage.csv"));
            Assert.Equal("customer,input,cached_input,output,fine_tuning", usage[0]);
            Assert.Equal(5001, usage.Length);

            using var litellm = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "litellm.json")));
            var names = litellm.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(["acme-llm/plan-1", "acme-llm/plan-2", "acme-llm/plan-3"], names);
            foreach (var plan in litellm.RootElement.EnumerateObject())
            {
                // Committed spend: tokens at cost, USD per token.
                Assert.Equal(1.0e-6, plan.Value.GetProperty("input_cost_per_token").GetDouble(), 1e-18);
                Assert.Equal(0.1e-6, plan.Value.GetProperty("cache_read_input_token_cost").GetDouble(), 1e-18);
                Assert.Equal(4.0e-6, plan.Value.GetProperty("output_cost_per_token").GetDouble(), 1e-18);
            }
            using var genai = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "genai-prices.json")));
            Assert.Contains("\"input_mtok\"", genai.RootElement.GetRawText());
            Assert.Equal(4, File.ReadAllLines(Path.Combine(directory, "plans.csv")).Length);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string F(double x, string format = "0.000000") => x.ToString(format, CultureInfo.InvariantCulture);

    private static double Number(string printed, string pattern) =>
        double.Parse(Regex.Match(printed, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Packages_and_plans_prints_packages_the_package_profit_ratio_plans_and_a_clean_audit()
    {
        string printed = Run("PackagesAndPlans");
        IIndexModel model = CachedApi.Instance;

        // Every class of the token-class model is listed with its cost.
        Assert.Contains("input 0.03, cached_input 0.003, output 0.12; fine-tuning 0.15", printed);
        Assert.Contains($"θ̂ = {F(model.FineTuningThreshold, "0.####")}", printed);

        // The package row at θ = 0.9: payment, fee and budget as the model computes them; the committed-spend form
        // charges the package's payment for a budget equal to its cost.
        var package = model.Package(0.9);
        var spend = model.CommittedSpend(0.9);
        Assert.Equal(package.Transfer, spend.Payment, 12);
        Assert.Equal(package.Cost, spend.Budget, 12);
        string row = printed.Split('\n').Single(line => line.TrimStart().StartsWith("0.90 ", StringComparison.Ordinal));
        Assert.Contains(F(package.Transfer), row);
        Assert.Contains(F(model.PackageTariff(0.9).Fee), row);
        Assert.Contains(F(spend.Budget), row);
        Assert.True(package.FineTuning > 0, "θ = 0.9 should fine-tune in this model");

        // The ratio printed is the model's own, formatted the same way, and packages earn less than the contractible menu.
        double ratio = model.ExpectedPackageProfit() / model.ExpectedProfit();
        Assert.Contains($"ExpectedPackageProfit / ExpectedProfit = {F(ratio, "0.0000")}", printed);
        Assert.InRange(ratio, 0.5, 1.0);

        // K = 1…4 plans: Retained rises with K and stays below 1; K = 3 matches an independent design.
        double[] retained = [.. Enumerable.Range(1, 4).Select(k => Number(printed, $@"K = {k}: expected profit [0-9.]+, Retained ([0-9.]+)"))];
        for (int k = 1; k < 4; k++) Assert.True(retained[k] > retained[k - 1], $"Retained should rise with K: {string.Join(", ", retained)}");
        Assert.True(retained[3] < 1);
        Assert.Equal(F(PlanDesigner.CommittedSpend(model, 3).Retained, "0.0000"), F(retained[2], "0.0000"));
        Assert.Equal(1 + 2 + 3 + 4, Regex.Matches(printed, @"    plan \d: fee").Count);

        Assert.Contains("Audit of the 3-plan menu", printed);
        Assert.Contains("incentive compatible and individually rational on the grid", printed);
    }

    [Fact]
    public void Two_types_prints_each_regime_with_the_rent_that_explains_it()
    {
        string printed = Run("TwoTypes");

        // The generated models' regimes, read from the classes themselves.
        var ordered = OrderedBuyers.Instance.BinaryMenu;
        var specialists = TaskSpecialists.Instance.BinaryMenu;
        Assert.Equal(BinaryRegime.HighIncentiveBinding, ordered.Regime);
        Assert.Equal(BinaryRegime.ZeroRentsDistorted, specialists.Regime);
        string[] regimes = [.. Regex.Matches(printed, @"regime: (\w+);").Select(m => m.Groups[1].Value)];
        Assert.Equal(["HighIncentiveBinding", "HighIncentiveBinding", "ZeroRentsDistorted", "FullExtraction"], regimes);

        // Ordered types: the rent H would get from L's item is the rent H keeps.
        Assert.Contains($"worth R = {F(ordered.High.BuyerUtility)} to H above its price: H keeps that rent ({F(ordered.High.BuyerUtility)})", printed);
        Assert.True(ordered.High.BuyerUtility > 0);
        Assert.Contains($"expected profit {F(ordered.ExpectedProfit)}", printed);

        // Unordered profiles: zero rents for both, H indifferent to L's distorted item.
        Assert.Equal(0, specialists.High.BuyerUtility, 9);
        Assert.Equal(0, specialists.Low.BuyerUtility, 9);
        Assert.Contains("distorted until H is indifferent to it (R = 0.000000)", printed);
        Assert.Contains($"expected profit {F(specialists.ExpectedProfit)}", printed);

        // Generated and runtime-built menus of the same types agree.
        Assert.True(Number(printed, @"generated and runtime-built menus: ([0-9.E+-]+)") <= 1e-9);
    }

    [Fact]
    public void Custom_technology_matches_its_runtime_build_and_passes_the_audit()
    {
        string printed = Run("CustomTechnology");
        var model = HarmonicApi.Instance;

        Assert.Contains("Custom technology v = (0.6 / x + 0.4 / y)^(-0.5) * (1 + z)^0.1", printed);

        // The generated rows hold the generated menu's numbers, fine-tuning included at w = 1.
        var contract = model.Contract(1.0, 1.0);
        string row = printed.Split('\n').Single(line => line.TrimStart().StartsWith("1.00 generated", StringComparison.Ordinal));
        Assert.Contains(F(contract.Transfer), row);
        Assert.Contains(F(model.Tariff(1.0, 1.0).Fee), row);
        Assert.True(contract.FineTuning > 0);

        // Central differences reach the generated exact-derivative solver to well within 1e-6.
        double difference = Number(printed, @"Largest relative difference, generated vs runtime-built \(central differences\): ([0-9.E+-]+)");
        Assert.InRange(difference, 0, 1e-6);

        Assert.Contains($"Expected profit per buyer: generated {F(model.ExpectedProfit())}", printed);
        Assert.Contains("incentive compatible and individually rational on the grid", printed);
    }
}
