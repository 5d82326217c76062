using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Generated binary models (model.md §7) against <c>BuildBinary</c> with the same parameters: both run the kernel's
/// BinaryCore, the generated one at build time into literals, so every member agrees to rounding.
/// </summary>
public sealed class BinaryGenerationTests
{
    /// <summary>A binary model: its attributes, the same model built at run time, and the regime it has.</summary>
    public sealed record Case(string Technology, string Costs, string First, string Second, Func<IBinaryModel> Runtime,
        BinaryRegime Regime);

    /// <summary>Relative agreement on every member; a custom technology's Newton steps converge to it from either set of derivatives.</summary>
    private const double Tolerance = 1e-12;

    private const string CobbDouglas = "[CobbDouglas(0.25, 0.25, 0.1)]";

    // Cobb-Douglas (.25, .25, .1) by hand, with exact derivatives at run time and the generator's symbolic ones at build time.
    private const string HandWritten = "[ProductionFunction] public static double V(double x, double y, double z) => System.Math.Pow(x, 0.25) * System.Math.Pow(y, 0.25) * System.Math.Pow(1 + z, 0.1);";

    private static ModelBuilder<IPricingModel> HandWrittenRuntime() => PricingModel.Custom(new CustomTechnology(
        (x, y, z) => Math.Pow(x, 0.25) * Math.Pow(y, 0.25) * Math.Pow(1 + z, 0.1),
        (x, y, z) =>
        {
            double v = Math.Pow(x, 0.25) * Math.Pow(y, 0.25) * Math.Pow(1 + z, 0.1);
            return new ProductionGradient(0.25 * v / x, 0.25 * v / y, 0.1 * v / (1 + z));
        },
        (x, y, z) =>
        {
            double v = Math.Pow(x, 0.25) * Math.Pow(y, 0.25) * Math.Pow(1 + z, 0.1);
            return new ProductionHessian(-0.1875 * v / (x * x), 0.0625 * v / (x * y), 0.025 * v / (x * (1 + z)),
                -0.1875 * v / (y * y), 0.025 * v / (y * (1 + z)), -0.09 * v / ((1 + z) * (1 + z)));
        },
        "x^0.25 y^0.25 (1 + z)^0.1"));

    public static Dictionary<string, Case> Cases { get; } = new()
    {
        // model.md §7's caveat: profiles not ordered, the screening formula would leave H a negative rent.
        ["Unordered task profiles (model.md §7)"] = new(CobbDouglas, "[TokenCosts(1.0, 1.0, 1.0)]",
            "[TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })]", "[TypeProfile(0.5, TaskValues = new[] { 1.0, 1.0 })]",
            () => PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 1, 1).BuildBinary(TypeProfile.Tasks(0.5, 2.0, 0.6), TypeProfile.Tasks(0.5, 1.0, 1.0)),
            BinaryRegime.ZeroRentsDistorted),
        ["Ordered value-scale profiles"] = new(CobbDouglas, "[TokenCosts(1.0, 2.0, 5.0)]",
            "[TypeProfile(0.5, Value = 1.0)]", "[TypeProfile(0.5, Value = 2.0)]",
            () => PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 2, 5).BuildBinary(TypeProfile.ValueScale(0.5, 1.0), TypeProfile.ValueScale(0.5, 2.0)),
            BinaryRegime.HighIncentiveBinding),
        ["Profiles valuing different tasks"] = new(CobbDouglas, "[TokenCosts(1.0, 1.0, 1.0)]",
            "[TypeProfile(0.4, TaskValues = new[] { 1.0, 0.1 })]", "[TypeProfile(0.6, TaskValues = new[] { 0.1, 1.0 })]",
            () => PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 1, 1).BuildBinary(TypeProfile.Tasks(0.4, 1.0, 0.1), TypeProfile.Tasks(0.6, 0.1, 1.0)),
            BinaryRegime.FullExtraction),
        ["Fine-tuning, scales on different segments"] = new(CobbDouglas, "[TokenCosts(0.01, 0.02, 0.05)]",
            "[TypeProfile(0.3, Value = 2.0)]", "[TypeProfile(0.7, Value = 1.0, Scale = 0.5)]",
            () => PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(0.01, 0.02, 0.05).BuildBinary(TypeProfile.ValueScale(0.3, 2.0), TypeProfile.ValueScale(0.7, 1.0, 0.5)),
            BinaryRegime.HighIncentiveBinding),
        ["CES, unordered task profiles"] = new("[Ces(0.6, -0.5, 0.5, 0.1)]", "[TokenCosts(1.0, 1.0, 1.0)]",
            "[TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })]", "[TypeProfile(0.5, TaskValues = new[] { 1.0, 1.0 })]",
            () => PricingModel.Ces(0.6, -0.5, 0.5, 0.1).WithCosts(1, 1, 1).BuildBinary(TypeProfile.Tasks(0.5, 2.0, 0.6), TypeProfile.Tasks(0.5, 1.0, 1.0)),
            BinaryRegime.ZeroRentsDistorted),
        ["CES, ordered with fine-tuning"] = new("[Ces(0.6, 0.5, 0.5, 0.1)]", "[TokenCosts(0.01, 0.02, 0.05)]",
            "[TypeProfile(0.25, Value = 3.0)]", "[TypeProfile(0.75, Value = 1.0)]",
            () => PricingModel.Ces(0.6, 0.5, 0.5, 0.1).WithCosts(0.01, 0.02, 0.05).BuildBinary(TypeProfile.ValueScale(0.25, 3.0), TypeProfile.ValueScale(0.75, 1.0)),
            BinaryRegime.HighIncentiveBinding),
        // Newton on symbolic derivatives at build time, on hand-written ones at run time.
        ["Custom, unordered task profiles"] = new("", "[TokenCosts(1.0, 1.0, 1.0)]",
            "[TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })]", "[TypeProfile(0.5, TaskValues = new[] { 1.0, 1.0 })]",
            () => HandWrittenRuntime().WithCosts(1, 1, 1).BuildBinary(TypeProfile.Tasks(0.5, 2.0, 0.6), TypeProfile.Tasks(0.5, 1.0, 1.0)),
            BinaryRegime.ZeroRentsDistorted),
        ["Custom, ordered with fine-tuning"] = new("", "[TokenCosts(0.01, 0.02, 0.05)]",
            "[TypeProfile(0.5, Value = 1.0)]", "[TypeProfile(0.5, Value = 2.0)]",
            () => HandWrittenRuntime().WithCosts(0.01, 0.02, 0.05).BuildBinary(TypeProfile.ValueScale(0.5, 1.0), TypeProfile.ValueScale(0.5, 2.0)),
            BinaryRegime.HighIncentiveBinding),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    /// <summary>The model class of a case; a custom technology is the hand-written method.</summary>
    public static string Source(Case c) => $$"""
        using MenuDsl;

        namespace Shop.Pricing;

        [PricingModel]
        {{c.Technology}}
        {{c.Costs}}
        {{c.First}}
        {{c.Second}}
        public partial class TwoTypeApi{{(c.Technology.Length == 0 ? " { " + HandWritten + " }" : ";")}}
        """;

    public static IBinaryModel Generated(string source) =>
        (IBinaryModel)GeneratorHarness.CompileAndLoad(source).GetType("Shop.Pricing.TwoTypeApi", throwOnError: true)!
            .GetProperty("Instance")!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Names))]
    public void GeneratedMenuEqualsTheRuntimeBuiltMenu(string name)
    {
        var c = Cases[name];
        var generated = Generated(Source(c)).BinaryMenu;
        var runtime = c.Runtime().BinaryMenu;

        Assert.Equal(c.Regime, runtime.Regime);
        if (name.Contains("fine-tuning", StringComparison.OrdinalIgnoreCase)) Assert.True(runtime.High.FineTuning > 0, "H fine-tunes");
        Assert.Equal(runtime.Regime, generated.Regime);
        double scale = Math.Max(runtime.High.Transfer, runtime.Low.Transfer);
        Same(runtime.ExpectedProfit, generated.ExpectedProfit, Tolerance, "ExpectedProfit", scale);
        Same(runtime.SegmentWidths, generated.SegmentWidths, Tolerance, "SegmentWidths", 1);
        Item(runtime.High, generated.High, "High");
        Item(runtime.Low, generated.Low, "Low");

        void Item(BinaryItem expected, BinaryItem actual, string what)
        {
            Assert.Equal(expected.Profile, actual.Profile);
            Same(expected.Quality, actual.Quality, Tolerance, what + ".Quality", 0);
            Same(expected.Input, actual.Input, Tolerance, what + ".Input", 0);
            Same(expected.Output, actual.Output, Tolerance, what + ".Output", 0);
            Same(expected.FineTuning, actual.FineTuning, Tolerance, what + ".FineTuning", 1);
            Same(expected.Transfer, actual.Transfer, Tolerance, what + ".Transfer", scale);
            Same(expected.Cost, actual.Cost, Tolerance, what + ".Cost", scale);
            Same(expected.BuyerUtility, actual.BuyerUtility, Tolerance, what + ".BuyerUtility", scale);
        }
    }

    [Fact]
    public void ExampleNamesItsRegimeAndWhy()
    {
        string text = Models.Generate(Source(Cases["Unordered task profiles (model.md §7)"]));
        Assert.Contains("sealed partial class TwoTypeApi : global::MenuDsl.IBinaryModel", text);
        Assert.Contains("// Regime: ZeroRentsDistorted. H is the first declared [TypeProfile];", text);
        Assert.Matches(@"H's rent ∫\(w_H − w_L\) v\(q_L\) would be -[0-9.e-]+ < 0 at f_H/f_L = 1: zero rents, L distorted along w_L − t \(w_H − w_L\) with t = 0\.[0-9]+", text);
    }

    // The literals round-trip: the generated doubles are the kernel's, bit for bit.
    [Fact]
    public void ClosedFormMenusAreBitForBitTheRuntimeMenus()
    {
        var c = Cases["Unordered task profiles (model.md §7)"];
        var generated = Generated(Source(c)).BinaryMenu;
        var runtime = c.Runtime().BinaryMenu;
        Assert.Equal(runtime.ExpectedProfit, generated.ExpectedProfit);
        Assert.Equal(runtime.High.Quality, generated.High.Quality);
        Assert.Equal(runtime.Low.Transfer, generated.Low.Transfer);
    }

    private static void Same(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what, double scale)
    {
        Assert.Equal(expected.Count, actual.Count);
        double size = Math.Max(scale, expected.Select(Math.Abs).DefaultIfEmpty().Max());
        for (int i = 0; i < expected.Count; i++) Same(expected[i], actual[i], tolerance, $"{what}[{i}]", size);
    }

    private static void Same(double expected, double actual, double tolerance, string what, double scale)
    {
        double size = Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), Math.Abs(scale));
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(size, 1e-300),
            $"{what}: runtime {expected:R}, generated {actual:R} (relative tolerance {tolerance})");
    }
}
