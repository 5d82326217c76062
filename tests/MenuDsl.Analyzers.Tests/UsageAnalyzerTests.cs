using System.Threading.Tasks;
using MenuDsl.CodeFixes;
using Xunit;
using V = MenuDsl.Analyzers.Tests.Verify<MenuDsl.Analyzers.UsageAnalyzer>;

namespace MenuDsl.Analyzers.Tests;

public class UsageAnalyzerTests
{
    private const string Valid = """
        [PricingModel]
        [CobbDouglas(0.3, 0.2, 0.1)]
        [TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class ChatApi;
        """;

    [Fact]
    public Task Valid_model_is_clean() => V.Analyzer(Valid);

    [Fact]
    public Task MENU001_not_partial() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public class {|MENU001:ChatApi|};
        """);

    [Fact]
    public Task MENU001_enclosing_type_not_partial() => V.Analyzer("""
        public class {|MENU001:Outer|}
        {
            [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
            public partial class ChatApi;
        }
        """);

    [Fact]
    public Task MENU001_fix_adds_partial() => V.CodeFix<MakePartialCodeFix>("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public sealed class {|MENU001:ChatApi|};
        """, """
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public sealed partial class ChatApi;
        """);

    [Fact]
    public Task MENU002_no_production_function() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class {|MENU002:ChatApi|};
        """);

    [Fact]
    public Task MENU002_two_production_functions() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi
        {
            [{|MENU002:ProductionFunction|}]
            public static double F(double x, double y, double z) => System.Math.Sqrt(x * y);
        }
        """);

    // [Ces] counts as a production function: with [CobbDouglas] there are two, and the second is at fault.
    [Fact]
    public Task MENU002_cobb_douglas_and_ces() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), {|MENU002:Ces(0.5, 0.5, 0.4, 0.1)|}]
        [TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task One_ces_technology_is_clean() => V.Analyzer("""
        [PricingModel, Ces(0.6, -0.5, 0.4, 0.1, BaseQuality = 2.0), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0), ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class ChatApi;
        """);

    // The generator completes a custom technology.
    [Fact]
    public Task One_custom_production_function_is_clean() => V.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi
        {
            [ProductionFunction]
            public static double F(double x, double y, double z) => System.Math.Pow(x * y, 0.3);
        }
        """);

    // ---- MENU021: the binary environment's two profiles, on the argument at fault.

    [Theory]
    [InlineData("[TypeProfile(0.5, Value = 2.0)]", "[TypeProfile(0.5, TaskValues = new[] { 1.0, 0.5 })]")]
    [InlineData("[TypeProfile(0.3, Value = 2.0, Scale = 0.5)]", "[TypeProfile(0.7, Value = 1.0, Scale = 1.0)]")]
    [InlineData("[TypeProfile(0.1, TaskValues = new[] { 0.0, 3.0 })]", "[TypeProfile(0.9, Value = 0.0)]")]
    public Task Two_valid_profiles_are_clean(string first, string second) => V.Analyzer($$"""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        {{first}}
        {{second}}
        public partial class ChatApi;
        """);

    [Theory]
    [InlineData("[TypeProfile({|MENU021:1.5|}, Value = 2.0)]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[TypeProfile({|MENU021:0.0|}, Value = 2.0)]", "[TypeProfile(1.0, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, Value = 2.0)]", "[TypeProfile({|MENU021:0.4|}, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, {|MENU021:Value = -1.0|})]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, {|MENU021:Value = double.PositiveInfinity|})]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, Value = 2.0, {|MENU021:Scale = 0.0|})]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, Value = 2.0, {|MENU021:Scale = 1.5|})]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, {|MENU021:Value = 2.0|}, TaskValues = new[] { 1.0 })]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[{|MENU021:TypeProfile(0.5)|}]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, {|MENU021:TaskValues = new double[0]|})]", "[TypeProfile(0.5, Value = 1.0)]")]
    [InlineData("[TypeProfile(0.5, {|MENU021:TaskValues = new[] { 1.0, -0.5 }|})]", "[TypeProfile(0.5, Value = 1.0)]")]
    public Task MENU021_invalid_profile_argument(string first, string second) => V.Analyzer($$"""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        {{first}}
        {{second}}
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU021_one_profile() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU021:TypeProfile(0.5, Value = 1.0)|}]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU021_three_profiles_on_the_third() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [TypeProfile(0.25, Value = 1.0)]
        [TypeProfile(0.25, Value = 2.0)]
        [{|MENU021:TypeProfile(0.5, Value = 3.0)|}]
        public partial class ChatApi;
        """);

    [Theory]
    [InlineData("[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]")]
    [InlineData("[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]")]
    public Task MENU021_profiles_with_distributions(string distribution) => V.Analyzer($$"""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        {{distribution}}
        [{|MENU021:TypeProfile(0.5, Value = 1.0)|}]
        [TypeProfile(0.5, Value = 2.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public async Task MENU021_message_names_the_probabilities()
    {
        string message = await Messages.Single("""
            [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
            [TypeProfile(0.5, Value = 2.0)]
            [TypeProfile(0.4, Value = 1.0)]
            public partial class ChatApi;
            """, "MENU021");
        Assert.StartsWith("[TypeProfile]: the probabilities of the two types must sum to 1 but are 0.5 and 0.4;", message);
    }

    // Each shape failure sits where the reader stops: the name, the return type, or the parameter list.
    [Theory]
    [InlineData("public double {|MENU002:F|}(double x, double y, double z) => x * y;")]
    [InlineData("public static double {|MENU002:F|}(double x, double y, double z) { return x * y; }")]
    [InlineData("public static {|MENU002:float|} F(double x, double y, double z) => (float)(x * y);")]
    [InlineData("public static double F{|MENU002:(double x, double y)|} => x * y;")]
    [InlineData("public static double F(double x, {|MENU002:ref double y|}, double z) => x * y;")]
    public Task MENU002_production_function_of_the_wrong_shape(string method) => V.Analyzer($$"""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi
        {
            [ProductionFunction]
            {{method}}
        }
        """);

    [Fact]
    public async Task MENU002_shape_message_says_what_is_wrong()
    {
        string message = await Messages.Single("""
            [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
            public partial class ChatApi { [ProductionFunction] public double F(double x, double y, double z) => x * y; }
            """, "MENU002");
        Assert.Contains("must be static", message);
        Assert.Contains("static double F(double x, double y, double z) => expression", message);
    }

    [Theory]
    [InlineData("{|MENU016:1.5|}, 0.5, 0.4, 0.1")]                       // share outside (0, 1)
    [InlineData("0.5, {|MENU016:0.0|}, 0.4, 0.1")]                       // r = 0 is Cobb-Douglas
    [InlineData("0.5, {|MENU016:1.0|}, 0.4, 0.1")]                       // r < 1
    [InlineData("0.5, 0.5, {|MENU016:-0.4|}, 0.1")]                      // degree > 0
    [InlineData("0.5, 0.5, 0.8, {|MENU016:0.3|}")]                       // degree + gamma < 1: the kernel names gamma
    [InlineData("0.5, 0.5, 0.4, 0.1, {|MENU016:BaseQuality = 0.0|}")]    // b > 0
    public Task MENU016_invalid_ces_parameter_on_its_argument(string arguments) => V.Analyzer($$"""
        [PricingModel, Ces({{arguments}}), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public async Task MENU016_message_is_the_kernels()
    {
        string message = await Messages.Single("""
            [PricingModel, Ces(1.5, 0.5, 0.4, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
            public partial class ChatApi;
            """, "MENU016");
        Assert.Contains(MenuDsl.Kernel.CobbDouglasCore.ValidateCes(1.5, 0.5, 0.4, 0.1, 1, 1, 2, 5)!.Value.Message, message);
    }

    // Invalid costs are MENU004's alone, even though the kernel's CES validation checks them too.
    [Fact]
    public Task MENU016_leaves_costs_to_MENU004() => V.Analyzer("""
        [PricingModel, Ces(0.5, 0.5, 0.4, 0.1), TokenCosts({|MENU004:0.0|}, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU003_non_positive_exponent_on_its_argument() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, {|MENU003:-0.2|}, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU003_sum_at_least_one_on_the_attribute() => V.Analyzer("""
        [PricingModel, {|MENU003:CobbDouglas(0.5, 0.4, 0.1)|}, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU003_fix_rescales_to_sum_0_9() => V.CodeFix<RescaleExponentsCodeFix>("""
        [PricingModel, {|MENU003:CobbDouglas(0.6, 0.4, 0.2, BaseQuality = 2.0)|}, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """, """
        [PricingModel, CobbDouglas(0.45, 0.3, 0.15, BaseQuality = 2.0), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU004_non_positive_and_infinite_costs() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts({|MENU004:0.0|}, 2.0, {|MENU004:double.PositiveInfinity|}), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU004_missing_token_costs() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class {|MENU004:ChatApi|};
        """);

    [Fact]
    public Task MENU005_wrong_count_on_the_attribute() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), {|MENU005:ValueDistribution(Distribution.Uniform, 0.0)|}]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU005_rate_weight_and_scale_support() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Exponential, {|MENU005:0.0|})]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0, {|MENU005:Weight = -1|})]
        [ScaleDistribution(Distribution.Uniform, 0.0, {|MENU005:2.0|})]
        [{|MENU005:ScaleDistribution(Distribution.Exponential, 1.0)|}]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU005_missing_value_distribution() => V.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        public partial class {|MENU005:ChatApi|};
        """);

    [Fact]
    public Task MENU005_fix_swaps_lo_and_hi() => V.CodeFix<SwapBoundsCodeFix>("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Power, 2.0, {|MENU005:3.0|}, 1.0)]
        public partial class ChatApi;
        """, """
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Power, 2.0, 1.0, 3.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU005_fix_swaps_inside_a_written_array() => V.CodeFix<SwapBoundsCodeFix>("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, new[] { {|MENU005:4.0|}, 1.0 })]
        public partial class ChatApi;
        """, """
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Uniform, new[] { 1.0, 4.0 })]
        public partial class ChatApi;
        """);
}
