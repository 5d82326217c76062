using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;
using V = MenuDsl.Analyzers.Tests.Verify<MenuDsl.Analyzers.ProductionFunctionAnalyzer>;

namespace MenuDsl.Analyzers.Tests;

/// <summary>MENU017–MENU020: a custom [ProductionFunction] is readable, increasing, concave and complementary.</summary>
public class ProductionFunctionAnalyzerTests(ITestOutputHelper output)
{
    private static string Model(string body, string values = "Distribution.Uniform, 0.0, 1.0") => $$"""
        using System;
        [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution({{values}})]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class ChatApi
        {
            [ProductionFunction]
            public static double V(double x, double y, double z) => {{body}};
        }
        """;

    // Cobb-Douglas written by hand, around types that never fine-tune and types that always do.
    [Theory]
    [InlineData("Distribution.Uniform, 0.0, 1.0")]
    [InlineData("Distribution.Uniform, 20.0, 30.0")]
    public Task Cobb_Douglas_by_hand_is_clean(string values) =>
        V.Analyzer(Model("Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1)", values));

    // CES with r = −1 < degree = 0.3: complements (see the substitutes test for the sign of v_xy).
    [Fact]
    public Task Complementary_ces_by_hand_is_clean() =>
        V.Analyzer(Model("Math.Pow(0.5 / x + 0.5 / y, -0.3) * Math.Pow(1 + z, 0.1)"));

    [Fact]
    public Task MENU017_unsupported_call_at_its_span() =>
        V.Analyzer(Model("Math.Pow(x, 0.3) * {|MENU017:Math.Max(y, 0.5)|} * Math.Pow(1 + z, 0.1)"));

    // Parentheses are read through, so the conditional itself is at fault.
    [Fact]
    public Task MENU017_unsupported_operator_at_its_span() =>
        V.Analyzer(Model("Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * ({|MENU017:z > 1 ? z : 1|})"));

    [Fact]
    public async Task MENU017_message_names_the_call_and_the_supported_syntax()
    {
        string message = await Messages.Single(Model("Math.Max(x, y)"), "MENU017");
        output.WriteLine(message);
        Assert.Contains("'V'", message);
        Assert.Contains("the call 'Math.Max' is not supported", message);
        Assert.Contains("Math.Pow, Math.Exp, Math.Log, Math.Sqrt", message);
    }

    // v = xy(1 + z): increasing and complementary, but of degree 3; the 2×2 minor over (x, y) is 0·0 − (1 + z)² < 0.
    [Fact]
    public Task MENU019_increasing_returns() => V.Analyzer(Model("{|MENU019:x * y * (1 + z)|}"));

    [Fact]
    public async Task MENU019_message_names_the_point_and_the_minor()
    {
        string message = await Messages.Single(Model("x * y * (1 + z)"), "MENU019");
        output.WriteLine(message);
        Assert.Matches(@"not concave at \(x, y, z\) = \([0-9.e+-]+, [0-9.e+-]+, [0-9.e+-]+\)", message);
        Assert.Contains("v_xx·v_yy − v_xy²", message);
        // The solver finds no first best for increasing returns, so the region is the fixed grid, and the message says so.
        Assert.Contains("fixed grid", message);
    }

    // v = x^0.3 − y^0.2: v_y = −0.2 y^−0.8 < 0, and v does not depend on z (v_z = 0); v_yy > 0 too.
    [Fact]
    public async Task MENU018_names_the_input_that_lowers_v()
    {
        var diagnostics = await Messages.Of(Model("Math.Pow(x, 0.3) - Math.Pow(y, 0.2)"));
        var flat = diagnostics.Where(d => d.Id == "MENU018").Select(d => d.GetMessage()).ToArray();
        foreach (string message in flat) output.WriteLine(message);
        Assert.Contains(flat, m => m.Contains("not increasing in y (output tokens)") && m.Contains("∂v/∂y = -"));
        Assert.Contains(flat, m => m.Contains("not increasing in z (fine-tuning tokens)") && m.Contains("∂v/∂z = 0"));
        Assert.DoesNotContain(flat, m => m.Contains("increasing in x"));
        Assert.Contains(diagnostics, d => d.Id == "MENU019" && d.GetMessage().Contains("v_yy"));
    }

    // Reported on the expression body.
    [Fact]
    public Task MENU018_on_the_body() =>
        V.Analyzer(Model("{|MENU018:Math.Pow(x, 0.3) * Math.Pow(y, 0.2)|}"));

    // v = S^0.6 (1 + z)^0.1 with S = x^0.5 + y^0.5. v_x = 0.6 S^−0.4 · 0.5 x^−0.5 (1 + z)^0.1, so
    // v_xy = 0.6 · (−0.4) S^−1.4 · 0.5 y^−0.5 · 0.5 x^−0.5 (1 + z)^0.1 < 0: x and y are substitutes. (As CES,
    // S^0.6 = (x^r + y^r)^(d/r) with r = 0.5, d = 0.3, and sign v_xy = sign(d − r).) v_xz = v_x · 0.1/(1 + z) > 0, v_yz too.
    [Fact]
    public async Task MENU020_substitutes_only_in_x_and_y()
    {
        var diagnostics = await Messages.Of(Model("Math.Pow(Math.Pow(x, 0.5) + Math.Pow(y, 0.5), 0.6) * Math.Pow(1 + z, 0.1)"));
        var shape = diagnostics.Where(d => d.Id is "MENU018" or "MENU019" or "MENU020").ToArray();
        foreach (var d in shape) output.WriteLine(d.GetMessage());
        var substitutes = Assert.Single(shape);
        Assert.Equal("MENU020", substitutes.Id);
        Assert.Contains("v_xy = -", substitutes.GetMessage());
        Assert.Contains("x and y are substitutes", substitutes.GetMessage());
        Assert.Contains("around the first-best bundles", substitutes.GetMessage());
    }

    [Fact]
    public Task MENU020_on_the_body() =>
        V.Analyzer(Model("{|MENU020:Math.Pow(Math.Pow(x, 0.5) + Math.Pow(y, 0.5), 0.6) * Math.Pow(1 + z, 0.1)|}"));

    // A wrong shape is MENU002's (the usage analyzer); this analyzer says nothing more about it.
    [Fact]
    public Task Wrong_shape_is_left_to_MENU002() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi
        {
            [ProductionFunction]
            public double V(double x, double y, double z) { return System.Math.Max(x, y); }
        }
        """);

    // Every prefix of the model as typed in the editor: half-written attributes, calls, bodies. No analyzer throws.
    [Fact]
    public async Task Half_typed_code_never_throws()
    {
        const string source = """
            using System;
            [PricingModel, Ces(0.5, -1.0, 0.4, 0.1, BaseQuality = 2.0), TokenCosts(1.0, 2.0, 5.0)]
            [ValueDistribution(Distribution.Uniform, 0.0, 1.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
            public partial class ChatApi
            {
                [ProductionFunction] public static double V(double x, double y, double z) => Math.Pow(x * y, 0.3) / (1 + Math.Max(z, 1));
            }
            """;
        int start = source.IndexOf("[PricingModel", System.StringComparison.Ordinal);
        for (int length = start; length <= source.Length; length++)
            Assert.Empty(await Messages.Thrown(source[..length]));
    }
}
