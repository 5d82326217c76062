using System;
using System.IO;
using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Reports.Tests;

/// <summary>Unbounded value laws and a custom technology: the grids stay finite and the reports run.</summary>
public sealed class OtherLawsTests
{
    [Fact]
    public void ExponentialValuesWithScales()
    {
        var model = PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(0.01, 0.02, 0.05)
            .WithValues(Distribution.Exponential, 2.0).WithScales(Distribution.Uniform, 0.2, 1).Build();
        var thetas = ReportGrids.Thetas(model, 10);
        Assert.All(thetas, t => Assert.True(double.IsFinite(t) && model.Package(t).Quality > 0));
        var table = MenuReport.Packages(model, new GridOptions { Count = 10 });
        Assert.Equal(10, table.Rows.Count);
        Assert.DoesNotContain("Infinity", table.ToJson());
        string folder = Models.OutputFolder("exponential");
        foreach (var (file, plot) in new (string, ScottPlot.Plot)[] { ("schedule.png", MenuPlots.PriceSchedule(model)), ("markup.png", MenuPlots.Markup(model)),
            ("quality.png", MenuPlots.Quality(model)), ("tariffs.png", MenuPlots.Tariffs(model)) })
            using (plot) MenuPlots.Save(plot, Path.Combine(folder, file));
        Assert.All(Directory.GetFiles(folder), f => Assert.True(new FileInfo(f).Length > 5000, f));
    }

    [Fact]
    public void CustomTechnologyGridAndTariffs()
    {
        var model = PricingModel.Custom((x, y, z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1))
            .WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).Build();
        var grid = MenuReport.Grid(model, new GridOptions { Count = 4 });
        Assert.Equal(4, grid.Rows.Count);
        Assert.Throws<ArgumentException>(() => grid.Column("theta"));
        var reference = MenuReport.Grid(Models.Default.Value, new GridOptions { Count = 4, Scales = [1] });
        for (int r = 0; r < 4; r++)
            Assert.Equal(reference.Column("transfer")[r], grid.Column("transfer")[r], 1e-6);
        string folder = Models.OutputFolder("custom");
        using (var plot = MenuPlots.Tariffs(model)) MenuPlots.Save(plot, Path.Combine(folder, "tariffs.svg"));
        using (var plot = MenuPlots.Markup(model)) MenuPlots.Save(plot, Path.Combine(folder, "markup.png"));
        Assert.True(new FileInfo(Path.Combine(folder, "markup.png")).Length > 5000);
    }
}
