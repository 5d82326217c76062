using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using MenuDsl;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Generated models against runtime-built models with the same parameters: equal to 1e-9 relative on every member
/// over a grid of types. The generated code is compiled and executed.
/// </summary>
public class DifferentialTests
{
    /// <summary>One declared distribution: family and parameters (mixtures are lists of weighted parts).</summary>
    public sealed record Part(Distribution Kind, double[] Parameters, double Weight)
    {
        public override string ToString() => $"{Weight}×{Kind}({string.Join(", ", Parameters.Select(Text))})";
    }

    /// <summary>
    /// A model: Cobb-Douglas (α, β, γ), or with <see cref="Substitution"/> r the CES of the same degree α + β and input
    /// share α/(α + β).
    /// </summary>
    public sealed record Case(double Alpha, double Beta, double Gamma, double BaseQuality, double[] Costs, Part[] Values, Part[] Scales, double? Substitution = null)
    {
        public double Degree => Alpha + Beta;
        public double Share => Alpha / (Alpha + Beta);

        public override string ToString() =>
            (Substitution is { } r ? $"Ces({Share}, {r}, {Degree}, {Gamma}, b={BaseQuality})" : $"CobbDouglas({Alpha}, {Beta}, {Gamma}, b={BaseQuality})")
            + $", costs ({string.Join(", ", Costs)}), values [{string.Join(" + ", Values.AsEnumerable())}], scales [{string.Join(" + ", Scales.AsEnumerable())}]";
    }

    private static readonly Gen<(double, double)> Interval =
        Gen.Select(Gen.Double[0, 2], Gen.Double[0.3, 3], (lo, width) => (lo, lo + width));

    private static readonly Gen<Part> BoundedValues = Gen.OneOf(
        Interval.Select(i => new Part(Distribution.Uniform, [i.Item1, i.Item2], 1)),
        Gen.Select(Gen.Double[0.5, 3], Interval, (c, i) => new Part(Distribution.Power, [c, i.Item1, i.Item2], 1)),
        Gen.Select(Gen.Double[0.8, 4], Gen.Double[0.8, 4], Interval, (a, b, i) => new Part(Distribution.Beta, [a, b, i.Item1, i.Item2], 1)),
        Gen.Select(Gen.Double[0, 2], Gen.Double[0.2, 1.5], Interval, (m, sd, i) => new Part(Distribution.TruncatedNormal, [m, sd, i.Item1, i.Item2], 1)));

    private static readonly Gen<Part[]> Values = Gen.OneOf(
        BoundedValues.Select(p => new[] { p }),
        Gen.Double[0.5, 5].Select(rate => new[] { new Part(Distribution.Exponential, [rate], 1) }),
        Gen.Select(Gen.Double[0.2, 2], Gen.Double[1.5, 5], (scale, shape) => new[] { new Part(Distribution.Pareto, [scale, shape], 1) }),
        Gen.Select(Gen.Double[-1, 0.5], Gen.Double[0.2, 1], (mu, sigma) => new[] { new Part(Distribution.LogNormal, [mu, sigma], 1) }),
        Gen.Select(BoundedValues, BoundedValues, Gen.Double[0.1, 0.9], (a, b, weight) => new[] { a with { Weight = weight }, b with { Weight = 1 - weight } }));

    private static readonly Gen<Part[]> Scales = Gen.OneOf(
        Gen.Const(Array.Empty<Part>()),
        Gen.Select(Gen.Double[0, 0.5], Gen.Double[0.6, 1], (lo, hi) => new[] { new Part(Distribution.Uniform, [lo, hi], 1) }),
        Gen.Select(Gen.Double[1, 4], Gen.Double[1, 4], (a, b) => new[] { new Part(Distribution.Beta, [a, b, 0, 1], 1) }));

    // Costs are log-uniform over three decades so that fine-tuning is sometimes on, sometimes off.
    private static readonly Gen<double> Cost = Gen.Double[Math.Log(0.01), Math.Log(5)].Select(Math.Exp);

    // A third of the models are CES, complements (r < 0) and substitutes (0 < r < 1) alike.
    private static readonly Gen<double?> Substitution = Gen.OneOf(
        Gen.Const((double?)null), Gen.Const((double?)null),
        Gen.Double[-2, 0.8].Where(r => Math.Abs(r) > 0.05).Select(r => (double?)r));

    private static readonly Gen<Case> Cases =
        Gen.Select(Gen.Select(Gen.Double[0.05, 0.4], Gen.Double[0.05, 0.4], Gen.Double[0.05, 0.3], Gen.Double[0.2, 3], Cost.Array[3], Values, Scales,
                (a, b, g, bq, costs, values, scales) => new Case(a, b, g, bq, costs, values, scales)), Substitution, (c, r) => c with { Substitution = r })
            .Where(c => c.Alpha + c.Beta + c.Gamma < 0.95);

    // One corpus drawn from one seed (iter: 1: CsCheck's seed fixes only the first iteration).
    private static readonly string Seed = Seeds.Default("0000FnCSyhN1");

    [Fact]
    public void GeneratedModelsEqualRuntimeBuiltModels() =>
        Cases.Array[24].Sample(cases =>
        {
            var servable = cases.Where(IsServable).ToArray();
            var assembly = GeneratorHarness.CompileAndLoad(Source(servable));
            for (int i = 0; i < servable.Length; i++)
                AssertSameModel(servable[i], GeneratorHarness.Instance(assembly, $"Differential.Model{i}"), Runtime(servable[i]));
        }, iter: 1, threads: 1, seed: Seed);

    [Fact]
    public void CoverageOfTheDifferentialCorpus() =>
        // The differential corpus (same generator, same seed) exercises both sides of θ̂, every family, mixtures,
        // and models with and without scales.
        Cases.Array[24].Sample(cases =>
        {
            Assert.Contains(cases, c => c.Scales.Length == 0);
            Assert.Contains(cases, c => c.Scales.Length == 1);
            Assert.Contains(cases, c => c.Values.Length == 2);
            Assert.Contains(cases, c => c.Substitution < 0);
            Assert.Contains(cases, c => c.Substitution > 0);
            Assert.Contains(cases, c => c.Substitution is null);
            foreach (var kind in Enum.GetValues<Distribution>())
                Assert.Contains(cases, c => c.Values.Any(p => p.Kind == kind));
            var models = cases.Where(IsServable).Select(Runtime).ToArray();
            Assert.Contains(models, m => m.Efficient(m.Description.Values.Quantile(0.99), ScaleTop(m)).FineTunes);
            Assert.Contains(models, m => !m.Efficient(m.Description.Values.Quantile(0.99), ScaleTop(m)).FineTunes);
        }, iter: 1, threads: 1, seed: Seed);

    private static double ScaleTop(IIndexModel m) => m.Description.Scales?.Support.Upper ?? 1;

    private static bool IsServable(Case c)
    {
        try { Runtime(c); return true; }
        catch (ArgumentException) { return false; } // nobody served: the generator emits nothing, as intended
    }

    private static IIndexModel Runtime(Case c)
    {
        var technology = c.Substitution is { } r
            ? PricingModel.Ces(c.Share, r, c.Degree, c.Gamma, c.BaseQuality)
            : PricingModel.CobbDouglas(c.Alpha, c.Beta, c.Gamma, c.BaseQuality);
        var builder = technology.WithCosts(c.Costs[0], c.Costs[1], c.Costs[2]).WithValues(Law(c.Values));
        return (c.Scales.Length == 0 ? builder : builder.WithScales(Law(c.Scales))).Build();
    }

    private static TypeDistribution Law(Part[] parts) => parts.Length == 1
        ? TypeDistribution.From(parts[0].Kind, parts[0].Parameters)
        : TypeDistribution.Mixture(parts.Select(p => (p.Weight, TypeDistribution.From(p.Kind, p.Parameters))).ToArray());

    private static string Source(Case[] cases)
    {
        var text = new StringBuilder("using MenuDsl;\nnamespace Differential;\n");
        for (int i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            text.Append("[PricingModel]\n")
                .Append(c.Substitution is { } r
                    ? $"[Ces({Text(c.Share)}, {Text(r)}, {Text(c.Degree)}, {Text(c.Gamma)}, BaseQuality = {Text(c.BaseQuality)})]\n"
                    : $"[CobbDouglas({Text(c.Alpha)}, {Text(c.Beta)}, {Text(c.Gamma)}, BaseQuality = {Text(c.BaseQuality)})]\n")
                .Append($"[TokenCosts({string.Join(", ", c.Costs.Select(Text))})]\n");
            foreach (var p in c.Values) text.Append($"[ValueDistribution(Distribution.{p.Kind}, {string.Join(", ", p.Parameters.Select(Text))}, Weight = {Text(p.Weight)})]\n");
            foreach (var p in c.Scales) text.Append($"[ScaleDistribution(Distribution.{p.Kind}, {string.Join(", ", p.Parameters.Select(Text))})]\n");
            text.Append($"public partial class Model{i};\n");
        }
        return text.ToString();
    }

    private static string Text(double x) => x.ToString("R", CultureInfo.InvariantCulture) is var s && s.Contains('.') || s.Contains('E') ? s : s + ".0";

    private static void AssertSameModel(Case c, IIndexModel generated, IIndexModel runtime)
    {
        string where = c.ToString();
        Same(runtime.ReserveValue, generated.ReserveValue, 0, where + " ReserveValue");
        Same(runtime.FineTuningThreshold, generated.FineTuningThreshold, 0, where + " θ̂");
        Assert.Equal(runtime.Description with { Values = generated.Description.Values, Scales = generated.Description.Scales }, generated.Description);

        var values = runtime.Description.Values;
        double[] ws = [.. new[] { 0.02, 0.3, 0.6, 0.9, 0.995 }.Select(values.Quantile), runtime.ReserveValue * (1 + 1e-6) + 1e-9];
        double[] ss = runtime.Description.Scales is { } scales ? [.. new[] { 0.1, 0.5, 0.95 }.Select(scales.Quantile)] : [1.0];
        foreach (double w in ws.Where(w => w <= values.Support.Upper))
        {
            Same(runtime.VirtualValue(w), generated.VirtualValue(w), Math.Abs(w), $"{where} φ({w})");
            foreach (double s in ss)
            {
                string at = $"{where} at (w, s) = ({w:R}, {s:R})";
                Same(runtime.Theta(w, s), generated.Theta(w, s), 0, at + " θ");
                var (e1, e2) = (runtime.Efficient(w, s), generated.Efficient(w, s));
                Assert.Equal(e1.FineTunes, e2.FineTunes);
                Same(e1.Input, e2.Input, 0, at + " efficient input");
                Same(e1.Output, e2.Output, 0, at + " efficient output");
                Same(e1.FineTuning, e2.FineTuning, e1.FineTuning + 1e-9 * c.BaseQuality, at + " efficient fine-tuning");
                Same(e1.Quality, e2.Quality, 0, at + " efficient quality");
                Same(e1.Surplus, e2.Surplus, 0, at + " surplus");

                var (c1, c2) = (runtime.Contract(w, s), generated.Contract(w, s));
                double size = Math.Abs(c1.Transfer) + Math.Abs(c1.Cost);
                Same(c1.Quality, c2.Quality, 0, at + " q");
                Same(c1.Input, c2.Input, 0, at + " input");
                Same(c1.Output, c2.Output, 0, at + " output");
                Same(c1.FineTuning, c2.FineTuning, 1e-9 * c.BaseQuality, at + " fine-tuning");
                Same(c1.Transfer, c2.Transfer, size, at + " T");
                Same(c1.Cost, c2.Cost, 0, at + " C");
                Same(c1.BuyerUtility, c2.BuyerUtility, size, at + " U");
                Same(c1.Profit, c2.Profit, size, at + " profit");

                var (t1, t2) = (runtime.Tariff(w, s), generated.Tariff(w, s));
                Same(t1.Markup, t2.Markup, 0, at + " markup");
                Same(t1.InputPrice, t2.InputPrice, 0, at + " input price");
                Same(t1.OutputPrice, t2.OutputPrice, 0, at + " output price");
                Same(t1.FineTuningPrice, t2.FineTuningPrice, 0, at + " fine-tuning price");
                Same(t1.Fee, t2.Fee, size, at + " fee");
                Same(t1.TaskCap, t2.TaskCap, 0, at + " cap");

                // Packages depend on θ alone; one scale per value keeps the numeric laws of θ affordable.
                if (s != ss[^1]) continue;
                double theta = runtime.Theta(w, s);
                var (p1, p2) = (runtime.Package(theta), generated.Package(theta));
                double packageSize = Math.Abs(p1.Transfer) + Math.Abs(p1.Cost);
                Same(p1.Quality, p2.Quality, 0, at + " Q");
                Same(p1.InputTokens, p2.InputTokens, 0, at + " X");
                Same(p1.OutputTokens, p2.OutputTokens, 0, at + " Y");
                Same(p1.FineTuning, p2.FineTuning, 1e-9 * c.BaseQuality, at + " Z");
                Same(p1.Transfer, p2.Transfer, packageSize, at + " package T");
                Same(p1.Cost, p2.Cost, 0, at + " package C");
                Same(p1.BuyerUtility, p2.BuyerUtility, packageSize, at + " package U");
                var (k1, k2) = (runtime.PackageTariff(theta), generated.PackageTariff(theta));
                Same(k1.Markup, k2.Markup, 0, at + " package markup");
                Same(k1.Fee, k2.Fee, packageSize, at + " package fee");
                Same(k1.TaskCap, k2.TaskCap, 0, at + " package cap");
            }
        }
    }

    /// <summary>Equal to 1e-9 relative to the larger of the two or of <paramref name="scale"/> (for near-cancelling sums).</summary>
    private static void Same(double expected, double actual, double scale, string what)
    {
        if (expected == actual) return;
        double tolerance = 1e-9 * Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), Math.Abs(scale));
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: runtime {expected:R}, generated {actual:R}");
    }
}
