using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MenuDsl;

/// <summary>
/// Per-contract time of the CES and custom (numeric) paths against the closed forms, same model otherwise (api.md
/// default costs and laws): Cobb-Douglas written by hand with exact derivatives against PricingModel.CobbDouglas, and
/// CES in closed form, each runtime-built and generated. Uniform values keep the closed forms' rent closed; the custom
/// rent is a quadrature. The Python peer times SciPy on the same custom model and type (0.8, 0.6).
/// </summary>
[Config(typeof(FastConfig)), GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class TechnologyBenchmarks
{
    private static ModelBuilder<T> Api<T>(ModelBuilder<T> builder) where T : class, IPricingModel =>
        builder.WithCosts(1.0, 2.0, 5.0).WithValues(Distribution.Uniform, 0.0, 1.0).WithScales(Distribution.Uniform, 0.2, 1.0);

    private static double ByHand(double x, double y, double z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1);

    private readonly IIndexModel closed = Api(PricingModel.CobbDouglas(0.30, 0.20, 0.10)).Build();
    private readonly IIndexModel ces = Api(PricingModel.Ces(0.6, -0.5, 0.5, 0.1)).Build();
    internal static readonly IPricingModel Custom = Api(PricingModel.Custom(ByHand,
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

    public double W = 0.8, S = 0.6;

    // The closed forms take a few nanoseconds: 64 different types per invocation, as in MemberBenchmarks, so that an
    // inlined one cannot be hoisted out of the measuring loop. The numeric paths keep the SciPy peer's type.
    private const int Calls = 64;
    private static readonly double[] Ws = [.. System.Linq.Enumerable.Range(0, Calls).Select(i => 0.55 + 0.45 * i / Calls)];
    private static readonly double[] Ss = [.. System.Linq.Enumerable.Range(0, Calls).Select(i => 0.2 + 0.8 * ((i * 37) % Calls) / Calls)];

    private static double Cycle(Func<double, double, Contract> contract)
    {
        double t = 0;
        for (int i = 0; i < Calls; i++) t += contract(Ws[i], Ss[i]).Transfer;
        return t;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("Technology")]
    public double CobbDouglasContract() => Cycle(closed.Contract);

    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Technology")]
    public double CesContract() => Cycle(ces.Contract);

    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Technology")]
    public double GeneratedCesContract()
    {
        double t = 0;
        var model = CesApi.Instance;
        for (int i = 0; i < Calls; i++) t += model.Contract(Ws[i], Ss[i]).Transfer;
        return t;
    }

    [Benchmark, BenchmarkCategory("Technology")]
    public Contract CustomExactContract() => Custom.Contract(W, S);

    [Benchmark, BenchmarkCategory("Technology")]
    public Contract CustomFiniteDifferencesContract() => finiteDifferences.Contract(W, S);

    [Benchmark, BenchmarkCategory("Technology")]
    public Contract GeneratedCustomContract() => CustomApi.Instance.Contract(W, S);
}

/// <summary>K-plan design on the default model (seconds per call): one warm-up, three single-call iterations.</summary>
[Config(typeof(SlowConfig))]
public class PlanBenchmarks
{
    [Benchmark]
    public PlanMenu CommittedSpendPlans3() => PlanDesigner.CommittedSpend(UniformApi.Instance, 3);

}

/// <summary>Two-part-tariff plan design takes tens of seconds per call on this machine: a single timed call.</summary>
[Config(typeof(SingleCallConfig))]
public class TariffPlanBenchmarks
{
    [Benchmark]
    public PlanMenu TwoPartTariffPlans3() => PlanDesigner.TwoPartTariffs(UniformApi.Instance, 3);
}
