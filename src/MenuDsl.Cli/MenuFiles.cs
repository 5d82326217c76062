using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MenuDsl.Cli;

/// <summary>menu.csv and menu.json of <c>solve --out</c>.</summary>
internal static class MenuFiles
{
    /// <summary>One row per grid type; numbers round-trip ("R", invariant), +∞ as <c>Infinity</c>.</summary>
    public static string Csv(MenuTable menu, string[] classes)
    {
        var text = new StringBuilder();
        string[] header = ["w", "s", "quality", .. classes.Select(c => c + "_tokens"), "fine_tuning", "payment", "cost", "buyer_utility", "profit",
            "markup", .. classes.Select(c => c + "_price"), "fine_tuning_price", "fee", "task_cap"];
        text.Append(string.Join(",", header)).Append('\n');
        foreach (var item in menu.Items)
        {
            var c = item.Contract;
            var t = item.Tariff;
            double[] row = [item.Value, item.Scale, c.Quality, .. item.Tokens, c.FineTuning, c.Transfer, c.Cost, c.BuyerUtility, c.Profit,
                t.Markup, .. item.Prices, t.FineTuningPrice, t.Fee, t.TaskCap];
            text.Append(string.Join(",", row.Select(R))).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The model, its profits and audit, and every grid type's contract and tariff; non-finite numbers are null.</summary>
    public static string Json(ModelFile file, IIndexModel model, MenuTable menu, string[] classes, double contractible, double packages, AuditReport audit) =>
        Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("source", file.Source);
            w.WriteString("model", file.Summary);
            Number(w, "reserveValue", model.ReserveValue);
            Number(w, "fineTuningThreshold", model.FineTuningThreshold);
            Number(w, "expectedProfit", contractible);
            Number(w, "expectedPackageProfit", packages);
            w.WriteStartObject("audit");
            Number(w, "maxRegret", audit.MaxRegret);
            Number(w, "participationViolation", audit.ParticipationViolation);
            w.WriteNumber("typesChecked", audit.TypesChecked);
            w.WriteString("worst", audit.Worst);
            w.WriteEndObject();
            w.WriteStartArray("classes");
            foreach (string c in classes) w.WriteStringValue(c);
            w.WriteEndArray();
            Numbers(w, "values", menu.Values);
            Numbers(w, "scales", menu.Scales);
            w.WriteStartArray("items");
            foreach (var item in menu.Items)
            {
                var c = item.Contract;
                var t = item.Tariff;
                w.WriteStartObject();
                Number(w, "w", item.Value);
                Number(w, "s", item.Scale);
                w.WriteStartObject("contract");
                Number(w, "quality", c.Quality);
                PerClass(w, "tokens", classes, item.Tokens);
                Number(w, "fineTuning", c.FineTuning);
                Number(w, "payment", c.Transfer);
                Number(w, "cost", c.Cost);
                Number(w, "buyerUtility", c.BuyerUtility);
                Number(w, "profit", c.Profit);
                w.WriteEndObject();
                w.WriteStartObject("tariff");
                Number(w, "markup", t.Markup);
                PerClass(w, "prices", classes, item.Prices);
                Number(w, "fineTuningPrice", t.FineTuningPrice);
                Number(w, "fee", t.Fee);
                Number(w, "taskCap", t.TaskCap);
                if (t.Included is { } bundle)
                {
                    w.WriteStartObject("included");
                    Number(w, "quality", bundle.Quality);
                    Number(w, "input", bundle.Input);
                    Number(w, "output", bundle.Output);
                    Number(w, "fineTuning", bundle.FineTuning);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    /// <summary>One row per type and task segment.</summary>
    public static string BinaryCsv(BinaryMenu menu)
    {
        var text = new StringBuilder("type,probability,segment,width,task_value,quality,input,output,fine_tuning,payment,cost,buyer_utility,profit\n");
        foreach (var (label, item) in new[] { ("H", menu.High), ("L", menu.Low) })
            for (int k = 0; k < menu.SegmentWidths.Count; k++)
            {
                double value = TaskValue(item.Profile, menu.SegmentWidths, k);
                text.Append(label).Append(',').Append(string.Join(",", new[] { item.Profile.Probability, k + 1, menu.SegmentWidths[k], value, item.Quality[k],
                    item.Input[k], item.Output[k], item.FineTuning, item.Transfer, item.Cost, item.BuyerUtility, item.Profit }.Select(R))).Append('\n');
            }
        return text.ToString();
    }

    /// <summary>The regime, expected profit and both items.</summary>
    public static string BinaryJson(ModelFile file, BinaryMenu menu) =>
        Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("source", file.Source);
            w.WriteString("model", file.Summary);
            w.WriteString("regime", menu.Regime.ToString());
            Number(w, "expectedProfit", menu.ExpectedProfit);
            Numbers(w, "segmentWidths", menu.SegmentWidths);
            w.WriteStartArray("items");
            foreach (var (label, item) in new[] { ("H", menu.High), ("L", menu.Low) })
            {
                w.WriteStartObject();
                w.WriteString("type", label);
                Number(w, "probability", item.Profile.Probability);
                Numbers(w, "taskValues", item.Profile.TaskValues);
                Numbers(w, "profileSegmentWidths", item.Profile.SegmentWidths);
                Numbers(w, "quality", item.Quality);
                Numbers(w, "input", item.Input);
                Numbers(w, "output", item.Output);
                Number(w, "fineTuning", item.FineTuning);
                Number(w, "payment", item.Transfer);
                Number(w, "cost", item.Cost);
                Number(w, "buyerUtility", item.BuyerUtility);
                Number(w, "profit", item.Profit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

    // The profile's value on refined segment k (segments cover the tasks from the first; beyond them 0).
    private static double TaskValue(TypeProfile profile, IReadOnlyList<double> widths, int k)
    {
        double mid = widths.Take(k).Sum() + widths[k] / 2, end = 0;
        for (int i = 0; i < profile.SegmentWidths.Count; i++)
        {
            end += profile.SegmentWidths[i];
            if (mid < end) return profile.TaskValues[i];
        }
        return 0;
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter w, string name, double x)
    {
        if (double.IsFinite(x)) w.WriteNumber(name, x);
        else w.WriteNull(name);   // JSON has no Infinity: +∞ prices (excluded or pooled types) are null
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> xs)
    {
        w.WriteStartArray(name);
        foreach (double x in xs)
            if (double.IsFinite(x)) w.WriteNumberValue(x);
            else w.WriteNullValue();
        w.WriteEndArray();
    }

    private static void PerClass(Utf8JsonWriter w, string name, string[] classes, double[] xs)
    {
        w.WriteStartObject(name);
        for (int j = 0; j < classes.Length; j++) Number(w, classes[j], xs[j]);
        w.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            body(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
