using System;
using System.IO;
using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Reports.Tests;

[PricingModel]
[CobbDouglas(0.30, 0.20, 0.10)]
[TokenCosts(0.01, 0.02, 0.05)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class ChatApi;

/// <summary>The reports on a generated model agree with the same model built at run time.</summary>
public sealed class GeneratedModelTests
{
    [Fact]
    public void GridsAndTablesOfAGeneratedModelMatchTheRuntimeModel()
    {
        IIndexModel generated = ChatApi.Instance, built = Models.FineTuning.Value;
        var thetas = ReportGrids.Thetas(generated, 8);
        var reference = ReportGrids.Thetas(built, 8);
        for (int i = 0; i < 8; i++) Assert.Equal(reference[i], thetas[i], 1e-9);
        var options = new GridOptions { Count = 6, ScaleCount = 2 };
        var a = MenuReport.Packages(generated, options);
        var b = MenuReport.Packages(built, options);
        foreach (var column in new[] { "theta", "quality", "transfer", "fee", "budget" })
            Assert.All(a.Column(column).Zip(b.Column(column)), p => Assert.Equal(p.Second, p.First, 1e-9 * Math.Max(1, Math.Abs(p.Second))));
        Assert.Equal(MenuReport.Grid(built, options).Column("transfer"), MenuReport.Grid(generated, options).Column("transfer"),
            (x, y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)));
        string folder = Models.OutputFolder("generated");
        using var plot = MenuPlots.Quality(generated);
        MenuPlots.Save(plot, Path.Combine(folder, "quality.svg"));
        Assert.True(new FileInfo(Path.Combine(folder, "quality.svg")).Length > 1000);
    }
}
