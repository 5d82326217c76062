using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MenuDsl;

// Generated (specialised, constants folded) against runtime-built models with the same parameters, in one run.
// dotnet run -c Release --project tests/MenuDsl.Benchmarks [-- --filter *Contract*]
BenchmarkSwitcher.FromAssembly(typeof(ContractBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args,
    DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)));

/// <summary>The api.md default model: uniform values, closed forms in both implementations.</summary>
[PricingModel, CobbDouglas(0.30, 0.20, 0.10), TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class UniformApi;

/// <summary>Beta values: ironing-free but non-affine φ, so rents are quadratures in both implementations.</summary>
[PricingModel, CobbDouglas(0.30, 0.20, 0.10), TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Beta, 2.0, 3.0, 0.0, 2.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class BetaApi;

[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
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
