using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MenuDsl;
using ScottPlot;
using Xunit;

namespace MenuDsl.Reports.Tests;

public sealed class PlotTests(PlanMenus menus) : IClassFixture<PlanMenus>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static IEnumerable<object[]> Plots() =>
    [
        ["price-schedule", "Package price schedule"],
        ["tariffs", "Two-part tariffs by type"],
        ["quality", "Quality by type"],
        ["markup", "Markup over marginal cost"],
        ["package-tariffs", "Package tariffs by type"],
        ["plans", "Committed-spend plans"],
        ["retained", "Profit kept by K plans"],
    ];

    private Plot Make(string name, IIndexModel model) => name switch
    {
        "price-schedule" => MenuPlots.PriceSchedule(model),
        "tariffs" => MenuPlots.Tariffs(model),
        "quality" => MenuPlots.Quality(model),
        "markup" => MenuPlots.Markup(model),
        "package-tariffs" => MenuPlots.PackageTariffs(model),
        "plans" => MenuPlots.Plans(model, [menus.CommittedSpend[0], menus.CommittedSpend[2]]),
        "retained" => MenuPlots.Retained(menus.CommittedSpend),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Plots))]
    public void WritesReadablePngAndSvg(string name, string title)
    {
        string folder = Models.OutputFolder("plots-" + name);
        using var plot = Make(name, Models.Default.Value);
        string png = Path.Combine(folder, name + ".png"), svg = Path.Combine(folder, name + ".svg");
        MenuPlots.Save(plot, png);
        MenuPlots.Save(plot, svg);
        AssertPng(png, 800, 500);
        AssertSvg(svg, title);
    }

    [Theory]
    [InlineData("finetuning")]
    [InlineData("classes")]
    public void OtherModelsPlotToo(string name)
    {
        var model = name == "finetuning" ? Models.FineTuning.Value : Models.TokenClasses.Value;
        string folder = Models.OutputFolder("plots-" + name);
        var plots = new (string File, Plot Plot)[]
        {
            ("price-schedule.png", MenuPlots.PriceSchedule(model)),
            ("tariffs.png", MenuPlots.Tariffs(model, 1)),
            ("quality.png", MenuPlots.Quality(model)),
            ("markup.svg", MenuPlots.Markup(model)),
        };
        foreach (var (file, plot) in plots)
        {
            using (plot) MenuPlots.Save(plot, Path.Combine(folder, file), 1000, 600);
            if (file.EndsWith(".png")) AssertPng(Path.Combine(folder, file), 1000, 600);
            else AssertSvg(Path.Combine(folder, file), "Markup");
        }
    }

    [Fact]
    public void RetainedFromTheModelDesignsTheMenus()
    {
        var model = PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).Build();
        string folder = Models.OutputFolder("plots-retained-model");
        var tariffs = new[] { PlanDesigner.TwoPartTariffs(model, 1), PlanDesigner.TwoPartTariffs(model, 2) };
        var spend = Enumerable.Range(1, 3).Select(k => PlanDesigner.CommittedSpend(model, k)).ToArray();
        using (var plot = MenuPlots.Retained(model, 3)) MenuPlots.Save(plot, Path.Combine(folder, "retained.png"));
        using (var plot = MenuPlots.Retained([.. spend, .. tariffs])) MenuPlots.Save(plot, Path.Combine(folder, "both.png"));
        using (var plot = MenuPlots.Plans(model, [spend[1], tariffs[1]])) MenuPlots.Save(plot, Path.Combine(folder, "plans.png"));
        AssertPng(Path.Combine(folder, "retained.png"), 800, 500);
        AssertPng(Path.Combine(folder, "both.png"), 800, 500);
        AssertPng(Path.Combine(folder, "plans.png"), 800, 500);
    }

    [Fact]
    public void PooledAndExcludedTypesAreLeftOutNotDrawnAtInfinity()
    {
        // A gap in the values (model.md §6) pools types just below it: their items are bundles with +∞ unit prices.
        var model = PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(1, 2, 5)
            .WithValues(TypeDistribution.Mixture((0.9, TypeDistribution.Uniform(1, 2)), (0.1, TypeDistribution.Uniform(3, 4)))).Build();
        var table = MenuReport.Tariffs(model, new GridOptions { Count = 200 });
        Assert.True(table.Column("pooled").Contains(1.0), $"pools {string.Join(";", model.Description.Values.PoolingIntervals)} reserve {model.ReserveValue} w {string.Join(",", table.Column("w").Take(5))}");
        Assert.DoesNotContain("Infinity", table.ToJson());
        string folder = Models.OutputFolder("plots-pooled");
        foreach (var (file, plot) in new (string, Plot)[] { ("tariffs.png", MenuPlots.Tariffs(model)), ("markup.png", MenuPlots.Markup(model)),
            ("quality.png", MenuPlots.Quality(model)), ("packages.png", MenuPlots.PackageTariffs(model)) })
        {
            using (plot)
            {
                foreach (var line in plot.GetPlottables<ScottPlot.Plottables.Scatter>())
                    Assert.All(line.Data.GetScatterPoints(), p => Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y), $"{file}: {p}"));
                MenuPlots.Save(plot, Path.Combine(folder, file));
            }
            AssertPng(Path.Combine(folder, file), 800, 500);
        }
    }

    [Fact]
    public void BadInputNamesTheArgument()
    {
        var model = Models.Default.Value;
        using var plot = MenuPlots.Markup(model);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => MenuPlots.Save(plot, "menu.jpg")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => MenuPlots.Save(plot, null!)).ParamName);
        Assert.Equal("plot", Assert.Throws<ArgumentNullException>(() => MenuPlots.Save(null!, "a.png")).ParamName);
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => MenuPlots.Save(plot, "a.png", 10)).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => MenuPlots.PriceSchedule(null!)).ParamName);
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => MenuPlots.Tariffs(model, 0.1)).ParamName);
        Assert.Equal("menus", Assert.Throws<ArgumentException>(() => MenuPlots.Plans(model, [])).ParamName);
        Assert.Equal("menus", Assert.Throws<ArgumentException>(() => MenuPlots.Retained([])).ParamName);
        Assert.Equal("maxCount", Assert.Throws<ArgumentOutOfRangeException>(() => MenuPlots.Retained(model, 0)).ParamName);
    }

    private static void AssertPng(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5000, $"{path} holds only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        // The first chunk is IHDR: length (4), "IHDR", width (4, big-endian), height (4).
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    private static void AssertSvg(string path, string title)
    {
        string text = File.ReadAllText(path);
        Assert.True(text.Length > 1000, $"{path} holds only {text.Length} characters");
        var doc = XDocument.Parse(text);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Contains(title, text);
    }
}

public sealed class DependencyTests
{
    [Fact]
    public void TheCoreDoesNotReferenceThePlottingLibraries()
    {
        var references = typeof(IPricingModel).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.DoesNotContain(references, n => n.StartsWith("ScottPlot", StringComparison.Ordinal) || n.StartsWith("SkiaSharp", StringComparison.Ordinal));
        Assert.Contains(typeof(MenuPlots).Assembly.GetReferencedAssemblies(), a => a.Name == "ScottPlot");
    }
}
