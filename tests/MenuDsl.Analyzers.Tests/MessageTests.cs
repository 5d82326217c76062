using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Analyzers.Tests;

/// <summary>Messages name the interval or type at fault and say what to do.</summary>
public class MessageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MENU006_names_the_pooling_interval()
    {
        string message = await Messages.Single("""
            [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
            [ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.9)]
            [ValueDistribution(Distribution.Uniform, 2.0, 10.0, Weight = 0.1)]
            public partial class ChatApi;
            """, "MENU006");
        output.WriteLine(message);
        // φ = 2w − 1 below 1 (f = 0.9) and 2w − 10... jumps down at w = 1: the pool starts below 1 and reaches into [2, 10].
        var match = System.Text.RegularExpressions.Regex.Match(message, @"not increasing on \[([^,]+), ([^\]]+)\]");
        Assert.True(match.Success, message);
        double lower = double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        double upper = double.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lower, 0.0, 1.0);
        Assert.InRange(upper, 2.0, 10.0);
        Assert.Contains("irons", message);
    }

    [Fact]
    public async Task MENU008_and_MENU011_name_a_type()
    {
        const string source = """
            [PricingModel, CobbDouglas(0.25, 0.25, 0.1), TokenCosts(1.0, 1.0, 100.0)]
            [ValueDistribution(Distribution.Pareto, 1.0, 3.0, Weight = 0.5)]
            [ValueDistribution(Distribution.Pareto, 1.0, 1.2, Weight = 0.5)]
            [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
            public partial class ChatApi;
            """;
        string brg = await Messages.Single(source, "MENU008");
        string markup = await Messages.Single(source, "MENU011");
        string tail = await Messages.Single(source, "MENU007");
        output.WriteLine(brg); output.WriteLine(markup); output.WriteLine(tail);
        Assert.Matches(@"BRG-2\) fails at type \(w = [0-9.]+, s = [0-9.]+\)", brg);
        Assert.Matches(@"increases on \[[0-9.]+, [0-9.e+]+\]", markup);
        Assert.Contains("unbounded", tail);
    }

    [Fact]
    public async Task MENU010_says_which_type_is_high()
    {
        string message = await Messages.Single("""
            [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
            [TypeProfile(0.25, Value = 1.0)]
            [TypeProfile(0.75, Value = 2.0)]
            public partial class ChatApi;
            """, "MENU010");
        output.WriteLine(message);
        Assert.StartsWith("Binary types: H is the second [TypeProfile] (probability 0.75); the optimal menu is HighIncentiveBinding: H's rent ∫(w_H − w_L) v(q_L) is ", message);
        Assert.Contains("f_H/f_L = 3", message);
    }
}
