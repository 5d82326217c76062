using System;
using System.Linq;
using System.Runtime.Intrinsics;
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

    // 64 different served types per invocation (OperationsPerInvoke): a benchmark of one constant type lets the JIT
    // hoist a small inlined closed form out of the measuring loop (the hand-written one then "takes" ~1 ns).
    private const int Calls = 64;
    private static readonly double[] Ws = [.. Enumerable.Range(0, Calls).Select(i => 0.55 + 0.45 * i / Calls)];
    private static readonly double[] Ss = [.. Enumerable.Range(0, Calls).Select(i => 0.2 + 0.8 * ((i * 37) % Calls) / Calls)];
    private static readonly double[] Thetas = [.. Enumerable.Range(0, Calls).Select(i => 0.4 + 0.6 * i / Calls)];

    private static double Sum(in Contract c) => c.Quality + c.Input + c.Output + c.FineTuning + c.Transfer + c.Cost + c.BuyerUtility + c.Profit;
    private static double Sum(in TwoPartTariff t) => t.InputPrice + t.OutputPrice + t.FineTuningPrice + t.Fee + t.TaskCap + t.Markup;
    private static double Sum(in PackageContract p) => p.Quality + p.InputTokens + p.OutputTokens + p.FineTuning + p.Transfer + p.Cost + p.BuyerUtility + p.Profit;
    private static double Sum(in SpendPlan p) => p.Payment + p.Budget + p.Quality;

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("Contract")]
    public double HandContract() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(HandWritten.Contract(Ws[i], Ss[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Contract")]
    public double GeneratedContract() { double t = 0; var m = UniformApi.Instance; for (int i = 0; i < Calls; i++) t += Sum(m.Contract(Ws[i], Ss[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Contract")]
    public double GeneratedContractViaInterface() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(Generated.Contract(Ws[i], Ss[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Contract")]
    public double RuntimeContract() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(Runtime.Contract(Ws[i], Ss[i])); return t; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("Tariff")]
    public double HandTariff() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(HandWritten.Tariff(Ws[i], Ss[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Tariff")]
    public double GeneratedTariff() { double t = 0; var m = UniformApi.Instance; for (int i = 0; i < Calls; i++) t += Sum(m.Tariff(Ws[i], Ss[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Tariff")]
    public double RuntimeTariff() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(Runtime.Tariff(Ws[i], Ss[i])); return t; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("Package")]
    public double HandPackage() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(HandWritten.Package(Thetas[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Package")]
    public double GeneratedPackage() { double t = 0; var m = UniformApi.Instance; for (int i = 0; i < Calls; i++) t += Sum(m.Package(Thetas[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("Package")]
    public double RuntimePackage() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(Runtime.Package(Thetas[i])); return t; }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls), BenchmarkCategory("CommittedSpend")]
    public double HandCommittedSpend() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(HandWritten.CommittedSpend(Thetas[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("CommittedSpend")]
    public double GeneratedCommittedSpend() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(Generated.CommittedSpend(Thetas[i])); return t; }
    [Benchmark(OperationsPerInvoke = Calls), BenchmarkCategory("CommittedSpend")]
    public double RuntimeCommittedSpend() { double t = 0; for (int i = 0; i < Calls; i++) t += Sum(Runtime.CommittedSpend(Thetas[i])); return t; }
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

    // Row by row into a reused 1000-item buffer (64 KB, stays in cache), each row consumed before the next: how a menu
    // is streamed to a file or a report. The row is summed with 256-bit vectors, as numpy's .sum() does its arrays, so
    // the consumer does not hide the difference between the fills.
    private readonly Contract[] row = new Contract[N];

    private double SumRow()
    {
        var fields = System.Runtime.InteropServices.MemoryMarshal.Cast<Contract, double>(row.AsSpan());
        Vector256<double> a = default, b = default, c = default, d = default;
        int k = 0;
        for (; k + 16 <= fields.Length; k += 16)
        {
            a += Vector256.Create(fields.Slice(k, 4)); b += Vector256.Create(fields.Slice(k + 4, 4));
            c += Vector256.Create(fields.Slice(k + 8, 4)); d += Vector256.Create(fields.Slice(k + 12, 4));
        }
        double sum = Vector256.Sum((a + b) + (c + d));
        for (; k < fields.Length; k++) sum += fields[k];
        return sum;
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double HandRowGrid()
    {
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            double w = Values[i];
            for (int j = 0; j < N; j++) row[j] = HandWritten.Contract(w, Scales[j]);
            sum += SumRow();
        }
        return sum;
    }

    [Benchmark, BenchmarkCategory("Grid")]
    public double GeneratedRowGrid()
    {
        double sum = 0;
        IPricingModel model = UniformApi.Instance;
        for (int i = 0; i < N; i++)
        {
            model.ContractGrid(Values.AsSpan(i, 1), Scales, row);
            sum += SumRow();
        }
        return sum;
    }

    internal static double Sum(in Contract c) =>
        c.Quality + c.Input + c.Output + c.FineTuning + c.Transfer + c.Cost + c.BuyerUtility + c.Profit;
}
