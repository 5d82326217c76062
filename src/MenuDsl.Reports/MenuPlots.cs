using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace MenuDsl.Reports;

/// <summary>
/// Plots of a model's menus for a pricing memo (docs/reports.md), drawn with ScottPlot 5. Every method returns a
/// titled <see cref="Plot"/> with labelled axes (units: USD, tokens, "type w", "θ") and a legend; write it with
/// <see cref="Save"/> (PNG or SVG by extension, 800 × 500 by default) or change it first. Excluded types and
/// non-finite amounts (the +∞ prices of types that are not sold tokens) are left out, never drawn at ∞.
/// The caller owns the plot (it is <see cref="IDisposable"/>).
/// </summary>
public static class MenuPlots
{
    /// <summary>The default image width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>The default image height in pixels.</summary>
    public const int DefaultHeight = 500;

    // Points along a type axis for curves.
    private const int CurvePoints = 120;

    /// <summary>
    /// Writes <paramref name="plot"/> to <paramref name="path"/>: PNG for <c>.png</c>, SVG for <c>.svg</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="plot"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or ends in neither .png nor .svg.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is below 100.</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        bool png = ReportTable.IsFormat(path, ".png"), svg = ReportTable.IsFormat(path, ".svg");
        if (!png && !svg) throw new ArgumentException($"'path' must end in .png or .svg but is '{path}'.", nameof(path));
        if (width < 100) throw new ArgumentOutOfRangeException(nameof(width), width, $"'width' must be at least 100 pixels but is {width}.");
        if (height < 100) throw new ArgumentOutOfRangeException(nameof(height), height, $"'height' must be at least 100 pixels but is {height}.");
        if (png) plot.SavePng(path, width, height);
        else plot.SaveSvg(path, width, height);
    }

    /// <summary>
    /// (1) The package menu's price schedule: the payment T against the package size (total tokens of all classes),
    /// with the seller's cost C of the same package below it. The gap is the profit per package.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static Plot PriceSchedule(IIndexModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        var points = ReportGrids.CurveThetas(model, CurvePoints)
            .Select(model.Package)
            .Where(p => p.Quality > 0)
            .Select(p => (Tokens: d.ClassTokens(p).Sum(), p.Transfer, p.Cost))
            .Where(p => double.IsFinite(p.Tokens) && double.IsFinite(p.Transfer) && double.IsFinite(p.Cost))
            .ToArray();
        var plot = NewPlot("Package price schedule T(Q)", "package size (tokens, all classes)", "USD per package");
        Line(plot, [.. points.Select(p => p.Tokens)], [.. points.Select(p => p.Transfer)], "price T", Colors.C0, 2.5f);
        Line(plot, [.. points.Select(p => p.Tokens)], [.. points.Select(p => p.Cost)], "seller's cost C", Colors.C1, 2, LinePattern.Dashed);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// (2) The two-part tariff menu against the type w at one scale: the price per token of every class (left axis,
    /// m(w) × cost) and the fixed fee p0 (right axis). Unit prices fall and fees rise with the type. Types that are not
    /// sold tokens separately (excluded, or pooled into a bundle) are left out.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="scale">The scale s of the tariffs shown; default the median scale (1 without scales).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> lies outside the scale support.</exception>
    public static Plot Tariffs(IPricingModel model, double? scale = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        double s = scale ?? (d.Scales is null ? 1 : d.Scales.Quantile(0.5));
        if (d.Scales is null ? s != 1 : !(s >= d.Scales.Support.Lower && s <= d.Scales.Support.Upper))
            throw new ArgumentOutOfRangeException(nameof(scale), s, $"'scale' = {s} is not a scale of the model ({(d.Scales is null ? "s = 1" : $"support [{d.Scales.Support.Lower}, {d.Scales.Support.Upper}]")}).");
        string at = d.Scales is null ? "" : $" (scale s = {Format(s)})";
        var items = ReportGrids.CurveValues(model, CurvePoints).Select(w => (X: w, Tariff: model.Tariff(w, s))).ToArray();
        return TariffPlot(d, items, $"Two-part tariffs by type{at}", "type w (USD per unit quality)");
    }

    private static Plot TariffPlot(ModelDescription d, (double X, TwoPartTariff Tariff)[] all, string title, string xLabel)
    {
        // Types not sold tokens at unit prices (excluded, or pooled into a bundle) break the curves rather than being bridged.
        bool Sold((double X, TwoPartTariff Tariff) t) => double.IsFinite(t.Tariff.Markup) && double.IsFinite(t.Tariff.Fee) && t.Tariff.Included is null;
        var items = all.Where(Sold).ToArray();
        var plot = NewPlot(title, xLabel, "price per token (USD)");
        var classes = d.TokenCosts;
        for (int k = 0; k < classes.Count; k++)
        {
            int j = k;
            Segments(plot, [.. all.Select(t => (t.X, Sold(t) ? d.ClassPrices(t.Tariff)[j] : double.NaN))], $"{classes[j].Name} price (left)", Palette(k), 2);
        }
        foreach (var fee in Segments(plot, [.. all.Select(t => (t.X, Sold(t) ? t.Tariff.Fee : double.NaN))], "fee p0 (right)", Colors.Black, 2.5f, LinePattern.Dashed))
            fee.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "fee p0 (USD)";
        // Prices explode near the reserve value (m = w/φ(w) → ∞): show markups up to 6, fees from 0.
        double maxMarkup = items.Select(t => t.Tariff.Markup).DefaultIfEmpty(1).Max();
        double maxCost = classes.Max(c => c.Cost);
        plot.Axes.SetLimitsY(0, 1.05 * maxCost * Math.Clamp(maxMarkup, 1.5, 6), plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 1.1 * items.Select(t => t.Tariff.Fee).DefaultIfEmpty(1).Max(), plot.Axes.Right);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>
    /// (2, packages) The package menu's two-part tariffs against θ: the price per token of every class (left axis,
    /// m(θ) × cost) and the fee p0(θ) (right axis), no task cap. Types not sold tokens separately are left out.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static Plot PackageTariffs(IIndexModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var items = ReportGrids.CurveThetas(model, CurvePoints).Select(t => (X: t, Tariff: model.PackageTariff(t))).ToArray();
        return TariffPlot(model.Description, items, "Package tariffs by type", "type θ (USD per unit quality)");
    }

    /// <summary>
    /// (3) Quality against the representative type θ = w s^δ: the first best, the contractible menu q(w, s) at a few
    /// scales (equal-probability points of the scale distribution, or s = 1), and the token-package menu Q(θ). The
    /// package menu serves fewer types and distorts more: the buyer's freedom to split tokens costs the seller.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scaleCount"/> is below 1.</exception>
    public static Plot Quality(IIndexModel model, int scaleCount = 3)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (scaleCount < 1) throw new ArgumentOutOfRangeException(nameof(scaleCount), scaleCount, $"'scaleCount' must be at least 1 but is {scaleCount}.");
        var d = model.Description;
        var plot = NewPlot("Quality by type: contractible vs package menus", "type θ = w·s^δ (USD per unit quality)", "quality (units of the quality index)");
        double[] thetas = ReportGrids.CurveThetas(model, CurvePoints);
        var (lowest, _) = d.Values.Support;
        // The first best of θ, as a buyer with s = 1 and w = θ (its θ), on the same θ range as the packages.
        double top = thetas[^1];
        double[] firstBestTypes = [.. Enumerable.Range(0, CurvePoints).Select(i => lowest + (Math.Min(top, d.Values.Support.Upper) - lowest) * i / (CurvePoints - 1.0))];
        if (d.Scales is null || d.Scales.Support.Upper >= 1)
        {
            var fb = firstBestTypes.Select(w => (X: model.Theta(w, 1), Q: model.Efficient(w, 1).Quality)).Where(p => double.IsFinite(p.Q)).ToArray();
            Line(plot, [.. fb.Select(p => p.X)], [.. fb.Select(p => p.Q)], "first best (s = 1)", Colors.Gray, 1.5f, LinePattern.Dotted);
        }
        var scales = ReportGrids.Scales(model, scaleCount);
        var values = ReportGrids.CurveValues(model, CurvePoints);
        for (int k = 0; k < scales.Length; k++)
        {
            double s = scales[k];
            var contracts = new Contract[values.Length];
            model.ContractGrid(values, [s], contracts);
            var pts = values.Select((w, i) => (X: model.Theta(w, s), Q: contracts[i].Quality)).Where(p => p.Q > 0 && double.IsFinite(p.Q)).ToArray();
            string label = d.Scales is null ? "contractible q(w)" : $"contractible q(w, s = {Format(s)})";
            Line(plot, [.. pts.Select(p => p.X)], [.. pts.Select(p => p.Q)], label, Palette(k + 1), 2);
        }
        var packages = thetas.Select(t => (X: t, Q: model.Package(t).Quality)).Where(p => p.Q > 0 && double.IsFinite(p.Q)).ToArray();
        Line(plot, [.. packages.Select(p => p.X)], [.. packages.Select(p => p.Q)], "package Q(θ)", Colors.C0, 3);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// (4) The markup m = w/φ(w) of the contractible tariff menu against the type w, and for index models the package
    /// menu's m(θ) = θ/φ_θ(θ) against θ; the line m = 1 is marginal-cost pricing. Excluded types (m = +∞) are left out.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static Plot Markup(IPricingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var d = model.Description;
        double s = d.Scales is null ? 1 : d.Scales.Quantile(0.5);
        var index = model as IIndexModel;
        var plot = NewPlot("Markup over marginal cost by type", index is null ? "type w (USD per unit quality)" : "type w or θ (USD per unit quality)", "markup m (price ÷ marginal cost)");
        var tariffs = ReportGrids.CurveValues(model, CurvePoints).Select(w => (X: w, M: model.Tariff(w, s).Markup)).ToArray();
        Segments(plot, tariffs, "tariff menu m(w)", Colors.C0, 2.5f);
        if (index is not null)
        {
            var packages = ReportGrids.CurveThetas(index, CurvePoints).Select(t => (X: t, M: index.PackageTariff(t).Markup)).ToArray();
            Segments(plot, packages, "package menu m(θ)", Colors.C1, 2.5f, LinePattern.Dashed);
        }
        var one = plot.Add.HorizontalLine(1, 1.5f, Colors.Gray, LinePattern.Dotted);
        one.LegendText = "marginal cost (m = 1)";
        plot.Axes.SetLimitsY(0, Math.Min(10, 1.1 * tariffs.Select(p => p.M).Where(double.IsFinite).DefaultIfEmpty(2).Max()));
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// (5) Menus of K plans over the continuous package menu, against the type θ: the continuous payment T(θ) (and,
    /// for committed spend, its budget C(Q(θ))) as curves, each K-plan menu as steps — every type pays the fee of the
    /// plan it chooses and (committed spend) gets its budget. Pass menus from <see cref="PlanDesigner.CommittedSpend"/>
    /// or <see cref="PlanDesigner.TwoPartTariffs"/>; for tariff menus the fee is drawn over the continuous fee p0(θ).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="menus"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="menus"/> is empty or holds a null menu or one without plans.</exception>
    public static Plot Plans(IIndexModel model, IEnumerable<PlanMenu> menus)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(menus);
        var list = menus.ToList();
        if (list.Count == 0) throw new ArgumentException("'menus' holds no plan menu.", nameof(menus));
        if (list.Any(m => m is null || m.Plans.Count == 0)) throw new ArgumentException("'menus' holds a null menu or one without plans.", nameof(menus));
        bool budgets = list.Any(m => m.Plans.Any(p => double.IsFinite(p.Budget)));
        bool tariffs = list.Any(m => m.Plans.Any(p => !double.IsFinite(p.Budget)));
        var plot = NewPlot(budgets && !tariffs ? "Committed-spend plans over the continuous menu" : "Plan menus over the continuous menu",
            "type θ (USD per unit quality)", "USD");
        double[] thetas = ReportGrids.CurveThetas(model, CurvePoints);
        double top = thetas[^1];
        var continuous = thetas.Select(t => (X: t, Plan: model.CommittedSpend(t), Tariff: model.PackageTariff(t)))
            .Where(p => p.Plan.Quality > 0).ToArray();
        if (budgets)
        {
            Line(plot, [.. continuous.Select(p => p.X)], [.. continuous.Select(p => p.Plan.Payment)], "continuous payment T(θ)", Colors.Black, 2);
            Line(plot, [.. continuous.Select(p => p.X)], [.. continuous.Select(p => p.Plan.Budget)], "continuous budget C(Q(θ))", Colors.Gray, 2, LinePattern.Dashed);
        }
        if (tariffs)
        {
            var fees = continuous.Where(p => double.IsFinite(p.Tariff.Fee)).ToArray();
            Line(plot, [.. fees.Select(p => p.X)], [.. fees.Select(p => p.Tariff.Fee)], "continuous fee p0(θ)", Colors.DarkGray, 2, LinePattern.Dotted);
        }
        for (int k = 0; k < list.Count; k++)
        {
            var menu = list[k];
            var color = Palette(k + 1);
            bool isSpend = menu.Plans.All(p => double.IsFinite(p.Budget));
            string name = $"{menu.Plans.Count} {(isSpend ? "plan" : "tariff")}{(menu.Plans.Count == 1 ? "" : "s")} ({(100 * menu.Retained).ToString("0.0", CultureInfo.InvariantCulture)}% of profit)";
            var (xs, fees) = Steps(menu.Plans, p => p.Fee, top);
            Line(plot, xs, fees, isSpend ? $"{name}: fee" : $"{name}: fee", color, 2.5f);
            if (isSpend)
            {
                var (bx, budget) = Steps(menu.Plans, p => p.Budget, top);
                Line(plot, bx, budget, $"{name}: budget", color, 1.5f, LinePattern.Dashed);
            }
        }
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>
    /// (6) The share of the continuous package menu's profit that K committed-spend plans keep (<see cref="PlanMenu.Retained"/>),
    /// for K = 1 … <paramref name="maxCount"/>. Designing each menu takes a few seconds for a model with scales; pass
    /// precomputed menus to the other overload.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is not in 1…20.</exception>
    public static Plot Retained(IIndexModel model, int maxCount = 5)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (maxCount < 1 || maxCount > 20) throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, $"'maxCount' must lie in 1…20 but is {maxCount}.");
        return Retained(Enumerable.Range(1, maxCount).Select(k => PlanDesigner.CommittedSpend(model, k)).ToList());
    }

    /// <summary>
    /// (6) <see cref="PlanMenu.Retained"/> against the number of plans K of each given menu (committed-spend and
    /// two-part-tariff menus are drawn as separate series), in percent of the continuous menu's profit.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="menus"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="menus"/> is empty or holds a null menu or one without plans.</exception>
    public static Plot Retained(IEnumerable<PlanMenu> menus)
    {
        ArgumentNullException.ThrowIfNull(menus);
        var list = menus.ToList();
        if (list.Count == 0) throw new ArgumentException("'menus' holds no plan menu.", nameof(menus));
        if (list.Any(m => m is null || m.Plans.Count == 0)) throw new ArgumentException("'menus' holds a null menu or one without plans.", nameof(menus));
        var plot = NewPlot("Profit kept by K plans vs the continuous menu", "number of plans K", "profit retained (% of continuous menu)");
        var groups = list.GroupBy(m => m.Plans.All(p => double.IsFinite(p.Budget))).OrderByDescending(g => g.Key).ToList();
        int series = 0;
        foreach (var group in groups)
        {
            var pts = group.Where(m => double.IsFinite(m.Retained)).OrderBy(m => m.Plans.Count).ToArray();
            double[] xs = [.. pts.Select(m => (double)m.Plans.Count)], ys = [.. pts.Select(m => 100 * m.Retained)];
            var line = Line(plot, xs, ys, group.Key ? "committed-spend plans" : "two-part tariffs", Palette(series++), 2.5f);
            line.MarkerSize = 9;
            line.MarkerShape = MarkerShape.FilledCircle;
            for (int i = 0; i < xs.Length; i++)
            {
                var label = plot.Add.Text(ys[i].ToString("0.0", CultureInfo.InvariantCulture) + "%", xs[i], ys[i]);
                label.LabelFontSize = 13;
                label.LabelAlignment = Alignment.LowerCenter;
                label.OffsetY = -8;
            }
        }
        var full = plot.Add.HorizontalLine(100, 1.5f, Colors.Gray, LinePattern.Dotted);
        full.LegendText = "continuous menu (100%)";
        int maxK = list.Max(m => m.Plans.Count);
        double lowest = list.Select(m => 100 * m.Retained).Where(double.IsFinite).DefaultIfEmpty(80).Min();
        plot.Axes.SetLimits(0.5, maxK + 0.5, Math.Max(0, Math.Floor((lowest - 5) / 5) * 5), 102);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(1, maxK).Select(k => (double)k)], [.. Enumerable.Range(1, maxK).Select(k => k.ToString(CultureInfo.InvariantCulture))]);
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    // Steps of a plan attribute over θ: plan k covers [LowestType_k, LowestType_{k+1}), the last up to the top type.
    private static (double[] Xs, double[] Ys) Steps(IReadOnlyList<Plan> plans, Func<Plan, double> value, double top)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int k = 0; k < plans.Count; k++)
        {
            double from = plans[k].LowestType, to = k + 1 < plans.Count ? plans[k + 1].LowestType : Math.Max(top, from);
            double y = value(plans[k]);
            if (!double.IsFinite(from) || !double.IsFinite(to) || !double.IsFinite(y)) continue;
            xs.Add(from); ys.Add(y);
            xs.Add(to); ys.Add(y);
        }
        return ([.. xs], [.. ys]);
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, 18);
        plot.XLabel(xLabel, 14);
        plot.YLabel(yLabel, 14);
        plot.Legend.FontSize = 12;
        return plot;
    }

    // One line per run of finite points: a non-finite y (a type not sold at unit prices) breaks the curve instead of
    // being bridged; only the first run carries the legend label.
    private static List<ScottPlot.Plottables.Scatter> Segments(Plot plot, IReadOnlyList<(double X, double Y)> points, string label, Color color,
        float width, LinePattern? pattern = null)
    {
        var lines = new List<ScottPlot.Plottables.Scatter>();
        int i = 0;
        while (i < points.Count)
        {
            while (i < points.Count && !(double.IsFinite(points[i].X) && double.IsFinite(points[i].Y))) i++;
            int start = i;
            while (i < points.Count && double.IsFinite(points[i].X) && double.IsFinite(points[i].Y)) i++;
            if (i == start) break;
            var run = points.Skip(start).Take(i - start).ToArray();
            var line = Line(plot, [.. run.Select(p => p.X)], [.. run.Select(p => p.Y)], lines.Count == 0 ? label : "", color, width, pattern);
            if (run.Length == 1) line.MarkerSize = 6;
            lines.Add(line);
        }
        return lines;
    }

    private static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, string label, Color color, float width,
        LinePattern? pattern = null)
    {
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = width;
        line.LinePattern = pattern ?? LinePattern.Solid;
        line.LegendText = label;
        return line;
    }

    private static Color Palette(int k) => new ScottPlot.Palettes.Category10().GetColor(k);

    private static string Format(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
}
