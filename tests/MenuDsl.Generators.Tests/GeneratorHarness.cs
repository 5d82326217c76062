using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using MenuDsl.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MenuDsl.Generators.Tests;

/// <summary>Runs <see cref="PricingModelGenerator"/> on source text with a <see cref="CSharpGeneratorDriver"/>.</summary>
internal static class GeneratorHarness
{
    private static readonly MetadataReference[] References =
    [
        .. Basic.Reference.Assemblies.Net100.References.All,
        MetadataReference.CreateFromFile(typeof(MenuDsl.IPricingModel).Assembly.Location),
    ];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compilation(params string[] sources) => CSharpCompilation.Create(
        "Generated" + Guid.NewGuid().ToString("N"),
        sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver Driver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        [new PricingModelGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The generated sources (hint name → text) and the generator's own diagnostics.</summary>
    public static (ImmutableArray<(string HintName, string Text)> Sources, ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) throw new InvalidOperationException("The generator threw.", result.Exception);
        return ([.. result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString()))], diagnostics, output);
    }

    /// <summary>Every MenuDsl analyzer, found by reflection so that a new one cannot be left out.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
    [
        .. typeof(MenuDsl.Analyzers.UsageAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    /// <summary>The MenuDsl analyzers' diagnostics on the user's source alone (they skip generated code anyway).</summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(params string[] sources) =>
        Compilation(sources)
            .WithAnalyzers(Analyzers)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Generates, compiles warning-free (warnings are errors) and loads the assembly.</summary>
    public static Assembly CompileAndLoad(params string[] sources)
    {
        var (_, diagnostics, output) = Run(sources);
        if (!diagnostics.IsEmpty) throw new InvalidOperationException("Generator diagnostics: " + string.Join("\n", diagnostics));
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
            throw new InvalidOperationException("Generated code does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)));
        return Assembly.Load(stream.ToArray());
    }

    /// <summary>The generated model's <c>Instance</c>.</summary>
    public static IIndexModel Instance(Assembly assembly, string typeName) => (IIndexModel)PricingInstance(assembly, typeName);

    /// <summary>The generated model's <c>Instance</c>, of any technology.</summary>
    public static IPricingModel PricingInstance(Assembly assembly, string typeName) =>
        (IPricingModel)assembly.GetType(typeName, throwOnError: true)!.GetProperty("Instance")!.GetValue(null)!;
}
