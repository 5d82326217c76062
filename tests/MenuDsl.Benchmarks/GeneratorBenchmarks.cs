using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MenuDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

/// <summary>
/// Compile-time cost over 50 distinct models (one syntax tree each; Cobb-Douglas with varied exponents and costs,
/// uniform / power / exponential / Beta / truncated-normal values, with and without a scale law, a few CES and custom
/// [ProductionFunction] models). The driver is warm: it has run on version A of all 50 trees; each invocation runs it
/// on a fresh compilation in which every tree is changed (version B, all 50 models regenerate), or only an unrelated
/// tree is changed (everything should come from the cache). Divide by <see cref="Models"/> for ms per model.
/// The analyzers run on a fresh compilation of the same 50 models (binding included, as in the IDE).
/// </summary>
[BenchmarkDotNet.Attributes.Config(typeof(FastConfig))]
public class GeneratorBenchmarks
{
    public const int Models = 50;

    private static readonly MetadataReference[] References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(MenuDsl.IPricingModel).Assembly.Location),
    ];
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);
    private static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
    [
        .. typeof(MenuDsl.Analyzers.UsageAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    private SyntaxTree[] a = [], b = [];
    private SyntaxTree unrelatedA = null!, unrelatedB = null!;
    private GeneratorDriver warm = null!;

    /// <summary>Model number <paramref name="i"/>; <paramref name="version"/> shifts its input cost slightly.</summary>
    public static string Model(int i, int version)
    {
        string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        double alpha = 0.2 + 0.004 * i, beta = 0.15 + 0.003 * (i % 17), gamma = 0.05 + 0.002 * (i % 11);
        double cx = 1.0 + 0.01 * i + 0.001 * version, cy = 2.0 + 0.02 * (i % 7), cz = 5.0 + 0.1 * (i % 5);
        string technology = (i % 10) switch
        {
            8 => $"[Ces(0.6, -0.5, {F(alpha + beta)}, {F(gamma)})]",
            9 => "",
            _ => $"[CobbDouglas({F(alpha)}, {F(beta)}, {F(gamma)})]",
        };
        string values = (i % 5) switch
        {
            0 => "[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]",
            1 => $"[ValueDistribution(Distribution.Power, {F(1.5 + 0.05 * i)}, 0.0, 2.0)]",
            2 => $"[ValueDistribution(Distribution.Exponential, {F(1.0 + 0.02 * i)})]",
            3 => "[ValueDistribution(Distribution.Beta, 2.0, 3.0, 0.0, 2.0)]",
            _ => "[ValueDistribution(Distribution.TruncatedNormal, 1.0, 0.5, 0.0, 3.0)]",
        };
        string scales = i % 3 == 0 ? "" : "[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]";
        string body = i % 10 == 9
            ? $" {{ [ProductionFunction] public static double V(double x, double y, double z) => System.Math.Pow(x, {F(alpha)}) * System.Math.Pow(y, {F(beta)}) * System.Math.Pow(1 + z, {F(gamma)}); }}"
            : ";";
        return $"using MenuDsl;\nnamespace Bench{i};\n[PricingModel]{technology}[TokenCosts({F(cx)}, {F(cy)}, {F(cz)})]\n{values}{scales}\npublic partial class Model{i}{body}\n";
    }

    private static SyntaxTree Tree(string text, int i) => CSharpSyntaxTree.ParseText(text, Parse, path: $"Model{i}.cs");

    private static CSharpCompilation Compilation(params SyntaxTree[] trees) =>
        CSharpCompilation.Create("Bench", trees, References, Options);

    [GlobalSetup]
    public void Setup()
    {
        a = [.. Enumerable.Range(0, Models).Select(i => Tree(Model(i, 0), i))];
        b = [.. Enumerable.Range(0, Models).Select(i => Tree(Model(i, 1), i))];
        unrelatedA = CSharpSyntaxTree.ParseText("namespace Other; public static class Helper { public static int F() => 1; }", Parse, path: "Helper.cs");
        unrelatedB = CSharpSyntaxTree.ParseText("namespace Other; public static class Helper { public static int F() => 2; }", Parse, path: "Helper.cs");
        warm = CSharpGeneratorDriver.Create([new PricingModelGenerator().AsSourceGenerator()], parseOptions: Parse)
            .RunGenerators(Compilation([.. a, unrelatedA]));
        var result = warm.GetRunResult();
        if (result.Results.Single().Exception is { } e) throw new InvalidOperationException("generator threw", e);
        if (result.GeneratedTrees.Length < Models) throw new InvalidOperationException($"only {result.GeneratedTrees.Length} of {Models} models generated");
    }

    /// <summary>All 50 models changed: the warm driver regenerates every one.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorAllChanged() => warm.RunGenerators(Compilation([.. b, unrelatedA]));

    /// <summary>Only an unrelated tree changed: the 50 models should come from the cache.</summary>
    [Benchmark]
    public GeneratorDriver GeneratorUnrelatedEdit() => warm.RunGenerators(Compilation([.. a, unrelatedB]));

    /// <summary>All MenuDsl analyzers on a fresh compilation of the 50 models (binding the compilation included).</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> Analyzers50() =>
        Compilation([.. b, unrelatedA]).WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Binding alone (compiler diagnostics of the same fresh compilation), to subtract from the analyzer time.</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> BindOnly50() => Compilation([.. b, unrelatedA]).GetDiagnostics();
}
