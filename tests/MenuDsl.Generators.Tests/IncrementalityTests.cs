using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MenuDsl.Generators.Tests;

public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps = [PricingModelGenerator.Steps.Spec, PricingModelGenerator.Steps.Plan];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(string source = Models.Default)
    {
        var compilation = GeneratorHarness.Compilation(source);
        var driver = GeneratorHarness.Driver(trackSteps: true).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Single(result.GeneratedSources);
        return (driver, compilation);
    }

    /// <summary>The compilation with <paramref name="from"/> replaced by <paramref name="to"/> in its single tree (which must contain it).</summary>
    private static CSharpCompilation Replaced(CSharpCompilation compilation, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single();
        string text = tree.GetText().ToString();
        Assert.Contains(from, text);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text.Replace(from, to))));
    }

    private static GeneratorRunResult Rerun(ref GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Reasons(ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps, string name)
    {
        Assert.True(steps.ContainsKey(name), $"No tracked step '{name}'; tracked: {string.Join(", ", steps.Keys)}.");
        var outputs = steps[name].SelectMany(step => step.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        return outputs.Select(o => (name, o.Reason));
    }

    private static void AssertAllCached(GeneratorRunResult result)
    {
        var reasons = TrackedSteps.SelectMany(name => Reasons(result.TrackedSteps, name))
            .Concat(result.TrackedOutputSteps.Keys.SelectMany(name => Reasons(result.TrackedOutputSteps, name)))
            .ToArray();
        Assert.NotEmpty(result.TrackedOutputSteps);
        Assert.All(reasons, r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"Step '{r.Step}' has reason {r.Reason}; all: {string.Join(", ", reasons.Select(x => $"{x.Step}={x.Reason}"))}."));
    }

    [Theory]
    [InlineData(Models.Default)]
    [InlineData(Models.HandWritten)]
    [InlineData(Models.CustomCes)]
    [InlineData(Models.Binary)]
    public void CommentInTheModelFileLeavesEverythingCached(string source)
    {
        var (driver, compilation) = FirstRun(source);
        var before = driver.GetRunResult().Results[0].GeneratedSources[0].SourceText.ToString();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(
            new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(tree.Length, 0), "\n// an unrelated comment\n"))));

        var result = Rerun(ref driver, edited);
        AssertAllCached(result);
        Assert.Equal(before, result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void ChangedExponentInAProductionFunctionRerunsThePlan()
    {
        var (driver, compilation) = FirstRun(Models.HandWritten);
        var edited = Replaced(compilation, "Math.Pow(y, 0.2)", "Math.Pow(y, 0.25)");

        var result = Rerun(ref driver, edited);
        Assert.Contains(Reasons(result.TrackedSteps, PricingModelGenerator.Steps.Plan), r => r.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("0.25", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Theory]
    [InlineData(Models.Default)]
    [InlineData(Models.Binary)]
    public void UnrelatedClassInANewTreeLeavesEverythingCached(string source)
    {
        var (driver, compilation) = FirstRun(source);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Shop.Other; public sealed class Unrelated { public int Count { get; set; } }", GeneratorHarness.ParseOptions));

        var result = Rerun(ref driver, edited);
        AssertAllCached(result);
    }

    [Fact]
    public void UnrelatedPartialClassInTheModelFileLeavesEverythingCached()
    {
        var (driver, compilation) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(
            new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(tree.Length, 0), "\npublic partial class Helper { public static int Two => 2; }\n"))));

        AssertAllCached(Rerun(ref driver, edited));
    }

    [Fact]
    public void ChangedProbabilityRerunsTheBinaryPlan()
    {
        var (driver, compilation) = FirstRun(Models.Binary);
        var tree = compilation.SyntaxTrees.Single();
        string text = tree.GetText().ToString().Replace("TypeProfile(0.5, TaskValues = new[] { 2.0", "TypeProfile(0.25, TaskValues = new[] { 2.0")
            .Replace("TypeProfile(0.5, TaskValues = new[] { 1.0", "TypeProfile(0.75, TaskValues = new[] { 1.0");
        var result = Rerun(ref driver, compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text))));
        Assert.Contains(Reasons(result.TrackedSteps, PricingModelGenerator.Steps.Plan), r => r.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("TypeProfile.Tasks(0.25, 2.0, 0.6)", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void ChangedTokenCostRerunsThePlanAndChangesTheSource()
    {
        var (driver, compilation) = FirstRun();
        string before = driver.GetRunResult().Results[0].GeneratedSources[0].SourceText.ToString();
        var edited = Replaced(compilation, "[TokenCosts(1.0, 2.0, 5.0)]", "[TokenCosts(1.0, 2.0, 7.5)]");
        string text = compilation.SyntaxTrees.Single().GetText().ToString();

        var result = Rerun(ref driver, edited);
        Assert.Contains(Reasons(result.TrackedSteps, PricingModelGenerator.Steps.Spec), r => r.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Reasons(result.TrackedSteps, PricingModelGenerator.Steps.Plan), r => r.Reason == IncrementalStepRunReason.Modified);
        var output = result.TrackedOutputSteps.SelectMany(p => p.Value).SelectMany(s => s.Outputs).ToArray();
        Assert.Contains(output, o => o.Reason == IncrementalStepRunReason.Modified);

        string after = result.GeneratedSources.Single().SourceText.ToString();
        Assert.NotEqual(before, after);
        Assert.Contains("7.5", after);
        Assert.Equal(Models.Generate(text.Replace("[TokenCosts(1.0, 2.0, 5.0)]", "[TokenCosts(1.0, 2.0, 7.5)]")), after);
    }

    [Theory]
    [InlineData(Models.Default)]
    [InlineData(Models.Mixture)]
    [InlineData(Models.Exponential)]
    [InlineData(Models.HalfDelta)]
    [InlineData(Models.NestedBeta)]
    [InlineData(Models.Ces)]
    [InlineData(Models.HandWritten)]
    [InlineData(Models.CustomCes)]
    [InlineData(Models.Binary)]
    public void StepOutputsHoldNoCompilationObjects(string source)
    {
        var (driver, _) = FirstRun(source);
        var result = driver.GetRunResult().Results.Single();
        foreach (var name in TrackedSteps)
            foreach (var step in result.TrackedSteps[name])
                foreach (var (value, _) in step.Outputs)
                {
                    Assert.NotNull(value);
                    var found = ForbiddenObjects.Find(value);
                    Assert.True(found is null, $"Step '{name}' output {value.GetType().Name} holds {found}.");
                }
    }

    [Fact]
    public void TheWalkFindsCompilationObjectsInNestedStructures()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { }");
        Assert.Null(ForbiddenObjects.Find(new Holder(1, "x", [1.0, 2.0], null)));
        Assert.Contains("SyntaxTree", ForbiddenObjects.Find(new Holder(1, "x", [], new List<object> { 3, new[] { (object)tree } })));
        Assert.Contains("Location", ForbiddenObjects.Find(new Holder(1, "x", [], new Dictionary<string, object> { ["k"] = Location.None })));
        Assert.Contains("SyntaxNode", ForbiddenObjects.Find(new PrivateField(tree.GetRoot())));
        Assert.Contains("ISymbol", ForbiddenObjects.Find(new Holder(0, "", [], GeneratorHarness.Compilation("class C { }").GetTypeByMetadataName("C"))));
        Assert.Contains("Compilation", ForbiddenObjects.Find((1, new Holder(0, "", [], GeneratorHarness.Compilation()))));

        var cycle = new Node();
        cycle.Next = cycle;
        Assert.Null(ForbiddenObjects.Find(cycle));
        cycle.Payload = Location.None;
        Assert.NotNull(ForbiddenObjects.Find(cycle));
    }

    private sealed record Holder(int Number, string Text, double[] Numbers, object? Extra);

    private sealed class PrivateField(object value)
    {
        private readonly object hidden = value;

        public override string ToString() => hidden.GetType().Name;
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
        public object? Payload { get; set; }
    }
}

/// <summary>Walks an object graph (fields, properties, enumerables) for Roslyn objects a pipeline model must not hold.</summary>
internal static class ForbiddenObjects
{
    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation)];

    /// <summary>A description of the first forbidden object reachable from <paramref name="root"/> (with its path), or null.</summary>
    public static string? Find(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path, int Depth)>();
        pending.Push((root, "root", 0));
        while (pending.Count > 0)
        {
            var (value, path, depth) = pending.Pop();
            var type = value.GetType();
            if (Forbidden.FirstOrDefault(f => f.IsInstanceOfType(value)) is { } forbidden)
                return $"a {forbidden.Name} ({type.FullName}) at {path}";
            if (type.IsPrimitive || type.IsEnum || value is string or decimal or Type or Delegate or Pointer) continue;
            if (!type.IsValueType && !seen.Add(value)) continue;
            if (depth > 64) throw new InvalidOperationException($"Object graph deeper than 64 at {path}.");

            if (value is IEnumerable sequence)
            {
                int index = 0;
                foreach (var item in sequence)
                    if (item is not null) pending.Push((item, $"{path}[{index++}]", depth + 1));
            }

            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    if (!field.FieldType.IsPointer && field.GetValue(value) is { } item)
                        pending.Push((item, $"{path}.{field.Name}", depth + 1));
                foreach (var property in t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.PropertyType.IsByRefLike) continue;
                    object? item;
                    try
                    {
                        item = property.GetValue(value);
                    }
                    catch (TargetInvocationException)
                    {
                        continue;
                    }
                    if (item is not null) pending.Push((item, $"{path}.{property.Name}", depth + 1));
                }
            }
        }
        return null;
    }
}
