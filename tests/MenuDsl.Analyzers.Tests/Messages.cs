using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MenuDsl.Analyzers.Tests;

/// <summary>Runs the analyzers on source and returns their diagnostics, to assert on message text.</summary>
internal static class Messages
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer(), new EconomicsAnalyzer(), new ProductionFunctionAnalyzer());

    public static async Task<ImmutableArray<Diagnostic>> Of(string source) =>
        await Compile(source).WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();

    /// <summary>What the analyzers throw on the source (they must throw nothing, whatever the user has typed so far).</summary>
    public static async Task<List<System.Exception>> Thrown(string source)
    {
        var thrown = new List<System.Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (e, _, _) => { lock (thrown) thrown.Add(e); },
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        await Compile(source).WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();
        return thrown;
    }

    private static CSharpCompilation Compile(string source) => CSharpCompilation.Create("Probe",
        [CSharpSyntaxTree.ParseText(Verify<UsageAnalyzer>.Header + source)],
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(PricingModelAttribute).Assembly.Location)],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static async Task<string> Single(string source, string id) =>
        (await Of(source)).Single(d => d.Id == id).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
