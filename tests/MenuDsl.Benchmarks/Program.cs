using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MenuDsl;

// dotnet run -c Release --project tests/MenuDsl.Benchmarks                  all benchmarks (BenchmarkDotNet tables)
// dotnet run -c Release --project tests/MenuDsl.Benchmarks -- --filter *Grid*
// dotnet run -c Release --project tests/MenuDsl.Benchmarks -- --peer        C# and the Python peer, one table of ratios
// dotnet run -c Release --project tests/MenuDsl.Benchmarks -- --check       hand-written = generated (1e-12), no timing
// dotnet run -c Release --project tests/MenuDsl.Benchmarks -- --first-call uniform-contract   (one fresh process per case)
return args switch
{
    ["--check", ..] => Checks.Run() ? 0 : 1,
    ["--first-call", var which] => FirstCall.Run(which),
    ["--peer", .. var rest] => PeerRun.Run(rest),
    _ => Switch(args),
};

static int Switch(string[] args)
{
    if (!Checks.Run()) return 1;
    BenchmarkSwitcher.FromAssembly(typeof(MemberBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, DefaultConfig.Instance);
    return 0;
}

/// <summary>ShortRun in process (3 warm-ups, 3 iterations): ratios within one run, the whole suite in minutes.</summary>
public sealed class FastConfig : ManualConfig
{
    public FastConfig() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun"));
}

/// <summary>For calls that take seconds: one warm-up, three single-call iterations, in process.</summary>
public sealed class SlowConfig : ManualConfig
{
    public SlowConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
        .WithIterationCount(3).WithToolchain(InProcessEmitToolchain.Instance).WithId("Slow"));
}

/// <summary>For calls that take tens of seconds: no warm-up, one single-call iteration, in process.</summary>
public sealed class SingleCallConfig : ManualConfig
{
    public SingleCallConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0)
        .WithIterationCount(1).WithToolchain(InProcessEmitToolchain.Instance).WithId("SingleCall"));
}

/// <summary>The api.md default model: uniform values, closed forms in both implementations.</summary>
[PricingModel, CobbDouglas(0.30, 0.20, 0.10), TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class UniformApi;

/// <summary>Beta values: ironing-free but non-affine φ, so rents are quadratures in both implementations.</summary>
[PricingModel, CobbDouglas(0.30, 0.20, 0.10), TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Beta, 2.0, 3.0, 0.0, 2.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class BetaApi;

/// <summary>CES technology, generated, api.md default costs and laws.</summary>
[PricingModel, Ces(0.6, -0.5, 0.5, 0.1), TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class CesApi;

/// <summary>The custom [ProductionFunction] path: the default Cobb-Douglas written as a formula (the SciPy peer's model).</summary>
[PricingModel, TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class CustomApi
{
    [ProductionFunction]
    public static double V(double x, double y, double z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1);
}

[Config(typeof(FastConfig)), GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class ContractBenchmarks
{
    private readonly IIndexModel runtimeUniform = PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(1.0, 2.0, 5.0)
        .WithValues(Distribution.Uniform, 0.0, 1.0).WithScales(Distribution.Uniform, 0.2, 1.0).Build();
    private readonly IIndexModel runtimeBeta = PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(1.0, 2.0, 5.0)
        .WithValues(Distribution.Beta, 2.0, 3.0, 0.0, 2.0).WithScales(Distribution.Uniform, 0.2, 1.0).Build();

    [Benchmark(Baseline = true), BenchmarkCategory("Uniform")]
    public Contract RuntimeUniformContract() => runtimeUniform.Contract(0.8, 0.6);

    [Benchmark, BenchmarkCategory("Uniform")]
    public Contract GeneratedUniformContract() => UniformApi.Instance.Contract(0.8, 0.6);

    [Benchmark, BenchmarkCategory("Uniform")]
    public TwoPartTariff GeneratedUniformTariff() => UniformApi.Instance.Tariff(0.8, 0.6);

    [Benchmark(Baseline = true), BenchmarkCategory("Beta")]
    public Contract RuntimeBetaContract() => runtimeBeta.Contract(1.2, 0.6);

    [Benchmark, BenchmarkCategory("Beta")]
    public Contract GeneratedBetaContract() => BetaApi.Instance.Contract(1.2, 0.6);
}
