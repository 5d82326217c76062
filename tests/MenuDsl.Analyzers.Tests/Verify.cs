using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MenuDsl.Analyzers.Tests;

/// <summary>
/// Runs an analyzer (and a code fix) on source that uses the MenuDsl attributes, against net10.0 reference
/// assemblies shipped in a package (nothing is downloaded at test time). Markup <c>{|MENU003:…|}</c> asserts
/// id and location.
/// </summary>
internal static class Verify<TAnalyzer> where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Header = "using MenuDsl;\n";

    public static Task Analyzer(string source, params string[] disabled)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Header + source };
        Configure(test.TestState);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.DisabledDiagnostics.AddRange(disabled);
        return test.RunAsync();
    }

    public static Task CodeFix<TCodeFix>(string source, string fixedSource) where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = Header + source,
            FixedCode = Header + fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        Configure(test.TestState);
        Configure(test.FixedState);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(PricingModelAttribute).Assembly.Location));
    }
}
