using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MenuDsl;

/// <summary>The price of one token class on one plan of a <see cref="PriceSheet"/>.</summary>
/// <param name="Name">The class name, as in <see cref="ModelDescription.TokenCosts"/>.</param>
/// <param name="Price">USD per token: the plan's markup times the class's cost.</param>
public readonly record struct TokenPrice(string Name, double Price);

/// <summary>One plan of a <see cref="PriceSheet"/>, in USD (the model's costs read as USD per token).</summary>
/// <param name="Name">The pseudo-model name, <c>&lt;sheet name&gt;/plan-k</c>, k from 1, cheapest first.</param>
/// <param name="Fee">What the plan costs up front, USD.</param>
/// <param name="Budget">The token spend included, USD at the listed prices; +∞ for a two-part tariff (buy freely).</param>
/// <param name="Markup">Per-token prices over marginal cost (1 for committed spend).</param>
/// <param name="Prices">USD per token of every class, in <see cref="ModelDescription.TokenCosts"/> order.</param>
/// <param name="FineTuningPrice">USD per fine-tuning token: the markup times c_z.</param>
/// <param name="LowestType">The lowest θ that chooses the plan (for a sampled continuous menu: the θ it was sampled at).</param>
/// <param name="Share">The share of all buyers that choose the plan (for a sampled menu: the mass its sample stands for).</param>
public sealed record PriceSheetEntry(string Name, double Fee, double Budget, double Markup, IReadOnlyList<TokenPrice> Prices,
    double FineTuningPrice, double LowestType, double Share)
{
    /// <summary>Whether the plan is a two-part tariff (no budget: any tokens at the listed prices after the fee).</summary>
    public bool IsTariff => double.IsPositiveInfinity(Budget);

    /// <summary>Lists the prices rather than the list's type name.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Name = {Name}, Fee = {Fee}, Budget = {Budget}, Markup = {Markup}, ");
        builder.Append(CultureInfo.InvariantCulture, $"Prices = [{string.Join(", ", Prices)}], FineTuningPrice = {FineTuningPrice}, LowestType = {LowestType}, Share = {Share}");
        return true;
    }
}

/// <summary>
/// A menu of plans as published price sheets (docs/price-sheets.md): a LiteLLM price map (USD per token), a
/// pydantic genai-prices provider (USD per million tokens) and a CSV. Neither JSON format has a fee, so every plan is a
/// pseudo-model <c>&lt;name&gt;/plan-k</c> whose per-token prices are the plan's and whose fee, budget and markup are
/// stated in the format's free-text field (LiteLLM <c>metadata.notes</c>, genai-prices <c>price_comments</c>).
/// The model's token costs are read as USD per token.
/// </summary>
public sealed class PriceSheet
{
    // genai-prices model ids are at most 100 characters without whitespace.
    private const int MaxIdLength = 100;
    private const int MaxSample = 1000;

    private PriceSheet(string name, IReadOnlyList<PriceSheetEntry> entries, IReadOnlyList<string> classes)
    {
        Name = name;
        Entries = entries;
        Classes = classes;
    }

    /// <summary>The sheet's name: the prefix of every plan's pseudo-model name and the genai-prices provider id.</summary>
    public string Name { get; }

    /// <summary>The token classes priced, in <see cref="ModelDescription.TokenCosts"/> order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>The plans, cheapest first.</summary>
    public IReadOnlyList<PriceSheetEntry> Entries { get; }

    /// <summary>
    /// The sheet of a menu of plans (<see cref="PlanDesigner.CommittedSpend"/> or <see cref="PlanDesigner.TwoPartTariffs"/>)
    /// of <paramref name="model"/>: class j costs plan.Markup × TokenCosts[j].Cost per token, fine-tuning plan.Markup × c_z.
    /// </summary>
    /// <param name="model">The model the menu was designed for.</param>
    /// <param name="menu">The plans.</param>
    /// <param name="name">The sheet name: non-empty, no whitespace, short enough for <c>&lt;name&gt;/plan-K</c> to have at most 100 characters.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The name is empty, has whitespace or is too long; the menu has no plans, a plan is
    /// not finite (but a tariff's budget), or its prices are not its markup times this model's costs (a menu of another model).</exception>
    public static PriceSheet From(IIndexModel model, PlanMenu menu, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(menu);
        ArgumentNullException.ThrowIfNull(menu.Plans, nameof(menu));
        if (menu.Plans.Count == 0) throw new ArgumentException("The menu has no plans.", nameof(menu));
        CheckName(name, menu.Plans.Count);
        var d = model.Description;
        var costs = d.TokenCosts;
        var entries = new PriceSheetEntry[menu.Plans.Count];
        for (int k = 0; k < entries.Length; k++)
        {
            var plan = menu.Plans[k] ?? throw new ArgumentException($"Plan {k + 1} of the menu is null.", nameof(menu));
            double m = plan.Markup;
            // Budget > 0 admits +∞ (a tariff) and rejects NaN.
            if (!double.IsFinite(m) || !(m >= 1) || !double.IsFinite(plan.Fee) || !(plan.Budget > 0)
                || !double.IsFinite(plan.LowestType) || !double.IsFinite(plan.Share))
                throw new ArgumentException($"Plan {k + 1} of the menu is not a plan a sheet can list: {plan}.", nameof(menu));
            // A plan lists the input and output classes' prices and fine-tuning: they must be this model's costs times the markup.
            if (!Same(plan.InputPrice, m * d.InputCost) || !Same(plan.OutputPrice, m * d.OutputCost) || !Same(plan.FineTuningPrice, m * d.FineTuningCost))
                throw new ArgumentException(
                    $"Plan {k + 1}'s prices ({plan.InputPrice}, {plan.OutputPrice}, fine-tuning {plan.FineTuningPrice}) are not its markup {m} times this model's costs "
                    + $"(input {d.InputCost}, output {d.OutputCost}, fine-tuning {d.FineTuningCost}): was the menu designed for another model?", nameof(menu));
            entries[k] = Entry(name, k, m, plan.Fee, plan.Budget, costs, d.FineTuningCost, plan.LowestType, plan.Share);
        }
        return new PriceSheet(name, entries, [.. costs.Select(c => c.Name)]);
    }

    /// <summary>
    /// A sample of the optimal continuous package menu (model.md §4–§5) as <paramref name="count"/> two-part tariffs, at
    /// the θ of equal-probability quantiles of the served types: θ_k = F⁻¹(u₀ + (1 − u₀)(k − ½)/count), u₀ = F(reserve).
    /// Fee, markup and prices are <see cref="IIndexModel.PackageTariff"/>(θ_k) (fees rise and markups fall with θ); each
    /// entry's share is (1 − u₀)/count. A θ_k inside an ironed pool, whose item is a fixed bundle with no per-token price,
    /// is listed in its committed-spend form instead (<see cref="IIndexModel.CommittedSpend"/>: fee T, budget C(Q), markup 1).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="count">How many items, 1…1000.</param>
    /// <param name="name">The sheet name (see <see cref="From"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not in 1…1000.</exception>
    /// <exception cref="ArgumentException">The name is invalid, or no type is served.</exception>
    public static PriceSheet Sample(IIndexModel model, int count, string name)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (count < 1 || count > MaxSample) throw new ArgumentOutOfRangeException(nameof(count), count, $"'count' must lie in 1…{MaxSample} but is {count}.");
        CheckName(name, count);
        var d = model.Description;
        var technology = MenuMetrics.Index(d);
        var thetas = ThetaDistributions.For(d.Values, d.Scales, technology.Delta).Core;
        double reserve = thetas.ReserveValue;
        if (!double.IsFinite(reserve))
            throw new ArgumentException("No type θ has a positive virtual value, so the menu serves nobody.", nameof(model));
        double u0 = thetas.Cdf(reserve), share = (1 - u0) / count;
        var costs = d.TokenCosts;
        var entries = new PriceSheetEntry[count];
        for (int k = 0; k < count; k++)
        {
            double theta = thetas.Quantile(u0 + (1 - u0) * (k + 0.5) / count);
            var tariff = model.PackageTariff(theta);
            if (tariff.Included is null && double.IsFinite(tariff.Markup))
                entries[k] = Entry(name, k, tariff.Markup, tariff.Fee, double.PositiveInfinity, costs, d.FineTuningCost, theta, share);
            else
            {
                var plan = model.CommittedSpend(theta);
                entries[k] = Entry(name, k, 1, plan.Payment, plan.Budget, costs, d.FineTuningCost, theta, share);
            }
        }
        return new PriceSheet(name, entries, [.. costs.Select(c => c.Name)]);
    }

    /// <summary>
    /// LiteLLM's price map (the format of <c>model_prices_and_context_window.json</c>): an object keyed by
    /// <c>&lt;name&gt;/plan-k</c>, each with <c>litellm_provider</c>, <c>mode</c> "chat", the per-token prices in USD
    /// (<c>input_cost_per_token</c>, <c>output_cost_per_token</c>, <c>cache_read_input_token_cost</c>,
    /// <c>cache_creation_input_token_cost</c>, <c>output_cost_per_reasoning_token</c>, audio keys) and
    /// <c>metadata.notes</c> stating fee, budget, markup and fine-tuning price.
    /// </summary>
    /// <param name="provider">The <c>litellm_provider</c> of every entry (how LiteLLM routes the calls), e.g. "openai" for an OpenAI-compatible endpoint.</param>
    /// <exception cref="ArgumentException"><paramref name="provider"/> is empty or has whitespace.</exception>
    /// <exception cref="NotSupportedException">A token class has no LiteLLM key, or two classes map to the same key.</exception>
    public string ToLiteLlmJson(string provider = "openai")
    {
        CheckToken(provider, nameof(provider));
        var keys = Keys(LiteLlm);
        return Json(indent: 4, w =>
        {
            w.WriteStartObject();
            for (int k = 0; k < Entries.Count; k++)
            {
                var e = Entries[k];
                string notes = Notes(k);
                // Keys in ordinal order, as the LiteLLM file lists them.
                var fields = new SortedDictionary<string, Action>(StringComparer.Ordinal)
                {
                    ["litellm_provider"] = () => w.WriteString("litellm_provider", provider),
                    ["mode"] = () => w.WriteString("mode", "chat"),
                    ["metadata"] = () =>
                    {
                        w.WriteStartObject("metadata");
                        w.WriteString("notes", notes);
                        w.WriteEndObject();
                    },
                };
                foreach (var (key, price) in keys.Zip(e.Prices, (key, p) => (key, p.Price)))
                    fields[key] = () => Number(w, key, price);
                w.WriteStartObject(e.Name);
                foreach (var write in fields.Values) write();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// pydantic/genai-prices data (the format of <c>prices/data.json</c>): a list with one provider, id and name the sheet
    /// name, whose <c>models</c> (sorted by id, as the schema requires) are the plans: <c>id</c> <c>&lt;name&gt;/plan-k</c>,
    /// <c>match</c> <c>{"equals": id}</c>, <c>prices</c> in USD per million tokens (<c>input_mtok</c>, <c>cache_write_mtok</c>,
    /// <c>cache_read_mtok</c>, <c>output_mtok</c>, audio keys) and <c>price_comments</c> stating fee, budget, markup and
    /// fine-tuning price.
    /// </summary>
    /// <param name="apiPattern">The provider's <c>api_pattern</c> (a regex of the API's URL), required by the schema;
    /// by default one that matches no real host (<c>https://api\.&lt;name&gt;\.invalid</c>): replace it with your endpoint's.</param>
    /// <exception cref="ArgumentException"><paramref name="apiPattern"/> is empty.</exception>
    /// <exception cref="NotSupportedException">A token class has no genai-prices key (e.g. "reasoning": genai-prices bills
    /// reasoning tokens as output), or two classes map to the same key.</exception>
    public string ToGenAiPricesJson(string? apiPattern = null)
    {
        if (apiPattern is not null && apiPattern.Trim().Length == 0)
            throw new ArgumentException("'apiPattern' must be a regular expression of the API's URL, not empty.", nameof(apiPattern));
        apiPattern ??= "https://api\\." + System.Text.RegularExpressions.Regex.Escape(Name.Replace('/', '-')) + "\\.invalid";
        var keys = Keys(GenAiPrices);
        // The schema's field order.
        int[] order = [.. Enumerable.Range(0, keys.Length).OrderBy(j => Array.IndexOf(GenAiPricesOrder, keys[j]))];
        int[] models = [.. Enumerable.Range(0, Entries.Count).OrderBy(k => Entries[k].Name, StringComparer.Ordinal)];
        return Json(indent: 2, w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("id", Name);
            w.WriteString("name", Name);
            w.WriteString("api_pattern", apiPattern);
            w.WriteString("price_comments", "Generated by MenuDsl: each model is one plan of a menu. A plan's fee and budget, which this schema cannot express, are stated in the model's price_comments.");
            w.WriteStartArray("models");
            foreach (int k in models)
            {
                var e = Entries[k];
                w.WriteStartObject();
                w.WriteString("id", e.Name);
                w.WriteString("name", $"{Name} plan {k + 1} of {Entries.Count}");
                w.WriteStartObject("match");
                w.WriteString("equals", e.Name);
                w.WriteEndObject();
                w.WriteString("price_comments", Notes(k));
                w.WriteStartObject("prices");
                foreach (int j in order) Number(w, keys[j], e.Prices[j].Price * 1e6);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
        });
    }

    /// <summary>
    /// One row per plan, cheapest first, '\n' line ends: <c>name,fee_usd,budget_usd,markup</c>, one
    /// <c>&lt;class&gt;_usd_per_token</c> column per class, <c>fine_tuning_usd_per_token,lowest_type,share</c>. Numbers
    /// round-trip ("R", invariant culture); a tariff's budget is <c>Infinity</c>. Every class has its column.
    /// </summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        string[] header = ["name", "fee_usd", "budget_usd", "markup", .. Classes.Select(c => c + "_usd_per_token"), "fine_tuning_usd_per_token", "lowest_type", "share"];
        text.Append(string.Join(",", header.Select(Csv))).Append('\n');
        foreach (var e in Entries)
        {
            string[] row = [e.Name, R(e.Fee), R(e.Budget), R(e.Markup), .. e.Prices.Select(p => R(p.Price)), R(e.FineTuningPrice), R(e.LowestType), R(e.Share)];
            text.Append(string.Join(",", row.Select(Csv))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The free text a plan carries in both JSON formats: what the plan is, then <c>key=value</c> pairs separated by "; ".</summary>
    internal string Notes(int k)
    {
        var e = Entries[k];
        string what = e.IsTariff
            ? "two-part tariff: pay fee_usd, then any tokens at the listed per-token prices (markup times cost)"
            : "committed spend: pay fee_usd up front for a token budget of budget_usd, spent at the listed per-token prices";
        return $"MenuDsl plan {k + 1} of {Entries.Count} ({what}). fee_usd={R(e.Fee)}; budget_usd={(e.IsTariff ? "unlimited" : R(e.Budget))}; "
            + $"markup={R(e.Markup)}; fine_tuning_usd_per_token={R(e.FineTuningPrice)}; lowest_type={R(e.LowestType)}; share={R(e.Share)}";
    }

    // Class names (lower case) to each format's key. Classes are disjoint token counts, as both formats bill them.
    private static readonly Dictionary<string, string> LiteLlm = new(StringComparer.Ordinal)
    {
        ["input"] = "input_cost_per_token",
        ["output"] = "output_cost_per_token",
        ["cached_input"] = "cache_read_input_token_cost",
        ["cache_read"] = "cache_read_input_token_cost",
        ["cache_write"] = "cache_creation_input_token_cost",
        ["cache_creation"] = "cache_creation_input_token_cost",
        ["reasoning"] = "output_cost_per_reasoning_token",
        ["input_audio"] = "input_cost_per_audio_token",
        ["output_audio"] = "output_cost_per_audio_token",
        ["cached_input_audio"] = "cache_read_input_audio_token_cost",
    };

    private static readonly Dictionary<string, string> GenAiPrices = new(StringComparer.Ordinal)
    {
        ["input"] = "input_mtok",
        ["output"] = "output_mtok",
        ["cached_input"] = "cache_read_mtok",
        ["cache_read"] = "cache_read_mtok",
        ["cache_write"] = "cache_write_mtok",
        ["cache_creation"] = "cache_write_mtok",
        ["input_audio"] = "input_audio_mtok",
        ["output_audio"] = "output_audio_mtok",
        ["cached_input_audio"] = "cache_audio_read_mtok",
    };

    private static readonly string[] GenAiPricesOrder =
        ["input_mtok", "cache_write_mtok", "cache_read_mtok", "output_mtok", "input_audio_mtok", "cache_audio_read_mtok", "output_audio_mtok"];

    private string[] Keys(Dictionary<string, string> map)
    {
        string format = ReferenceEquals(map, LiteLlm) ? "LiteLLM price map" : "genai-prices";
        var keys = new string[Classes.Count];
        for (int j = 0; j < keys.Length; j++)
        {
            string name = Classes[j];
            if (!map.TryGetValue(name.Trim().ToLowerInvariant(), out var key))
                throw new NotSupportedException($"Token class '{name}' has no price key in the {format} format"
                    + (format == "genai-prices" && name.Trim().Equals("reasoning", StringComparison.OrdinalIgnoreCase) ? " (genai-prices bills reasoning tokens as output)" : "")
                    + $"; the classes it can carry are {string.Join(", ", map.Keys)}. Rename the class or export another format (the CSV carries every class).");
            int other = Array.IndexOf(keys, key, 0, j);
            if (other >= 0)
                throw new NotSupportedException($"Token classes '{Classes[other]}' and '{name}' both map to '{key}' in the {format} format, which has one price per key.");
            keys[j] = key;
        }
        return keys;
    }

    private static PriceSheetEntry Entry(string name, int k, double markup, double fee, double budget, IReadOnlyList<TokenCost> costs,
        double fineTuningCost, double lowestType, double share) =>
        new($"{name}/plan-{k + 1}", fee, budget, markup, [.. costs.Select(c => new TokenPrice(c.Name, markup * c.Cost))], markup * fineTuningCost, lowestType, share);

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));

    private static void CheckName(string name, int count)
    {
        CheckToken(name, nameof(name));
        int length = name.Length + $"/plan-{count}".Length;
        if (length > MaxIdLength)
            throw new ArgumentException($"'name' is too long: '{name}/plan-{count}' has {length} characters, genai-prices model ids at most {MaxIdLength}.", nameof(name));
    }

    private static void CheckToken(string value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException($"'{parameter}' must be non-empty without whitespace (it names models in the price maps) but is '{value}'.", parameter);
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter w, string key, double x)
    {
        // JSON has no Infinity or NaN; every price written is finite by construction.
        if (!double.IsFinite(x)) throw new InvalidOperationException($"The price '{key}' is {R(x)}, which JSON cannot carry.");
        w.WritePropertyName(key);
        w.WriteRawValue(R(x));
    }

    private static string Json(int indent, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = indent,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(w);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
