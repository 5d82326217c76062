using System;
using System.Linq;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Generated CES and [ProductionFunction] models against independent references: the runtime's Cobb-Douglas closed
/// forms, the generated CES closed forms, and the r → 0 limit of CES.
/// </summary>
public sealed class TechnologyGenerationTests
{
    private static readonly (double Value, double Scale)[] Types =
        [.. from w in new[] { 0.3, 0.5, 0.55, 0.62, 0.75, 0.8, 0.9, 0.97, 1.0 } from s in new[] { 0.2, 0.45, 0.7, 1.0 } select (w, s)];

    private static IPricingModel Generated(string source, string type) =>
        GeneratorHarness.PricingInstance(GeneratorHarness.CompileAndLoad(source), type);

    [Theory]
    [InlineData(0.01, 0.02, 0.05, true)]   // many types fine-tune
    [InlineData(1.0, 2.0, 5.0, false)]     // θ̂ ≈ 16: nobody does
    public void CobbDouglasWrittenByHandEqualsTheClosedForm(double cx, double cy, double cz, bool someFineTune)
    {
        string source = Models.HandWritten.Replace("[TokenCosts(0.01, 0.02, 0.05)]", $"[TokenCosts({cx:R}, {cy:R}, {cz:R})]");
        var custom = Generated(source, "Shop.Pricing.HandWrittenApi");
        var closedForm = PricingModel.CobbDouglas(0.3, 0.2, 0.1, 1).WithCosts(cx, cy, cz)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();

        Assert.IsType<CustomTechnology>(custom.Description.Technology);
        Assert.Equal(someFineTune, Types.Any(t => closedForm.Efficient(t.Value, t.Scale).FineTunes));
        AssertSameMembers(closedForm, custom, 1e-8);
    }

    [Fact]
    public void CesWrittenAsAProductionFunctionEqualsTheGeneratedClosedForm()
    {
        var closedForm = Generated(Models.Ces, "Shop.Pricing.CesApi");
        var custom = Generated(Models.CustomCes, "Shop.Pricing.CustomCesApi");
        Assert.IsType<CesTechnology>(closedForm.Description.Technology);
        AssertSameMembers(closedForm, custom, 1e-8);
    }

    [Fact]
    public void GeneratedCesEqualsTheRuntimeBuiltCes()
    {
        var generated = (IIndexModel)Generated(Models.Ces, "Shop.Pricing.CesApi");
        var runtime = PricingModel.Ces(0.6, -0.5, 0.5, 0.1, 1.0).WithCosts(1, 2, 5)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();
        AssertSameMembers(runtime, generated, 1e-9);
        Assert.Equal(runtime.FineTuningThreshold, generated.FineTuningThreshold, 1e-9 * runtime.FineTuningThreshold);
        foreach (double theta in new[] { 0.45, 0.6, 0.8, 1.0 })
        {
            Same(runtime.Package(theta).Transfer, generated.Package(theta).Transfer, 1e-9, $"Package({theta}).Transfer");
            Same(runtime.PackageTariff(theta).Fee, generated.PackageTariff(theta).Fee, 1e-9, $"PackageTariff({theta}).Fee");
        }
    }

    [Fact]
    public void GeneratedTokenClassesEqualTheRuntimeBuiltModel()
    {
        var generated = (IIndexModel)Generated(Models.TokenClasses, "Shop.Pricing.TokenClassApi");
        TokenClass[] classes = [new("input", 0.2, 1.0), new("cached_input", 0.05, 0.1), new("output", 0.2, 4.0)];
        var runtime = PricingModel.TokenClasses(classes, 0.1, 0.002, 1.0)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();
        Assert.Equal(runtime.Description.Technology, generated.Description.Technology);
        Assert.Equal(runtime.Description.TokenCosts, generated.Description.TokenCosts);
        Assert.Contains(Types, t => runtime.Efficient(t.Value, t.Scale).FineTunes);
        AssertSameMembers(runtime, generated, 1e-9);
        foreach (double theta in new[] { 0.45, 0.6, 0.8, 1.0 })
        {
            Same(runtime.Package(theta).Cost, generated.Package(theta).Cost, 1e-9, $"Package({theta}).Cost");
            Same(runtime.PackageTariff(theta).Fee, generated.PackageTariff(theta).Fee, 1e-9, $"PackageTariff({theta}).Fee");
        }
    }

    [Fact]
    public void TwoGeneratedTokenClassesEqualTheGeneratedCobbDouglas()
    {
        var classes = Generated(Models.TokenClasses
            .Replace("[TokenClass(\"input\", 0.20, 1.0)]\n[TokenClass(\"cached_input\", 0.05, 0.1)]\n[TokenClass(\"output\", 0.20, 4.0)]", "[TokenClass(\"input\", 0.3, 1.0)]\n[TokenClass(\"output\", 0.2, 2.0)]")
            .Replace("FineTuning(0.1, 0.002", "FineTuning(0.1, 5.0"), "Shop.Pricing.TokenClassApi");
        Assert.Equal(2, ((TokenClassTechnology)classes.Description.Technology).Classes.Count);
        var cobbDouglas = Generated(Models.Ces.Replace("[Ces(0.6, -0.5, 0.5, 0.1, BaseQuality = 1.0)]", "[CobbDouglas(0.3, 0.2, 0.1, BaseQuality = 1.0)]"), "Shop.Pricing.CesApi");
        AssertSameMembers(cobbDouglas, classes, 0);
    }

    [Fact]
    public void CesTendsToCobbDouglasAsSubstitutionVanishes()
    {
        var cobbDouglas = PricingModel.CobbDouglas(0.3, 0.2, 0.1, 1).WithCosts(1, 2, 5)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();
        double Error(double r)
        {
            var ces = Generated(Models.Ces.Replace("[Ces(0.6, -0.5, 0.5, 0.1", $"[Ces(0.6, {r:R}, 0.5, 0.1"), "Shop.Pricing.CesApi");
            return Types.Max(t => Math.Abs(ces.Contract(t.Value, t.Scale).Transfer - cobbDouglas.Contract(t.Value, t.Scale).Transfer))
                / cobbDouglas.Contract(1, 1).Transfer;
        }
        double coarse = Error(1e-3), fine = Error(-1e-6);
        Assert.True(fine < 1e-5, $"r = −1e-6: relative error {fine}");
        Assert.True(fine < coarse / 100, $"error {fine} at r = −1e-6 does not shrink from {coarse} at r = 1e-3");
    }

    [Fact]
    public void AuditOfAGeneratedCustomMenuPasses()
    {
        var report = MenuAudit.Audit(Generated(Models.HandWritten, "Shop.Pricing.HandWrittenApi"), new AuditOptions { ValuePoints = 17, ScalePoints = 4 });
        Assert.True(report.MaxRegret <= 1e-7, report.ToString());
        Assert.True(report.ParticipationViolation <= 1e-9, report.ToString());
    }

    [Fact]
    public void UnreadableBodyGeneratesNothingAndTheAnalyzersSayWhy()
    {
        string source = Models.HandWritten.Replace("Math.Pow(1 + z, 0.1)", "Math.Max(1 + z, 0.1)");
        var (sources, diagnostics, output) = GeneratorHarness.Run(source);
        Assert.Empty(sources);
        Assert.Empty(diagnostics); // no CS8785: the generator declined, it did not fail
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id == "CS8785");
        var menu017 = Assert.Single(GeneratorHarness.AnalyzerDiagnostics(source), d => d.Id == "MENU017");
        Assert.Equal("Math.Max(1 + z, 0.1)", menu017.Location.SourceTree!.GetText().ToString(menu017.Location.SourceSpan));
    }

    private static void AssertSameMembers(IPricingModel expected, IPricingModel actual, double tolerance)
    {
        Same(expected.ReserveValue, actual.ReserveValue, tolerance, "ReserveValue");
        foreach (var (w, s) in Types)
        {
            string type = $"(w = {w}, s = {s})";
            Same(expected.VirtualValue(w), actual.VirtualValue(w), tolerance, $"VirtualValue{type}");
            var (e, a) = (expected.Efficient(w, s), actual.Efficient(w, s));
            Assert.Equal(e.FineTunes, a.FineTunes);
            foreach (var (x, y, name) in new[] { (e.Input, a.Input, "Input"), (e.Output, a.Output, "Output"), (e.FineTuning, a.FineTuning, "FineTuning"),
                         (e.Quality, a.Quality, "Quality"), (e.Surplus, a.Surplus, "Surplus") })
                Same(x, y, tolerance, $"Efficient{type}.{name}");
            var (ce, ca) = (expected.Contract(w, s), actual.Contract(w, s));
            foreach (var (x, y, name) in new[] { (ce.Quality, ca.Quality, "Quality"), (ce.Input, ca.Input, "Input"), (ce.Output, ca.Output, "Output"),
                         (ce.FineTuning, ca.FineTuning, "FineTuning"), (ce.Transfer, ca.Transfer, "Transfer"), (ce.Cost, ca.Cost, "Cost"),
                         (ce.BuyerUtility, ca.BuyerUtility, "BuyerUtility"), (ce.Profit, ca.Profit, "Profit") })
                Same(x, y, tolerance, $"Contract{type}.{name}", scale: ce.Transfer);
            var (te, ta) = (expected.Tariff(w, s), actual.Tariff(w, s));
            foreach (var (x, y, name) in new[] { (te.InputPrice, ta.InputPrice, "InputPrice"), (te.OutputPrice, ta.OutputPrice, "OutputPrice"),
                         (te.FineTuningPrice, ta.FineTuningPrice, "FineTuningPrice"), (te.Fee, ta.Fee, "Fee"), (te.TaskCap, ta.TaskCap, "TaskCap"), (te.Markup, ta.Markup, "Markup") })
                Same(x, y, tolerance, $"Tariff{type}.{name}", scale: name == "Fee" ? ce.Transfer : 0);
        }
    }

    // Relative to the larger of the two values and the given scale (a transfer, for items that nearly cancel).
    private static void Same(double expected, double actual, double tolerance, string what, double scale = 0)
    {
        if (double.IsPositiveInfinity(expected) && double.IsPositiveInfinity(actual)) return;
        double size = Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), Math.Abs(scale));
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(size, 1e-300),
            $"{what}: expected {expected:R}, got {actual:R} (relative tolerance {tolerance})");
    }
}
