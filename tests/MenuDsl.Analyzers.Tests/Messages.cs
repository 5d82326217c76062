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
    public static async Task<ImmutableArray<Diagnostic>> Of(string source)
    {
        var compilation = CSharpCompilation.Create("Probe",
            [CSharpSyntaxTree.ParseText(Verify<UsageAnalyzer>.Header + source)],
            [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(PricingModelAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new UsageAnalyzer(), new EconomicsAnalyzer());
        return await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
    }

    public static async Task<string> Single(string source, string id) =>
        (await Of(source)).Single(d => d.Id == id).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
