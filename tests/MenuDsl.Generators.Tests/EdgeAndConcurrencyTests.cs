using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MenuDsl;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Issue "Reliability": items that overflow double precision are refused by the generated model exactly as by the
/// runtime-built one (point 6), and lazily initialised state (ironing, the law of θ, reserve values) gives the same
/// bits when many threads hit a fresh model at once (point 7).
/// </summary>
public class EdgeAndConcurrencyTests
{
    private const string Exponential = """
        using MenuDsl;
        namespace Edges;
        [PricingModel]
        [CobbDouglas(0.3, 0.2, 0.1, BaseQuality = 1.0)]
        [TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Exponential, 1.0)]
        public partial class ExponentialApi;
        """;

    private static object Outcome(Func<object> call)
    {
        try { return call(); }
        catch (Exception e) { return (e.GetType(), (e as ArgumentException)?.ParamName); }
    }

    [Fact]
    public void Generated_and_runtime_models_refuse_the_same_overflowing_items()
    {
        var generated = GeneratorHarness.Instance(GeneratorHarness.CompileAndLoad(Exponential), "Edges.ExponentialApi");
        var runtime = PricingModel.CobbDouglas(0.3, 0.2, 0.1, 1).WithCosts(1, 2, 5).WithValues(Distribution.Exponential, 1).Build();
        var members = new (string Name, Func<IIndexModel, double, object> Call)[]
        {
            ("Contract", (m, w) => m.Contract(w, 1)),
            ("Tariff", (m, w) => m.Tariff(w, 1)),
            ("Efficient", (m, w) => m.Efficient(w, 1)),
            ("VirtualValue", (m, w) => m.VirtualValue(w)),
            ("Theta", (m, w) => m.Theta(w, 1)),
            ("Package", (m, w) => m.Package(w)),
            ("PackageTariff", (m, w) => m.PackageTariff(w)),
        };
        int refused = 0;
        foreach (double w in new[] { 1e3, 1e6, 1e12, 1e100, 1e300 })
            foreach (var (name, call) in members)
            {
                object expected = Outcome(() => call(runtime, w)), actual = Outcome(() => call(generated, w));
                string at = $"{name}({w:R})";
                if (expected is ValueTuple<Type, string> error)
                {
                    Assert.Equal(error, actual);
                    Assert.Equal(typeof(ArgumentOutOfRangeException), error.Item1);
                    refused++;
                    continue;
                }
                Assert.Equal(expected.GetType(), actual.GetType());
                foreach (var property in expected.GetType().GetProperties().Where(p => p.PropertyType == typeof(double)))
                {
                    double x = (double)property.GetValue(expected)!, y = (double)property.GetValue(actual)!;
                    Assert.True(double.IsFinite(x) || property.Name is "TaskCap", $"{at}.{property.Name} = {x}");
                    Assert.True(x == y || Math.Abs(x - y) <= 1e-9 * Math.Abs(x), $"{at}.{property.Name}: runtime {x}, generated {y}");
                }
                if (expected is double v) Assert.True(v == (double)actual || Math.Abs(v - (double)actual) <= 1e-9 * Math.Abs(v), at);
            }
        // At w = 1e300 quality is ∞: Contract, Tariff, Efficient, Package and PackageTariff are all refused.
        Assert.True(refused >= 5, $"only {refused} refusals");
        var message = Assert.Throws<ArgumentOutOfRangeException>(() => generated.Contract(1e300, 1));
        Assert.Equal("value", message.ParamName);
        Assert.Contains("overflows double precision (quality = ∞)", message.Message);
    }

    // ---- thread safety ----

    // The in-build GappedMixtureApi's declaration, compiled afresh so its static lazy state starts uninitialised.
    private const string Gapped = """
        using MenuDsl;
        namespace Concurrency;
        [PricingModel]
        [CobbDouglas(0.25, 0.25, 0.2, BaseQuality = 0.5)]
        [TokenCosts(0.05, 0.2, 0.02)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.9)]
        [ValueDistribution(Distribution.Uniform, 2.0, 10.0, Weight = 0.1)]
        [ScaleDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class GappedMixtureApi;
        """;

    private static IIndexModel FreshGenerated() =>
        GeneratorHarness.Instance(GeneratorHarness.CompileAndLoad(Gapped), "Concurrency.GappedMixtureApi");

    // New distributions too: the law of θ is cached per values distribution, so fresh ones mean fresh lazy state.
    private static IIndexModel FreshRuntime() => PricingModel.CobbDouglas(0.25, 0.25, 0.2, 0.5)
        .WithCosts(0.05, 0.2, 0.02)
        .WithValues(TypeDistribution.Mixture((0.9, TypeDistribution.Uniform(0, 1)), (0.1, TypeDistribution.Uniform(2, 10))))
        .WithScales(Distribution.Uniform, 0, 1)
        .Build();

    // 200 fixed calls: 40 types × (Contract, Tariff, Package, PackageTariff, VirtualValue), then the expected profit.
    private static long[] Run(IIndexModel model)
    {
        var bits = new List<long>();
        void Add(params double[] xs) { foreach (double x in xs) bits.Add(BitConverter.DoubleToInt64Bits(x)); }
        for (int i = 0; i < 40; i++)
        {
            double w = 0.6 + i * 9.3 / 39, s = 0.25 + (i % 4) * 0.25, theta = w * 0.8;
            var c = model.Contract(w, s);
            Add(c.Quality, c.Input, c.Output, c.FineTuning, c.Transfer, c.Cost, c.BuyerUtility, c.Profit);
            var t = model.Tariff(w, s);
            Add(t.InputPrice, t.OutputPrice, t.FineTuningPrice, t.Fee, t.TaskCap, t.Markup, t.Included?.Quality ?? -1);
            var p = model.Package(theta);
            Add(p.Quality, p.InputTokens, p.OutputTokens, p.FineTuning, p.Transfer, p.Cost, p.BuyerUtility, p.Profit);
            var pt = model.PackageTariff(theta);
            Add(pt.InputPrice, pt.OutputPrice, pt.FineTuningPrice, pt.Fee, pt.Markup, pt.Included?.Quality ?? -1);
            Add(model.VirtualValue(w));
        }
        Add(model.ExpectedProfit());
        return bits.ToArray();
    }

    private static void AssertConcurrentRunsMatch(Func<IIndexModel> fresh, string what)
    {
        var expected = Run(fresh());
        var shared = fresh();
        const int threads = 8;
        var results = new long[threads][];
        var errors = new Exception?[threads];
        using var barrier = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(k => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                results[k] = Run(shared);
            }
            catch (Exception e) { errors[k] = e; }
        })).ToArray();
        foreach (var worker in workers) worker.Start();
        foreach (var worker in workers) worker.Join();
        for (int k = 0; k < threads; k++)
        {
            Assert.True(errors[k] is null, $"{what}, thread {k}: {errors[k]}");
            Assert.Equal(expected, results[k]);
        }
    }

    [Fact]
    public void A_fresh_generated_model_called_from_eight_threads_matches_a_single_threaded_run() =>
        AssertConcurrentRunsMatch(FreshGenerated, "generated");

    [Fact]
    public void A_fresh_runtime_model_called_from_eight_threads_matches_a_single_threaded_run() =>
        AssertConcurrentRunsMatch(FreshRuntime, "runtime-built");
}
