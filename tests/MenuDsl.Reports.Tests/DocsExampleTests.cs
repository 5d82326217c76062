using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MenuDsl;
using Xunit;

namespace MenuDsl.Reports.Tests;

/// <summary>docs/reports.md's example, run in a scratch folder (keep the two in step).</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void TheDocsExampleWritesEveryFile()
    {
        string folder = Models.OutputFolder("docs-example");
        string At(string file) => Path.Combine(folder, file);
        var output = new StringWriter();

        IIndexModel model = PricingModel.CobbDouglas(0.30, 0.20, 0.10)
            .WithCosts(0.01, 0.02, 0.05)
            .WithValues(Distribution.Uniform, 0.0, 1.0)
            .WithScales(Distribution.Uniform, 0.2, 1.0)
            .Build();

        MenuReport.Grid(model, new GridOptions { Count = 20, ScaleCount = 5 }).Save(At("menu.csv"));
        MenuReport.Packages(model).Save(At("packages.json"));
        MenuReport.WriteTariffsCsv(model, output);

        var plans = Enumerable.Range(1, 5).Select(k => PlanDesigner.CommittedSpend(model, k)).ToList();
        MenuReport.Plans(plans[2], model).Save(At("plans.csv"));

        using (var plot = MenuPlots.Tariffs(model)) MenuPlots.Save(plot, At("tariffs.png"));
        using (var plot = MenuPlots.Plans(model, [plans[0], plans[2]])) MenuPlots.Save(plot, At("plans.svg"));
        using (var plot = MenuPlots.Retained(plans)) MenuPlots.Save(plot, At("retained.png"), 1200, 750);

        Assert.Equal(100, new Csv(File.ReadAllText(At("menu.csv"))).Rows.Length);
        using var doc = JsonDocument.Parse(File.ReadAllText(At("packages.json")));
        Assert.Equal(20, doc.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(100, new Csv(output.ToString()).Rows.Length);
        Assert.Equal(3, new Csv(File.ReadAllText(At("plans.csv"))).Rows.Length);
        foreach (var file in new[] { "tariffs.png", "plans.svg", "retained.png" }) Assert.True(new FileInfo(At(file)).Length > 5000, file);
        // Retained rises with K.
        Assert.Equal(plans.Select(p => p.Retained).Order(), plans.Select(p => p.Retained));
    }
}
