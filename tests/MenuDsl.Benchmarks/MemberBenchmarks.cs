using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using MenuDsl;

/// <summary>
/// Per member, the api.md default model three ways: hand-written closed form (baseline, the practical limit), generated
/// (<see cref="UniformApi"/>), runtime-built. One served type; the ratio column is time ÷ hand-written time.
/// </summary>
[Config(typeof(FastConfig)), GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class MemberBenchmarks
{
    internal static readonly IIndexModel Runtime = PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(1.0, 2.0, 5.0)
        .WithValues(Distribution.Uniform, 0.0, 1.0).WithScales(Distribution.Uniform, 0.2, 1.0).Build();
    private static readonly IIndexModel Generated = UniformApi.Instance;

    // Fields, not constants, so the JIT cannot fold the call away.
    public double W = 0.8, S = 0.6, Theta = 0.7;

    [Benchmark(Baseline = true), BenchmarkCategory("Contract")] public Contract HandContract() => HandWritten.Contract(W, S);
    [Benchmark, BenchmarkCategory("Contract")] public Contract GeneratedContract() => UniformApi.Instance.Contract(W, S);
    [Benchmark, BenchmarkCategory("Contract")] public Contract GeneratedContractViaInterface() => Generated.Contract(W, S);
    [Benchmark, BenchmarkCategory("Contract")] public Contract RuntimeContract() => Runtime.Contract(W, S);

    // TwoPartTariff carries a TokenBundle? (about 100 bytes); returning it costs the harness ~30 ns per call, so the
    // tariff benchmarks return the sum of its six fields instead (all consumed, the same for the three).
    [Benchmark(Baseline = true), BenchmarkCategory("Tariff")] public double HandTariff() => Sum(HandWritten.Tariff(W, S));
    [Benchmark, BenchmarkCategory("Tariff")] public double GeneratedTariff() => Sum(UniformApi.Instance.Tariff(W, S));
    [Benchmark, BenchmarkCategory("Tariff")] public double RuntimeTariff() => Sum(Runtime.Tariff(W, S));

    private static double Sum(in TwoPartTariff t) => t.InputPrice + t.OutputPrice + t.FineTuningPrice + t.Fee + t.TaskCap + t.Markup;

    [Benchmark(Baseline = true), BenchmarkCategory("Package")] public PackageContract HandPackage() => HandWritten.Package(Theta);
    [Benchmark, BenchmarkCategory("Package")] public PackageContract GeneratedPackage() => UniformApi.Instance.Package(Theta);
    [Benchmark, BenchmarkCategory("Package")] public PackageContract RuntimePackage() => Runtime.Package(Theta);

    [Benchmark(Baseline = true), BenchmarkCategory("CommittedSpend")] public SpendPlan HandCommittedSpend() => HandWritten.CommittedSpend(Theta);
    [Benchmark, BenchmarkCategory("CommittedSpend")] public SpendPlan GeneratedCommittedSpend() => Generated.CommittedSpend(Theta);
    [Benchmark, BenchmarkCategory("CommittedSpend")] public SpendPlan RuntimeCommittedSpend() => Runtime.CommittedSpend(Theta);
}

/// <summary>
/// A whole menu on a 1000×1000 (w, s) grid, w = (i + ½)/1000, s = 0.2 + 0.8 (j + ½)/1000, all 8 Contract fields
/// consumed (summed), single thread. The Python peer (benchmarks/python/peer.py) computes the same sum with numpy.
/// </summary>
[Config(typeof(FastConfig)), GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class GridBenchmarks
{
    public const int N = 1000;
    internal static double WAt(int i) => (i + 0.5) / N;
    internal static double SAt(int j) => 0.2 + 0.8 * (j + 0.5) / N;

    [Benchmark(Baseline = true), BenchmarkCategory("Grid")]
    public double HandGrid()
    {
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            double w = WAt(i);
            for (int j = 0; j < N; j++) sum += Sum(HandWritten.Contract(w, SAt(j)));
        }
        return sum;
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double GeneratedGrid()
    {
        double sum = 0;
        var model = UniformApi.Instance;
        for (int i = 0; i < N; i++)
        {
            double w = WAt(i);
            for (int j = 0; j < N; j++) sum += Sum(model.Contract(w, SAt(j)));
        }
        return sum;
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double RuntimeGrid()
    {
        double sum = 0;
        var model = MemberBenchmarks.Runtime;
        for (int i = 0; i < N; i++)
        {
            double w = WAt(i);
            for (int j = 0; j < N; j++) sum += Sum(model.Contract(w, SAt(j)));
        }
        return sum;
    }

    // Batch API (IPricingModel.ContractGrid, MenuGrid.ContractGridParallel): fill a 10⁶-item span, then consume it.
    private static readonly double[] Values = [.. System.Linq.Enumerable.Range(0, N).Select(WAt)];
    private static readonly double[] Scales = [.. System.Linq.Enumerable.Range(0, N).Select(SAt)];
    private readonly Contract[] destination = new Contract[N * N];

    private double SumDestination()
    {
        double sum = 0;
        foreach (ref readonly var c in destination.AsSpan()) sum += Sum(c);
        return sum;
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double HandBatchGrid()
    {
        for (int i = 0; i < N; i++)
        {
            double w = Values[i];
            var row = destination.AsSpan(i * N, N);
            for (int j = 0; j < N; j++) row[j] = HandWritten.Contract(w, Scales[j]);
        }
        return SumDestination();
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double GeneratedBatchGrid()
    {
        ((IPricingModel)UniformApi.Instance).ContractGrid(Values, Scales, destination);
        return SumDestination();
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double GeneratedBatchGridParallel()
    {
        UniformApi.Instance.ContractGridParallel(Values, Scales, destination);
        return SumDestination();
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double RuntimeBatchGrid()
    {
        MemberBenchmarks.Runtime.ContractGrid(Values, Scales, destination);
        return SumDestination();
    }

    internal static double Sum(in Contract c) =>
        c.Quality + c.Input + c.Output + c.FineTuning + c.Transfer + c.Cost + c.BuyerUtility + c.Profit;
}
