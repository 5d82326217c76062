using System;
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

/// <summary>
/// Per-contract time of the numeric (custom) path against the closed forms, same model otherwise (api.md default
/// costs and laws): Cobb-Douglas written by hand with exact derivatives against PricingModel.CobbDouglas, and CES
/// in closed form. Uniform values keep the closed forms' rent closed; the custom rent is a quadrature.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class TechnologyBenchmarks
{
    private static ModelBuilder<T> Api<T>(ModelBuilder<T> builder) where T : class, IPricingModel =>
        builder.WithCosts(1.0, 2.0, 5.0).WithValues(Distribution.Uniform, 0.0, 1.0).WithScales(Distribution.Uniform, 0.2, 1.0);

    private static double ByHand(double x, double y, double z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1);

    private readonly IIndexModel closed = Api(PricingModel.CobbDouglas(0.30, 0.20, 0.10)).Build();
    private readonly IIndexModel ces = Api(PricingModel.Ces(0.6, -0.5, 0.5, 0.1)).Build();
    private readonly IPricingModel custom = Api(PricingModel.Custom(ByHand,
        (x, y, z) =>
        {
            double v = ByHand(x, y, z);
            return new ProductionGradient(0.3 * v / x, 0.2 * v / y, 0.1 * v / (1 + z));
        },
        (x, y, z) =>
        {
            double v = ByHand(x, y, z), b = 1 + z;
            return new ProductionHessian(-0.21 * v / (x * x), 0.06 * v / (x * y), 0.03 * v / (x * b), -0.16 * v / (y * y), 0.02 * v / (y * b), -0.09 * v / (b * b));
        })).Build();
    private readonly IPricingModel finiteDifferences = Api(PricingModel.Custom(ByHand)).Build();

    [Benchmark(Baseline = true), BenchmarkCategory("Technology")]
    public Contract CobbDouglasContract() => closed.Contract(0.8, 0.6);

    [Benchmark, BenchmarkCategory("Technology")]
    public Contract CesContract() => ces.Contract(0.8, 0.6);

    [Benchmark, BenchmarkCategory("Technology")]
    public Contract CustomExactContract() => custom.Contract(0.8, 0.6);

    [Benchmark, BenchmarkCategory("Technology")]
    public Contract CustomFiniteDifferencesContract() => finiteDifferences.Contract(0.8, 0.6);
}
