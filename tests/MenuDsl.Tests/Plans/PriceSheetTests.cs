using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Plans;

/// <summary>Price sheets (docs/price-sheets.md): LiteLLM (USD per token), genai-prices (USD per million tokens) and CSV.</summary>
public sealed class PriceSheetTests
{
    /// <summary>Three token classes, input, cached input and output; nobody fine-tunes at these costs.</summary>
    private static readonly Lazy<IIndexModel> Classes = new(() => PricingModel.TokenClasses(
        [new TokenClass("input", 0.2, 1.0), new TokenClass("cached_input", 0.05, 0.1), new TokenClass("output", 0.2, 4.0)], gamma: 0.1, fineTuningCost: 5)
        .WithValues(Distribution.Uniform, 0, 1).Build());

    /// <summary>Example A (model.md §9): α = .3, β = .2, γ = .1, b = 1, c = (1, 2, 5), w and s ~ U[0, 1].</summary>
    private static readonly Lazy<IIndexModel> ExampleA = new(() => PricingModel.CobbDouglas(0.3, 0.2, 0.1, baseQuality: 1)
        .WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0, 1).Build());

    private static readonly Lazy<PlanMenu> Budgets = new(() => PlanDesigner.CommittedSpend(Classes.Value, 3));
    private static readonly Lazy<PlanMenu> Tariffs = new(() => PlanDesigner.TwoPartTariffs(ExampleA.Value, 2));

    private static readonly Lazy<PriceSheet> BudgetSheet = new(() => PriceSheet.From(Classes.Value, Budgets.Value, "acme"));
    private static readonly Lazy<PriceSheet> TariffSheet = new(() => PriceSheet.From(ExampleA.Value, Tariffs.Value, "example-a"));

    public static readonly TheoryData<string> Sheets = new() { "budgets", "tariffs" };

    private static (IIndexModel Model, PlanMenu Menu, PriceSheet Sheet) Case(string which) => which == "budgets"
        ? (Classes.Value, Budgets.Value, BudgetSheet.Value)
        : (ExampleA.Value, Tariffs.Value, TariffSheet.Value);

    /// <summary>The value of key=value in a plan's notes.</summary>
    private static string Note(string notes, string key)
    {
        var match = Regex.Match(notes, $@"(?:^|[ ;]){Regex.Escape(key)}=([^;]+)");
        Assert.True(match.Success, $"no {key} in '{notes}'");
        return match.Groups[1].Value;
    }

    private static double Cost(IIndexModel model, string name) => model.Description.TokenCosts.Single(c => c.Name == name).Cost;

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void AssertFeeAndBudget(Plan plan, string notes)
    {
        Assert.Equal(plan.Fee, Parse(Note(notes, "fee_usd")));
        Assert.Equal(plan.Markup, Parse(Note(notes, "markup")));
        if (double.IsPositiveInfinity(plan.Budget)) Assert.Equal("unlimited", Note(notes, "budget_usd"));
        else Assert.Equal(plan.Budget, Parse(Note(notes, "budget_usd")));
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public void LiteLlm_map_has_one_entry_per_plan_in_usd_per_token(string which)
    {
        var (model, menu, sheet) = Case(which);
        using var json = JsonDocument.Parse(sheet.ToLiteLlmJson());
        var entries = json.RootElement.EnumerateObject().ToArray();
        Assert.Equal(menu.Plans.Count, entries.Length);
        var costs = model.Description.TokenCosts;
        for (int k = 0; k < menu.Plans.Count; k++)
        {
            var plan = menu.Plans[k];
            Assert.Equal($"{sheet.Name}/plan-{k + 1}", entries[k].Name);
            var e = entries[k].Value;
            Assert.Equal("openai", e.GetProperty("litellm_provider").GetString());
            Assert.Equal("chat", e.GetProperty("mode").GetString());
            // Exactly the markup times the class cost: the same double, round-tripped.
            Assert.Equal(plan.Markup * costs[0].Cost, e.GetProperty("input_cost_per_token").GetDouble());
            Assert.Equal(plan.InputPrice, e.GetProperty("input_cost_per_token").GetDouble());
            Assert.Equal(plan.Markup * Cost(model, "output"), e.GetProperty("output_cost_per_token").GetDouble());
            if (which == "budgets")
            {
                Assert.Equal("cached_input", costs[1].Name);
                Assert.Equal(plan.Markup * costs[1].Cost, e.GetProperty("cache_read_input_token_cost").GetDouble());
                // A plan's OutputPrice is the class named output's, wherever it is declared.
                Assert.Equal(plan.OutputPrice, e.GetProperty("output_cost_per_token").GetDouble());
                Assert.Equal(plan.Markup * costs[2].Cost, e.GetProperty("output_cost_per_token").GetDouble());
            }
            Assert.Equal(costs.Count + 3, e.EnumerateObject().Count());
            string notes = e.GetProperty("metadata").GetProperty("notes").GetString()!;
            AssertFeeAndBudget(plan, notes);
            Assert.Equal(plan.FineTuningPrice, Parse(Note(notes, "fine_tuning_usd_per_token")));
        }
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public void GenAi_prices_provider_has_one_model_per_plan_in_usd_per_million(string which)
    {
        var (model, menu, sheet) = Case(which);
        using var json = JsonDocument.Parse(sheet.ToGenAiPricesJson());
        var provider = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(sheet.Name, provider.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(provider.GetProperty("api_pattern").GetString()));
        var models = provider.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(menu.Plans.Count, models.Length);
        var ids = models.Select(m => m.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(ids.OrderBy(id => id, StringComparer.Ordinal), ids);
        var costs = model.Description.TokenCosts;
        for (int k = 0; k < menu.Plans.Count; k++)
        {
            var plan = menu.Plans[k];
            var m = models.Single(x => x.GetProperty("id").GetString() == $"{sheet.Name}/plan-{k + 1}");
            Assert.Equal($"{sheet.Name}/plan-{k + 1}", m.GetProperty("match").GetProperty("equals").GetString());
            var prices = m.GetProperty("prices");
            void Mtok(string key, double perToken) =>
                Assert.True(Math.Abs(prices.GetProperty(key).GetDouble() - 1e6 * perToken) <= 1e-15 * 1e6 * perToken,
                    $"{key}: {prices.GetProperty(key).GetDouble():R} vs 1e6 × {perToken:R}");
            Mtok("input_mtok", plan.Markup * costs[0].Cost);
            Mtok("output_mtok", plan.Markup * Cost(model, "output"));
            if (which == "budgets") Mtok("cache_read_mtok", plan.Markup * costs[1].Cost);
            Assert.Equal(costs.Count, prices.EnumerateObject().Count());
            AssertFeeAndBudget(plan, m.GetProperty("price_comments").GetString()!);
        }
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public void Csv_has_a_row_per_plan_and_a_column_per_class(string which)
    {
        var (model, menu, sheet) = Case(which);
        var lines = sheet.ToCsv().Split('\n');
        Assert.Equal("", lines[^1]);
        var header = lines[0].Split(',');
        var classes = model.Description.TokenCosts.Select(c => c.Name + "_usd_per_token");
        Assert.Equal(["name", "fee_usd", "budget_usd", "markup", .. classes, "fine_tuning_usd_per_token", "lowest_type", "share"], header);
        Assert.Equal(menu.Plans.Count + 2, lines.Length);
        for (int k = 0; k < menu.Plans.Count; k++)
        {
            var plan = menu.Plans[k];
            var row = lines[k + 1].Split(',').Select((v, i) => (header[i], v)).ToDictionary(p => p.Item1, p => p.v);
            Assert.Equal($"{sheet.Name}/plan-{k + 1}", row["name"]);
            Assert.Equal(plan.Fee, Parse(row["fee_usd"]));
            Assert.Equal(plan.Budget, Parse(row["budget_usd"]));
            Assert.Equal(plan.Markup, Parse(row["markup"]));
            Assert.Equal(plan.InputPrice, Parse(row["input_usd_per_token"]));
            Assert.Equal(plan.Markup * Cost(model, "output"), Parse(row["output_usd_per_token"]));
            Assert.Equal(plan.OutputPrice, Parse(row["output_usd_per_token"]));
            Assert.Equal(plan.FineTuningPrice, Parse(row["fine_tuning_usd_per_token"]));
            Assert.Equal(plan.LowestType, Parse(row["lowest_type"]));
            Assert.Equal(plan.Share, Parse(row["share"]));
        }
    }

    [Theory]
    [MemberData(nameof(Sheets))]
    public void Exports_match_the_golden_files(string which)
    {
        var sheet = Case(which).Sheet;
        Golden.Verify(sheet.ToLiteLlmJson(), $"price-sheet-{which}.litellm.json");
        Golden.Verify(sheet.ToGenAiPricesJson(), $"price-sheet-{which}.genai-prices.json");
        Golden.Verify(sheet.ToCsv(), $"price-sheet-{which}.csv");
    }

    [Fact]
    public void Tariffs_write_no_infinity_into_json()
    {
        var sheet = TariffSheet.Value;
        Assert.All(sheet.Entries, e => Assert.True(e.IsTariff));
        foreach (string text in new[] { sheet.ToLiteLlmJson(), sheet.ToGenAiPricesJson() })
        {
            Assert.DoesNotContain("Infinity", text);
            Assert.DoesNotContain("NaN", text);
            Assert.DoesNotContain("∞", text);
        }
        Assert.Contains(",Infinity,", sheet.ToCsv());
    }

    [Fact]
    public void A_sampled_continuous_menu_is_the_package_tariff_at_its_quantiles()
    {
        var model = Classes.Value;
        var sheet = PriceSheet.Sample(model, 5, "cont");
        Assert.Equal(5, sheet.Entries.Count);
        // Values U[0, 1], κ = .45: ν = 2θ − 1 serves θ > 1/2, so the quantiles are 1/2 + (k − 1/2)/10.
        for (int k = 0; k < 5; k++)
        {
            var e = sheet.Entries[k];
            Assert.Equal($"cont/plan-{k + 1}", e.Name);
            Assert.Equal(0.5 + (k + 0.5) / 10, e.LowestType, 1e-9);
            Assert.Equal(0.1, e.Share, 1e-9);
            var tariff = model.PackageTariff(e.LowestType);
            Assert.Equal(tariff.Fee, e.Fee);
            Assert.Equal(tariff.Markup, e.Markup);
            Assert.True(e.IsTariff);
            Assert.Equal(model.Description.ClassPrices(tariff), e.Prices.Select(p => p.Price));
            Assert.Equal(tariff.InputPrice, e.Prices[0].Price);
            Assert.Equal(tariff.FineTuningPrice, e.FineTuningPrice);
            // m = θ/(2θ − 1).
            Assert.Equal(e.LowestType / (2 * e.LowestType - 1), e.Markup, 1e-9);
            if (k > 0)
            {
                Assert.True(e.Fee > sheet.Entries[k - 1].Fee, "fees rise with θ");
                Assert.True(e.Markup < sheet.Entries[k - 1].Markup, "markups fall with θ");
            }
        }
        using var json = JsonDocument.Parse(sheet.ToLiteLlmJson());
        Assert.Equal(5, json.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public void A_sampled_menu_with_scales_rises_in_fee_and_falls_in_markup()
    {
        var model = ExampleA.Value;
        var sheet = PriceSheet.Sample(model, 4, "example-a");
        // θ = w s^(1/2) with w, s ~ U[0, 1]: φ_θ = (3θ − 1)/2, exclusion below 1/3 (model.md §4).
        double u0 = 1.0 / 3 - 0.5 * Math.Pow(1.0 / 3, 2);
        u0 /= 0.5;
        for (int k = 0; k < 4; k++)
        {
            var e = sheet.Entries[k];
            Assert.Equal((1 - u0) / 4, e.Share, 1e-6);
            Assert.Equal(e.LowestType / ((3 * e.LowestType - 1) / 2), e.Markup, 1e-6);
            Assert.Equal(model.PackageTariff(e.LowestType).Fee, e.Fee);
            if (k > 0)
            {
                Assert.True(e.Fee > sheet.Entries[k - 1].Fee);
                Assert.True(e.Markup < sheet.Entries[k - 1].Markup);
            }
        }
    }

    [Fact]
    public void A_sampled_type_in_a_served_pool_is_listed_as_its_committed_spend_plan()
    {
        // 0.5·U[0,1] + 0.5·U[0.5,1.5] pools θ in about [0.948, 1.073], served (AuditTests); without scales θ = w.
        var values = TypeDistribution.Mixture((0.5, TypeDistribution.Uniform(0, 1)), (0.5, TypeDistribution.Uniform(0.5, 1.5)));
        var model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(values).Build();
        var pool = Assert.Single(values.PoolingIntervals);
        var sheet = PriceSheet.Sample(model, 20, "pooled");
        int pooled = 0;
        foreach (var e in sheet.Entries)
        {
            var tariff = model.PackageTariff(e.LowestType);
            if (tariff.Included is null)
            {
                Assert.True(e.IsTariff);
                Assert.Equal(tariff.Fee, e.Fee);
                Assert.Equal(tariff.Markup, e.Markup);
                continue;
            }
            pooled++;
            Assert.InRange(e.LowestType, pool.Lower, pool.Upper);
            var plan = model.CommittedSpend(e.LowestType);
            Assert.False(e.IsTariff);
            Assert.Equal(1, e.Markup);
            Assert.Equal(plan.Payment, e.Fee);
            Assert.Equal(plan.Budget, e.Budget);
            Assert.Equal([1.0, 2.0], e.Prices.Select(p => p.Price));
        }
        Assert.True(pooled > 0, "no sampled θ fell in the pool");
        foreach (string text in new[] { sheet.ToLiteLlmJson(), sheet.ToGenAiPricesJson() })
        {
            using var json = JsonDocument.Parse(text);
            Assert.DoesNotContain("Infinity", text);
        }
        // genai-prices requires models sorted by id: plan-10 … plan-19 come between plan-1 and plan-2.
        using (var json = JsonDocument.Parse(sheet.ToGenAiPricesJson()))
        {
            var ids = json.RootElement[0].GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToArray();
            Assert.Equal(sheet.Entries.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal), ids);
            Assert.Equal("pooled/plan-10", ids[1]);
        }
    }

    private static IIndexModel Model(params string[] classes) => PricingModel.TokenClasses(
        classes.Select((c, j) => new TokenClass(c, 0.1, 1 + j)), gamma: 0.1, fineTuningCost: 5).WithValues(Distribution.Uniform, 0, 1).Build();

    [Fact]
    public void Reasoning_maps_in_LiteLLM_and_is_refused_by_name_in_genai_prices()
    {
        var model = Model("input", "output", "reasoning");
        var sheet = PriceSheet.Sample(model, 2, "r");
        using (var json = JsonDocument.Parse(sheet.ToLiteLlmJson()))
            Assert.Equal(3.0 * sheet.Entries[0].Markup, json.RootElement.GetProperty("r/plan-1").GetProperty("output_cost_per_reasoning_token").GetDouble());
        var e = Assert.Throws<NotSupportedException>(() => sheet.ToGenAiPricesJson());
        Assert.Contains("'reasoning'", e.Message);
        Assert.Contains("genai-prices", e.Message);
        Assert.Contains("reasoning_usd_per_token", sheet.ToCsv());
    }

    [Fact]
    public void Unknown_classes_are_refused_by_name_and_format_and_kept_in_csv()
    {
        var sheet = PriceSheet.Sample(Model("input", "output", "image_input"), 1, "img");
        var lite = Assert.Throws<NotSupportedException>(() => sheet.ToLiteLlmJson());
        Assert.Contains("'image_input'", lite.Message);
        Assert.Contains("LiteLLM", lite.Message);
        var genai = Assert.Throws<NotSupportedException>(() => sheet.ToGenAiPricesJson());
        Assert.Contains("'image_input'", genai.Message);
        Assert.Contains("genai-prices", genai.Message);
        Assert.Contains("image_input_usd_per_token", sheet.ToCsv());
    }

    [Fact]
    public void Cache_aliases_map_case_insensitively_and_collide_by_name()
    {
        var sheet = PriceSheet.Sample(Model("input", "output", "Cache_Read", "cache_creation"), 1, "c");
        using (var json = JsonDocument.Parse(sheet.ToGenAiPricesJson()))
        {
            var prices = json.RootElement[0].GetProperty("models")[0].GetProperty("prices");
            Assert.Equal(["input_mtok", "cache_write_mtok", "cache_read_mtok", "output_mtok"], prices.EnumerateObject().Select(p => p.Name));
            Assert.Equal(3e6 * sheet.Entries[0].Markup, prices.GetProperty("cache_read_mtok").GetDouble(), 1e-9);
            Assert.Equal(4e6 * sheet.Entries[0].Markup, prices.GetProperty("cache_write_mtok").GetDouble(), 1e-9);
        }
        using (var json = JsonDocument.Parse(sheet.ToLiteLlmJson()))
            Assert.Equal(4 * sheet.Entries[0].Markup, json.RootElement.GetProperty("c/plan-1").GetProperty("cache_creation_input_token_cost").GetDouble());

        var twice = PriceSheet.Sample(Model("input", "output", "cached_input", "cache_read"), 1, "c");
        var e = Assert.Throws<NotSupportedException>(() => twice.ToLiteLlmJson());
        Assert.Contains("'cached_input' and 'cache_read'", e.Message);
    }

    [Fact]
    public void Bad_input_throws_naming_the_argument()
    {
        var model = Classes.Value;
        var menu = Budgets.Value;
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => PriceSheet.From(null!, menu, "a")).ParamName);
        Assert.Equal("menu", Assert.Throws<ArgumentNullException>(() => PriceSheet.From(model, null!, "a")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => PriceSheet.From(model, menu, null!)).ParamName);
        foreach (string name in new[] { "", "a b", "tab\tname", new string('x', 95) })
            Assert.Equal("name", Assert.Throws<ArgumentException>(() => PriceSheet.From(model, menu, name)).ParamName);
        Assert.Equal("menu", Assert.Throws<ArgumentException>(() => PriceSheet.From(model, menu with { Plans = [] }, "a")).ParamName);
        // A menu designed for another model: its prices are not this model's costs times the markup.
        var other = Assert.Throws<ArgumentException>(() => PriceSheet.From(model, Tariffs.Value, "a"));
        Assert.Equal("menu", other.ParamName);
        Assert.Contains("another model", other.Message);
        var nan = menu with { Plans = [menu.Plans[0] with { Fee = double.NaN }] };
        Assert.Equal("menu", Assert.Throws<ArgumentException>(() => PriceSheet.From(model, nan, "a")).ParamName);

        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => PriceSheet.Sample(null!, 3, "a")).ParamName);
        foreach (int count in new[] { 0, -1, 1001 })
            Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => PriceSheet.Sample(model, count, "a")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => PriceSheet.Sample(model, 3, " ")).ParamName);

        var sheet = BudgetSheet.Value;
        Assert.Equal("provider", Assert.Throws<ArgumentException>(() => sheet.ToLiteLlmJson("")).ParamName);
        Assert.Equal("provider", Assert.Throws<ArgumentNullException>(() => sheet.ToLiteLlmJson(null!)).ParamName);
        Assert.Equal("apiPattern", Assert.Throws<ArgumentException>(() => sheet.ToGenAiPricesJson(" ")).ParamName);
    }

    [Fact]
    public void Provider_and_api_pattern_are_written_as_given()
    {
        var sheet = BudgetSheet.Value;
        using (var json = JsonDocument.Parse(sheet.ToLiteLlmJson("hosted_vllm")))
            Assert.All(json.RootElement.EnumerateObject(), p => Assert.Equal("hosted_vllm", p.Value.GetProperty("litellm_provider").GetString()));
        using (var json = JsonDocument.Parse(sheet.ToGenAiPricesJson(@"https://llm\.acme\.com")))
            Assert.Equal(@"https://llm\.acme\.com", json.RootElement[0].GetProperty("api_pattern").GetString());
    }
}
