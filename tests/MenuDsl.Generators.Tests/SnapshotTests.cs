using System;
using System.IO;
using System.Linq;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>Representative models, shared by the snapshot, incrementality and determinism tests.</summary>
internal static class Models
{
    /// <summary>The api.md §1 model: Cobb-Douglas (.3, .2, .1), costs (1, 2, 5), w ~ U[0,1], s ~ U[.2,1]; in a namespace.</summary>
    public const string Default = """
        using MenuDsl;

        namespace Shop.Pricing;

        [PricingModel]
        [CobbDouglas(0.30, 0.20, 0.10, BaseQuality = 1.0)]
        [TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class ChatApi;
        """;

    /// <summary>Values a two-component mixture 0.7 U[0,1] + 0.3 U[0.5,2]; no scale distribution.</summary>
    public const string Mixture = """
        using MenuDsl;

        namespace Shop.Pricing
        {
            [PricingModel]
            [CobbDouglas(0.30, 0.20, 0.10)]
            [TokenCosts(1.0, 2.0, 5.0)]
            [ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.7)]
            [ValueDistribution(Distribution.Uniform, 0.5, 2.0, Weight = 0.3)]
            public partial class MixedApi { }
        }
        """;

    /// <summary>Exponential values (rate 2), no scale distribution.</summary>
    public const string Exponential = """
        using MenuDsl;

        namespace Shop.Pricing;

        [PricingModel]
        [CobbDouglas(0.30, 0.20, 0.10, BaseQuality = 2.0)]
        [TokenCosts(0.5, 1.5, 4.0)]
        [ValueDistribution(Distribution.Exponential, 2.0)]
        internal partial class ExponentialApi;
        """;

    /// <summary>α = β = γ = 1/4: δ = 1/2 (√s), κ/δ = 1, δ/ε = 2, ρ/ε = 3, so the powers fold to √, products and no-ops.</summary>
    public const string HalfDelta = """
        using MenuDsl;

        namespace Shop.Pricing.Special;

        [PricingModel]
        [CobbDouglas(0.25, 0.25, 0.25)]
        [TokenCosts(1.0, 1.0, 10.0)]
        [ValueDistribution(Distribution.Uniform, 1.0, 3.0)]
        [ScaleDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class SquareRootApi;
        """;

    /// <summary>α = .2, β = .35, γ = .15, Beta values, uniform scales (numeric θ law), nested in a partial class in the global namespace.</summary>
    public const string NestedBeta = """
        using MenuDsl;

        public static partial class Catalogue
        {
            [PricingModel]
            [CobbDouglas(0.2, 0.35, 0.15, BaseQuality = 0.5)]
            [TokenCosts(1.0, 3.0, 20.0)]
            [ValueDistribution(Distribution.Beta, 2.0, 3.0, 0.0, 2.0)]
            [ScaleDistribution(Distribution.Uniform, 0.5, 1.0)]
            public partial class BetaApi { }
        }
        """;

    /// <summary>CES (share .6, r = −.5, degree .5, γ .1), costs (1, 2, 5), w ~ U[0,1], s ~ U[.2,1]: closed forms through the CES unit cost.</summary>
    public const string Ces = """
        using MenuDsl;

        namespace Shop.Pricing;

        [PricingModel]
        [Ces(0.6, -0.5, 0.5, 0.1, BaseQuality = 1.0)]
        [TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class CesApi;
        """;

    /// <summary>Cobb-Douglas over three token classes (cached input cheap) with fine-tuning; w ~ U[0,1], s ~ U[.2,1].</summary>
    public const string TokenClasses = """
        using MenuDsl;

        namespace Shop.Pricing;

        [PricingModel]
        [TokenClass("input", 0.20, 1.0)]
        [TokenClass("cached_input", 0.05, 0.1)]
        [TokenClass("output", 0.20, 4.0)]
        [FineTuning(0.1, 0.002, BaseQuality = 1.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class TokenClassApi;
        """;

    /// <summary>Cobb-Douglas (.3, .2, .1) written by hand as a [ProductionFunction]; costs where many buyers fine-tune.</summary>
    public const string HandWritten = """
        using System;
        using MenuDsl;

        namespace Shop.Pricing;

        [PricingModel]
        [TokenCosts(0.01, 0.02, 0.05)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class HandWrittenApi
        {
            [ProductionFunction]
            private static double Quality(double x, double y, double z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1);
        }
        """;

    /// <summary>The CES of <see cref="Ces"/> written as a [ProductionFunction] with const fields and <c>using static</c>.</summary>
    public const string CustomCes = """
        using MenuDsl;
        using static System.Math;

        namespace Shop.Pricing;

        [PricingModel]
        [TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class CustomCesApi
        {
            private const double Share = 0.6, R = -0.5, Degree = 0.5, Gamma = 0.1;

            [ProductionFunction]
            public static double V(double x, double y, double z) =>
                Pow(Share * Pow(x, R) + (1 - Share) * Pow(y, R), Degree / R) * Pow(1.0 + z, Gamma);
        }
        """;

    /// <summary>model.md §7's binary example: w_H = (2, 0.6), w_L = (1, 1), f = ½ each, Cobb-Douglas (.25, .25, .1), costs (1, 1, 1).</summary>
    public const string Binary = """
        using MenuDsl;

        namespace Shop.Pricing;

        [PricingModel]
        [CobbDouglas(0.25, 0.25, 0.1)]
        [TokenCosts(1.0, 1.0, 1.0)]
        [TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })]
        [TypeProfile(0.5, TaskValues = new[] { 1.0, 1.0 })]
        public partial class TwoTypeApi;
        """;

    /// <summary>The single generated source of <paramref name="source"/>, after checking there is exactly one and no diagnostics.</summary>
    public static string Generate(string source)
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run(source);
        Assert.Empty(diagnostics);
        return Assert.Single(sources).Text;
    }
}

public sealed class SnapshotTests
{
    [Fact]
    public void DefaultModel() => Check(Models.Default, "Shop.Pricing.ChatApi.g.cs");

    [Fact]
    public void MixtureOfValues() => Check(Models.Mixture, "Shop.Pricing.MixedApi.g.cs");

    [Fact]
    public void ExponentialValuesWithoutScales() => Check(Models.Exponential, "Shop.Pricing.ExponentialApi.g.cs");

    [Fact]
    public void HalfDeltaPowersFold() => Check(Models.HalfDelta, "Shop.Pricing.Special.SquareRootApi.g.cs");

    [Fact]
    public void NestedBetaInGlobalNamespace() => Check(Models.NestedBeta, "Catalogue.BetaApi.g.cs");

    [Fact]
    public void CesClosedForm() => Check(Models.Ces, "Shop.Pricing.CesApi.g.cs");

    [Fact]
    public void TokenClassesClosedForm() => Check(Models.TokenClasses, "Shop.Pricing.TokenClassApi.g.cs");

    [Fact]
    public void CustomCobbDouglasByHand() => Check(Models.HandWritten, "Shop.Pricing.HandWrittenApi.g.cs");

    [Fact]
    public void CustomCesWithConstants() => Check(Models.CustomCes, "Shop.Pricing.CustomCesApi.g.cs");

    [Fact]
    public void BinaryZeroRentsDistorted() => Check(Models.Binary, "Shop.Pricing.TwoTypeApi.g.cs");

    private static void Check(string source, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run(source);
        Assert.Empty(diagnostics);
        var generated = Assert.Single(sources);
        // The full name, then a hash of its exact spelling (hint names compare without case).
        Assert.Matches("^" + System.Text.RegularExpressions.Regex.Escape(hintName.Replace(".g.cs", "")) + @"\.[0-9a-f]{8}\.g\.cs$", generated.HintName);
        Assert.DoesNotContain('\r', generated.Text);
        GeneratorHarness.CompileAndLoad(source); // throws unless generated + user code compile with no warning or error
        Snapshot.Verify(generated.Text, name: name);
    }

    [Fact]
    public void HalfDeltaUsesSqrtProductsAndNoOps()
    {
        string text = Models.Generate(Models.HalfDelta);
        Assert.Contains("global::System.Math.Sqrt(scale)", text);        // s^δ, δ = 1/2
        Assert.Contains("(scale * scale)", text);                        // s^(δ/ε), δ/ε = 2
        Assert.Contains("scale * value * BaseQualityFactor", text);      // value^(κ/δ), κ/δ = 1
        Assert.Contains("(value * value * value)", text);                // value^(ρ/ε), ρ/ε = 3
        Assert.DoesNotContain("Math.Pow(", text);                        // every exponent is a multiple of ¼
        Assert.DoesNotContain("Pow(scale, 0.5)", text);
        Assert.DoesNotContain("Pow(value, 1.0)", text);

        string other = Models.Generate(Models.NestedBeta);
        // δ = 1 − (.2 + .35) is 0.44999999999999996 in binary: emitted as the kernel computes it, round-trip exact.
        Assert.Contains($"global::System.Math.Pow(scale, {(1 - (0.2 + 0.35)).ToString("R", System.Globalization.CultureInfo.InvariantCulture)})", other);
    }

    [Fact]
    public void DefaultModelConstants()
    {
        string text = Models.Generate(Models.Default);
        Assert.Contains("public const double Delta = 0.5;", text);
        Assert.Contains("public const double Reserve = 0.5;", text);
        Assert.Contains("return (2.0 * value + (-1.0));", text);
        Assert.StartsWith("// <auto-generated/>\n#nullable enable\n", text);

        var model = GeneratorHarness.Instance(GeneratorHarness.CompileAndLoad(Models.Default), "Shop.Pricing.ChatApi");
        Assert.Equal(0.5, model.ReserveValue);
        Assert.Equal(16.0823, model.FineTuningThreshold, 4);
        Assert.Equal(0.2, model.VirtualValue(0.6), 12);
    }

    [Fact]
    public void GeneratedTextIsNormalisedToLf() => Assert.DoesNotContain('\r', Models.Generate(Models.Mixture));
}

/// <summary>The approval helper itself, in a temporary directory.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "menudsl-snapshot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void MissingVerifiedFileFailsAndWritesReceived()
    {
        var e = Assert.ThrowsAny<Exception>(() => Snapshot.VerifyAt("a\nb\n", directory, "T.M", accept: false));
        Assert.Contains(Snapshot.AcceptVariable + "=1", e.Message);
        Assert.False(File.Exists(Path.Combine(directory, "T.M.verified.cs")));
        Assert.Equal("a\nb\n", File.ReadAllText(Path.Combine(directory, "T.M.received.cs")));
    }

    [Fact]
    public void MatchPassesIgnoringLineEndingsAndRemovesStaleReceived()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "T.M.verified.cs"), "a\r\nb\r\n");
        File.WriteAllText(Path.Combine(directory, "T.M.received.cs"), "old");
        Snapshot.VerifyAt("a\nb\n", directory, "T.M", accept: false);
        Assert.False(File.Exists(Path.Combine(directory, "T.M.received.cs")));
    }

    [Fact]
    public void MismatchFailsWithLineDiffAndContext()
    {
        Directory.CreateDirectory(directory);
        string expected = string.Concat(Enumerable.Range(1, 20).Select(i => $"line {i}\n"));
        File.WriteAllText(Path.Combine(directory, "T.M.verified.cs"), expected);
        string actual = expected.Replace("line 10\n", "line ten\n");

        var e = Assert.ThrowsAny<Exception>(() => Snapshot.VerifyAt(actual, directory, "T.M", accept: false));
        Assert.Contains("- ", e.Message);
        Assert.Contains("line 10", e.Message.Split('\n').Single(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Contains("line ten", e.Message.Split('\n').Single(l => l.StartsWith("+ ", StringComparison.Ordinal)));
        Assert.Contains("line 7", e.Message);     // context
        Assert.Contains("line 13", e.Message);
        Assert.DoesNotContain("line 2\n", e.Message); // far from the change
        Assert.DoesNotContain("line 18", e.Message);
        Assert.Equal(actual, File.ReadAllText(Path.Combine(directory, "T.M.received.cs")));
        Assert.Equal(expected, File.ReadAllText(Path.Combine(directory, "T.M.verified.cs")));
    }

    [Fact]
    public void AcceptOverwritesVerified()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "T.M.verified.cs"), "old\n");
        Snapshot.VerifyAt("new\r\n", directory, "T.M", accept: true);
        Assert.Equal("new\n", File.ReadAllText(Path.Combine(directory, "T.M.verified.cs")));
        Snapshot.VerifyAt("new\n", directory, "T.M", accept: false);
    }
}
