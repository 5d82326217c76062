using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MenuDsl;

namespace MenuDsl.Reports.Tests;

/// <summary>The models the reports are checked on, built at run time.</summary>
internal static class Models
{
    /// <summary>api.md's default model (Example A costs, w ~ U[0, 1], s ~ U[0.2, 1]): nobody fine-tunes.</summary>
    public static readonly Lazy<IIndexModel> Default = new(() => PricingModel.CobbDouglas(0.30, 0.20, 0.10)
        .WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build());

    /// <summary>The same with costs divided by 100: θ̂ ≈ 0.16, so the higher types fine-tune.</summary>
    public static readonly Lazy<IIndexModel> FineTuning = new(() => PricingModel.CobbDouglas(0.30, 0.20, 0.10)
        .WithCosts(0.01, 0.02, 0.05).WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build());

    /// <summary>Three token classes (input, cached input, output) with fine-tuning.</summary>
    public static readonly Lazy<IIndexModel> TokenClasses = new(() => PricingModel.TokenClasses(
            [new("input", 0.2, 1.0), new("cached_input", 0.05, 0.1), new("output", 0.2, 4.0)], 0.1, 0.002)
        .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build());

    /// <summary>A fresh empty folder for written files, under the test output folder (kept for inspection).</summary>
    public static string OutputFolder(string name)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "report-output", name);
        if (Directory.Exists(folder)) Directory.Delete(folder, true);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>Plan menus of the default model, K = 1 … 5, designed once (a few seconds each).</summary>
public sealed class PlanMenus
{
    internal IReadOnlyList<PlanMenu> CommittedSpend { get; } =
        [.. Enumerable.Range(1, 5).Select(k => PlanDesigner.CommittedSpend(Models.Default.Value, k))];
}
