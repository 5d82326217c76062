using System.Globalization;
using System.Linq;
using System.Text;
using Xunit;

namespace MenuDsl.Generators.Tests;

public sealed class DeterminismTests
{
    public static TheoryData<string> Sources => [Models.Default, Models.Mixture, Models.Exponential, Models.HalfDelta, Models.NestedBeta];

    private static readonly string[] Cultures = ["tr-TR", "fi-FI", "de-DE", ""];

    private static string GenerateUnder(CultureInfo culture, string source)
    {
        var (culture0, uiCulture0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return Models.Generate(source);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void TextIsIdenticalUnderEveryCulture(string source)
    {
        byte[] invariant = Encoding.UTF8.GetBytes(GenerateUnder(CultureInfo.InvariantCulture, source));
        foreach (var name in Cultures)
        {
            var culture = CultureInfo.GetCultureInfo(name);
            string text = GenerateUnder(culture, source);
            Assert.True(invariant.SequenceEqual(Encoding.UTF8.GetBytes(text)),
                $"Generated text under '{name}' differs from the invariant culture's:\n{Snapshot.Diff(Encoding.UTF8.GetString(invariant), text)}");
        }
    }

    [Fact]
    public void TheCulturesReallyFormatDifferently()
    {
        // Guards against a runtime in invariant-globalization mode, where every culture would format alike.
        Assert.Equal("0,5", 0.5.ToString(CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal("\u22121", (-1.0).ToString(CultureInfo.GetCultureInfo("fi-FI")));
        Assert.Equal("ı", "I".ToLower(CultureInfo.GetCultureInfo("tr-TR")));
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void TwoRunsAreByteIdentical(string source)
    {
        string first = Models.Generate(source), second = Models.Generate(source);
        Assert.True(Encoding.UTF8.GetBytes(first).SequenceEqual(Encoding.UTF8.GetBytes(second)), Snapshot.Diff(first, second));
    }

    [Fact]
    public void NumbersInTheDefaultModelAreInvariantUnderGermanAndFinnishCultures()
    {
        string german = GenerateUnder(CultureInfo.GetCultureInfo("de-DE"), Models.Default);
        Assert.Contains("public const double Reserve = 0.5;", german);
        Assert.DoesNotContain("0,5", german);

        string finnish = GenerateUnder(CultureInfo.GetCultureInfo("fi-FI"), Models.Default);
        Assert.Contains("(2.0 * value + (-1.0))", finnish);
        Assert.DoesNotContain("(\u22121", finnish); // fi-FI's minus sign before a number
    }
}
