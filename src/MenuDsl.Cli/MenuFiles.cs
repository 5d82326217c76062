using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MenuDsl.Cli;

/// <summary>menu.csv and menu.json of <c>solve --out</c> for a binary model (index models write MenuDsl.Reports' grid table).</summary>
internal static class MenuFiles
{
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

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            body(w);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
