// Two buyer types (README "Two buyer types"): the binary environment of model.md §7, generated at build time from
// [TypeProfile] attributes and built at run time with BuildBinary. For each menu it prints both types' items, the
// regime (which constraints bind) and the number that explains it: the rent H would get from L's item,
// R = Σ_segments width · (w_H − w_L) · v_L, i.e. what L's item is worth to H above what L pays for it.
//
//   dotnet run --project examples/TwoTypes
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MenuDsl;
using MenuDsl.Examples.TwoTypes;

var inv = CultureInfo.InvariantCulture;
string F(double x, string format = "0.000000") => x.ToString(format, inv);
string List(IEnumerable<double> xs, string format = "0.0000") => "[" + string.Join(", ", xs.Select(x => F(x, format))) + "]";

Console.WriteLine("Two buyer types: v = x^0.25 y^0.25 (1 + z)^0.10, token costs (1, 1, 1)");
Console.WriteLine();

// 1. Ordered value-scale types, generated: H's incentive constraint binds.
Show("Generated OrderedBuyers: value 1.5 on all tasks vs value 1.0 on half of them", OrderedBuyers.Instance.BinaryMenu);

// 2. The same two types built at run time: the builder solves the same menu with the same kernel.
IBinaryModel runtime = PricingModel.CobbDouglas(0.25, 0.25, 0.10).WithCosts(1.0, 1.0, 1.0)
    .BuildBinary(TypeProfile.ValueScale(0.5, 1.5, 1.0), TypeProfile.ValueScale(0.5, 1.0, 0.5));
Show("Runtime-built BuildBinary(ValueScale(0.5, 1.5, 1.0), ValueScale(0.5, 1.0, 0.5))", runtime.BinaryMenu);
Console.WriteLine($"Largest difference between the generated and runtime-built menus: {Difference(OrderedBuyers.Instance.BinaryMenu, runtime.BinaryMenu).ToString("G3", inv)}");
Console.WriteLine();

// 3. Unordered task profiles, generated: the case the slides' dichotomy misses.
Show("Generated TaskSpecialists: task values (2.0, 0.6) vs (1.0, 1.0)", TaskSpecialists.Instance.BinaryMenu);

// 4. A keen but small buyer against a broad but lukewarm one, built at run time: neither wants the other's bundle.
IBinaryModel separated = PricingModel.CobbDouglas(0.25, 0.25, 0.10).WithCosts(1.0, 1.0, 1.0)
    .BuildBinary(TypeProfile.ValueScale(0.5, 2.0, 0.2), TypeProfile.ValueScale(0.5, 1.0, 1.0));
Show("Runtime-built BuildBinary(ValueScale(0.5, 2.0, 0.2), ValueScale(0.5, 1.0, 1.0))", separated.BinaryMenu);

void Show(string title, BinaryMenu menu)
{
    Console.WriteLine(title);
    Console.WriteLine($"  task segments (shares of all tasks): {List(menu.SegmentWidths, "0.###")}");
    foreach (var (name, item) in new[] { ("H", menu.High), ("L", menu.Low) })
    {
        Console.WriteLine($"  {name}: p = {F(item.Profile.Probability, "0.##")}, values per segment {List(Values(item.Profile, menu.SegmentWidths), "0.##")}");
        Console.WriteLine($"     quality per task {List(item.Quality)}, input {List(item.Input)}, output {List(item.Output)}, fine-tuning {F(item.FineTuning, "0.0000")}");
        Console.WriteLine($"     pays {F(item.Transfer)}, costs {F(item.Cost)}, keeps {F(item.BuyerUtility)}");
    }
    double[] high = Values(menu.High.Profile, menu.SegmentWidths), low = Values(menu.Low.Profile, menu.SegmentWidths);
    // Rounded to 1e-9 (+ 0.0 turns −0 into 0): in the zero-rents regime R is 0 up to rounding.
    double rent = Math.Round(menu.SegmentWidths.Select((width, i) => width * (high[i] - low[i]) * menu.Low.Quality[i]).Sum(), 9) + 0.0;
    bool ordered = high.Zip(low).All(p => p.First >= p.Second);
    Console.WriteLine($"  regime: {menu.Regime}; expected profit {F(menu.ExpectedProfit)}");
    Console.WriteLine("  why: " + menu.Regime switch
    {
        BinaryRegime.FullExtraction =>
            $"each type gets its efficient bundle for its whole value; H would get R = {F(rent)} ≤ 0 from L's item, so no rent is needed",
        BinaryRegime.HighIncentiveBinding =>
            $"H values every segment at least as much as L, so L's item is worth R = {F(rent)} to H above its price: H keeps that rent ({F(menu.High.BuyerUtility)}) and L's bundle is cut to shrink it",
        _ =>
            $"the profiles are {(ordered ? "" : "not ")}ordered (H values some segments less than L), so the usual rent to H would be negative; both keep zero rents and L's bundle is distorted until H is indifferent to it (R = {F(rent)})",
    });
    Console.WriteLine();
}

// The value a profile puts on each segment of the common refinement (0 beyond the tasks it runs).
static double[] Values(TypeProfile profile, IReadOnlyList<double> widths)
{
    var values = new double[widths.Count];
    double start = 0;
    for (int i = 0; i < widths.Count; i++)
    {
        double middle = start + widths[i] / 2, edge = 0;
        start += widths[i];
        for (int j = 0; j < profile.SegmentWidths.Count; j++)
        {
            edge += profile.SegmentWidths[j];
            if (middle < edge) { values[i] = profile.TaskValues[j]; break; }
        }
    }
    return values;
}

// The largest absolute difference over the two items' qualities, tokens, payments and rents, and the expected profit.
static double Difference(BinaryMenu a, BinaryMenu b)
{
    static IEnumerable<double> Numbers(BinaryMenu m) =>
        new[] { m.High, m.Low }.SelectMany(item => item.Quality.Concat(item.Input).Concat(item.Output)
            .Append(item.FineTuning).Append(item.Transfer).Append(item.BuyerUtility)).Append(m.ExpectedProfit);
    return Numbers(a).Zip(Numbers(b)).Max(p => Math.Abs(p.First - p.Second));
}
