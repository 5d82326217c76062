using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MenuDsl;

/// <summary>Apples to apples: hand-written = generated to 1e-12 relative before anything is timed. No timing here.</summary>
public static class Checks
{
    public const double Tolerance = 1e-12;

    public static bool Run()
    {
        var (contract, tariff, package) = HandWritten.Agreement(UniformApi.Instance);
        double gridHand = new GridBenchmarks().HandGrid(), gridGenerated = new GridBenchmarks().GeneratedGrid();
        double grid = Math.Abs(gridHand - gridGenerated) / Math.Abs(gridHand);
        double batch = Math.Abs(gridHand - new GridBenchmarks().GeneratedBatchGrid()) / Math.Abs(gridHand);
        grid = Math.Max(grid, batch);
        Console.WriteLine($"check: hand-written vs generated, largest relative difference on a 201x201 grid: Contract {contract:E2}, " +
                          $"Tariff {tariff:E2}, Package {package:E2}; grid sums (loop and ContractGrid) {grid:E2} (tolerance {Tolerance:E0})");
        bool ok = contract <= Tolerance && tariff <= Tolerance && grid <= Tolerance;
        if (!ok) Console.WriteLine("check FAILED: the hand-written closed form and the generated model disagree: the comparison is not apples to apples");
        if (package > Tolerance)
            Console.WriteLine($"check note: Package differs by {package:E2} relative (generated rent is a quadrature, hand-written is closed form)");
        return ok;
    }
}

/// <summary>Time of the first call in a fresh process (static initialisation and JIT included).</summary>
public static class FirstCall
{
    public static readonly string[] Cases =
        ["uniform-contract", "uniform-package", "beta-contract", "beta-package", "ces-contract", "custom-contract", "runtime-uniform-contract"];

    public static int Run(string which)
    {
        var watch = Stopwatch.StartNew();
        double sink = which switch
        {
            "uniform-contract" => UniformApi.Instance.Contract(0.8, 0.6).Transfer,
            "uniform-package" => UniformApi.Instance.Package(0.7).Transfer,
            "beta-contract" => BetaApi.Instance.Contract(1.2, 0.6).Transfer,
            "beta-package" => BetaApi.Instance.Package(1.0).Transfer,
            "ces-contract" => CesApi.Instance.Contract(0.8, 0.6).Transfer,
            "custom-contract" => CustomApi.Instance.Contract(0.8, 0.6).Transfer,
            "runtime-uniform-contract" => PricingModel.CobbDouglas(0.30, 0.20, 0.10).WithCosts(1.0, 2.0, 5.0)
                .WithValues(Distribution.Uniform, 0.0, 1.0).WithScales(Distribution.Uniform, 0.2, 1.0).Build().Contract(0.8, 0.6).Transfer,
            _ => throw new ArgumentException($"unknown case {which}; one of {string.Join(", ", Cases)}"),
        };
        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds:R} {sink:R}"));
        return 0;
    }

    /// <summary>Runs each case in a new process of this program and returns its first-call milliseconds.</summary>
    public static Dictionary<string, double> InFreshProcesses()
    {
        var result = new Dictionary<string, double>();
        string self = Environment.ProcessPath!;
        string dll = typeof(FirstCall).Assembly.Location;
        bool viaDotnet = Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        foreach (var which in Cases)
        {
            var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
            if (viaDotnet) start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--first-call");
            start.ArgumentList.Add(which);
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            result[which] = process.ExitCode == 0 ? double.Parse(output.Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
        }
        return result;
    }
}

/// <summary>
/// One run, C# and the Python peer side by side: the agreement checks, the Python peer (numpy grid, SciPy per
/// contract), the BenchmarkDotNet classes, first calls in fresh processes, then one table of ratios.
/// </summary>
public static class PeerRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] rest)
    {
        var started = DateTime.UtcNow;
        string loadBefore = LoadAverage();
        if (!Checks.Run()) return 1;
        string root = RepoRoot();
        string peerJson = Path.Combine(Path.GetTempPath(), $"menudsl-peer-{Environment.ProcessId}.json");
        bool skipPeer = rest.Contains("--no-python");

        // The machine is shared: the Python peer runs twice (before and after the C# benchmarks) and the faster of the
        // two timings counts, as best-of-N; the C# side reports BenchmarkDotNet's Min (best iteration) for the same reason.
        JsonElement? peer = skipPeer ? null : Python(root, peerJson + ".1");
        Type[] classes = rest.Contains("--quick")
            ? [typeof(MemberBenchmarks), typeof(GridBenchmarks)]
            : [typeof(MemberBenchmarks), typeof(GridBenchmarks), typeof(TechnologyBenchmarks), typeof(GeneratorBenchmarks), typeof(PlanBenchmarks), typeof(TariffPlanBenchmarks)];
        var best = new Dictionary<string, double>(); // method name → best iteration, ns per call
        foreach (var type in classes)
        {
            var summary = BenchmarkRunner.Run(type, DefaultConfig.Instance);
            foreach (var report in summary.Reports)
                if (report.ResultStatistics is { } stats) best[report.BenchmarkCase.Descriptor.WorkloadMethod.Name] = stats.Min;
        }
        JsonElement? second = skipPeer ? null : Python(root, peerJson + ".2");
        if (peer is { } p1 && second is { } p2)
        {
            PythonBest["grid"] = Math.Min(p1.GetProperty("grid").GetProperty("best_ms_with_sum").GetDouble(), p2.GetProperty("grid").GetProperty("best_ms_with_sum").GetDouble());
            PythonBest["scipy"] = Math.Min(p1.GetProperty("scipy_custom").GetProperty("per_contract_ms").GetDouble(), p2.GetProperty("scipy_custom").GetProperty("per_contract_ms").GetDouble());
        }
        peer ??= second;

        Console.WriteLine("== First calls, one fresh process each");
        var first = FirstCall.InFreshProcesses();

        Print(best, peer, first, started);
        Console.WriteLine();
        Console.WriteLine($"Load average (1, 5, 15 min) at start: {loadBefore}; at end: {LoadAverage()}. Run time {(DateTime.UtcNow - started).TotalMinutes:F1} min.");
        return 0;
    }

    private static void Print(Dictionary<string, double> ns, JsonElement? peer, Dictionary<string, double> first, DateTime started)
    {
        var rows = new List<(string What, string Measured, string Ratio, string Target, string Met)>();
        double N(string m) => ns.TryGetValue(m, out var v) ? v : double.NaN;
        string Ns(double v) => double.IsNaN(v) ? "n/a" : v >= 1e6 ? $"{v / 1e6:F2} ms" : v >= 1e4 ? $"{v / 1e3:F1} µs" : $"{v:F1} ns";
        string Ms(double v) => double.IsNaN(v) ? "n/a" : $"{v:F2} ms";
        string X(double v) => double.IsNaN(v) ? "n/a" : $"{v:F2}x";
        string Met(double ratio, double target) => double.IsNaN(ratio) ? "n/a" : ratio >= target ? "yes" : "NO";

        foreach (var (member, hand, gen, runtime) in new[]
        {
            ("Contract", "HandContract", "GeneratedContract", "RuntimeContract"),
            ("Tariff", "HandTariff", "GeneratedTariff", "RuntimeTariff"),
            ("Package", "HandPackage", "GeneratedPackage", "RuntimePackage"),
            ("CommittedSpend", "HandCommittedSpend", "GeneratedCommittedSpend", "RuntimeCommittedSpend"),
        })
        {
            double h = N(hand), g = N(gen), r = N(runtime);
            bool contract = member == "Contract";
            rows.Add(($"{member}: generated throughput / hand-written", $"hand {Ns(h)}, generated {Ns(g)}", X(h / g),
                contract ? ">= 0.9x" : "", contract ? Met(h / g, 0.9) : ""));
            rows.Add(($"{member}: generated speed-up over runtime-built", $"runtime {Ns(r)}", X(r / g), ">= 5x", Met(r / g, 5)));
        }
        if (ns.ContainsKey("GeneratedContractViaInterface"))
            rows.Add(("Contract via IIndexModel (generated)", Ns(N("GeneratedContractViaInterface")), X(N("HandContract") / N("GeneratedContractViaInterface")), "", ""));

        double gh = N("HandGrid"), gg = N("GeneratedGrid"), gr = N("RuntimeGrid");
        double numpy = (PythonBest.TryGetValue("grid", out var g2) ? g2 : peer?.GetProperty("grid").GetProperty("best_ms_with_sum").GetDouble() ?? double.NaN) * 1e6;
        rows.Add(("Grid 1000x1000: generated throughput / hand-written", $"hand {Ns(gh)}, generated {Ns(gg)}", X(gh / gg), ">= 0.9x", Met(gh / gg, 0.9)));
        rows.Add(("Grid: generated speed-up over runtime-built", $"runtime {Ns(gr)}", X(gr / gg), ">= 5x", Met(gr / gg, 5)));
        rows.Add(("Grid: generated speed-up over numpy (1 thread)", $"numpy {Ns(numpy)}", X(numpy / gg), ">= 8x", Met(numpy / gg, 8)));
        rows.Add(("Grid: hand-written speed-up over numpy", "", X(numpy / gh), "(issue: ~11x)", ""));
        double hb = N("HandBatchGrid"), gb = N("GeneratedBatchGrid"), gp = N("GeneratedBatchGridParallel"), rb = N("RuntimeBatchGrid");
        rows.Add(("Grid, batch (fill 10^6 span, then sum): generated ContractGrid / hand-written fill", $"hand {Ns(hb)}, generated {Ns(gb)}", X(hb / gb), ">= 0.9x", Met(hb / gb, 0.9)));
        rows.Add(("Grid, batch: generated speed-up over runtime-built ContractGrid", $"runtime {Ns(rb)}", X(rb / gb), ">= 5x", Met(rb / gb, 5)));
        rows.Add(("Grid, batch: generated ContractGrid speed-up over numpy (1 thread)", "", X(numpy / gb), ">= 8x", Met(numpy / gb, 8)));
        rows.Add(("Grid, batch: ContractGridParallel (2 cores) speed-up over numpy", $"parallel {Ns(gp)}", X(numpy / gp), "", ""));
        double hr = N("HandRowGrid"), gw = N("GeneratedRowGrid");
        rows.Add(("Grid, by rows (ContractGrid per row into a reused buffer, then sum): generated / hand-written", $"hand {Ns(hr)}, generated {Ns(gw)}", X(hr / gw), ">= 0.9x", Met(hr / gw, 0.9)));
        rows.Add(("Grid, by rows: generated speed-up over numpy (1 thread)", "", X(numpy / gw), ">= 8x", Met(numpy / gw, 8)));
        if (peer is { } p1)
        {
            double numpySum = p1.GetProperty("grid").GetProperty("sum").GetDouble(), csSum = new GridBenchmarks().GeneratedGrid();
            rows.Add(("Grid: numpy sum vs generated sum (rel. diff)", $"{numpySum:R} vs {csSum:R}", $"{Math.Abs(numpySum - csSum) / Math.Abs(csSum):E1}", "", ""));
        }

        double cd = N("CobbDouglasContract");
        rows.Add(("CES contract: runtime-built / closed-form CD", Ns(N("CesContract")), X(N("CesContract") / cd), "", ""));
        rows.Add(("CES contract: generated speed-up over runtime-built", Ns(N("GeneratedCesContract")), X(N("CesContract") / N("GeneratedCesContract")), "", ""));
        rows.Add(("Custom contract, runtime-built (exact derivatives)", Ns(N("CustomExactContract")), "", "", ""));
        rows.Add(("Custom contract, runtime-built (finite differences)", Ns(N("CustomFiniteDifferencesContract")), "", "", ""));
        rows.Add(("Custom contract, generated [ProductionFunction]", Ns(N("GeneratedCustomContract")), "", "", ""));
        if (peer is { } p2)
        {
            var sc = p2.GetProperty("scipy_custom");
            double scipy = (PythonBest.TryGetValue("scipy", out var s2) ? s2 : sc.GetProperty("per_contract_ms").GetDouble()) * 1e6;
            rows.Add(("Custom: generated speed-up over SciPy per contract", $"SciPy {Ns(scipy)}", X(scipy / N("GeneratedCustomContract")), ">= 100x", Met(scipy / N("GeneratedCustomContract"), 100)));
            rows.Add(("Custom: runtime-built (exact) speed-up over SciPy", "", X(scipy / N("CustomExactContract")), "", ""));
            double worstGen = 0, worstRt = 0;
            foreach (var c in sc.GetProperty("contracts").EnumerateArray())
            {
                double w = c.GetProperty("w").GetDouble(), s = c.GetProperty("s").GetDouble();
                double[] py = [.. c.GetProperty("contract").EnumerateArray().Select(e => e.GetDouble())];
                worstGen = Math.Max(worstGen, Rel(py, Fields(CustomApi.Instance.Contract(w, s))));
                worstRt = Math.Max(worstRt, Rel(py, Fields(TechnologyBenchmarks.Custom.Contract(w, s))));
            }
            rows.Add(("Custom: SciPy vs generated, 5 contracts x 8 fields", "largest rel. diff", $"{worstGen:E1}", "<= 1e-8", Met(1e-8 / worstGen, 1)));
            rows.Add(("Custom: SciPy vs runtime-built (exact derivatives)", "largest rel. diff", $"{worstRt:E1}", "<= 1e-8", Met(1e-8 / worstRt, 1)));
        }

        rows.Add(("PlanDesigner.CommittedSpend(model, 3), mean of 3 calls", Ns(N("CommittedSpendPlans3")), "", "", ""));
        rows.Add(("PlanDesigner.TwoPartTariffs(model, 3), one call", Ns(N("TwoPartTariffPlans3")), "", "", ""));
        int m = GeneratorBenchmarks.Models;
        double genAll = N("GeneratorAllChanged") / 1e6 / m, analyzers = N("Analyzers50") / 1e6, bind = N("BindOnly50") / 1e6;
        rows.Add(("Generator, warm, all 50 models changed", $"{Ms(N("GeneratorAllChanged") / 1e6)} total", $"{genAll:F2} ms/model", "<= 2 ms/model", Met(2 / genAll, 1)));
        rows.Add(("Generator, warm, unrelated edit (cached)", $"{Ms(N("GeneratorUnrelatedEdit") / 1e6)} total", $"{N("GeneratorUnrelatedEdit") / 1e6 / m:F2} ms/model", "", ""));
        rows.Add(("Analyzers, fresh compilation of 50 models", $"{Ms(analyzers)} total, binding alone {Ms(bind)}",
            $"{(analyzers - bind) / m:F2} ms/model", "", ""));

        foreach (var (which, msFirst) in first)
            rows.Add(($"First call (fresh process): {which}", Ms(msFirst), "", "<= 50 ms", Met(50 / msFirst, 1)));

        Console.WriteLine();
        Console.WriteLine($"## MenuDsl performance, one run ({started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.Version}, " +
                          $"{(peer is { } p ? $"Python {p.GetProperty("python").GetString()}, numpy {p.GetProperty("numpy").GetString()}, SciPy {p.GetProperty("scipy").GetString()}" : "no Python")})");
        Console.WriteLine();
        Console.WriteLine("Times: BenchmarkDotNet's Min (best iteration) per call; numpy and SciPy: best of N, the better of two peer runs.");
        Console.WriteLine();
        Console.WriteLine("| what | measured | ratio | target | met |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var r in rows) Console.WriteLine($"| {r.What} | {r.Measured} | {r.Ratio} | {r.Target} | {r.Met} |");
    }

    private static double[] Fields(Contract c) => [c.Quality, c.Input, c.Output, c.FineTuning, c.Transfer, c.Cost, c.BuyerUtility, c.Profit];

    private static double Rel(double[] a, double[] b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double scale = Math.Max(Math.Abs(a[i]), Math.Abs(b[i]));
            if (scale > 1e-300) worst = Math.Max(worst, Math.Abs(a[i] - b[i]) / scale);
        }
        return worst;
    }

    private static readonly Dictionary<string, double> PythonBest = new();

    private static JsonElement? Python(string root, string json)
    {
        Console.WriteLine("== Python peer (benchmarks/python/peer.py, /usr/bin/python3)");
        var psi = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(root, "benchmarks", "python", "peer.py"));
        psi.ArgumentList.Add("--out");
        psi.ArgumentList.Add(json);
        using (var python = Process.Start(psi)!) python.WaitForExit();
        if (File.Exists(json)) return JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Console.WriteLine("Python peer failed: no numpy/SciPy numbers from this run");
        return null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MenuDsl.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
