using System.Threading.Tasks;
using Xunit;
using V = MenuDsl.Analyzers.Tests.Verify<MenuDsl.Analyzers.UsageAnalyzer>;

namespace MenuDsl.Analyzers.Tests;

/// <summary>MENU022 (token classes) and how token classes count for MENU002 and MENU004.</summary>
public class TokenClassAnalyzerTests
{
    private const string Distributions = "ValueDistribution(Distribution.Uniform, 0.0, 1.0)";

    [Fact]
    public Task Valid_token_classes_are_clean() => V.Analyzer($$"""
        [PricingModel]
        [TokenClass("input", 0.20, 1.0)]
        [TokenClass("cached_input", 0.05, 0.1)]
        [TokenClass("output", 0.20, 4.0)]
        [FineTuning(0.1, 5.0, BaseQuality = 1.0)]
        [{{Distributions}}]
        public partial class ChatApi;
        """);

    [Theory]
    [InlineData("""[TokenClass("input", {|MENU022:0.0|}, 1.0)] [TokenClass("output", 0.2, 4.0)] [FineTuning(0.1, 5.0)]""")]      // exponent > 0
    [InlineData("""[TokenClass("input", 0.2, 1.0)] [TokenClass("output", 0.2, {|MENU022:-4.0|})] [FineTuning(0.1, 5.0)]""")]     // cost > 0
    [InlineData("""[TokenClass({|MENU022:" "|}, 0.2, 1.0)] [TokenClass("output", 0.2, 4.0)] [FineTuning(0.1, 5.0)]""")]          // a name
    [InlineData("""[TokenClass("input", 0.2, 1.0)] [TokenClass({|MENU022:"Input"|}, 0.2, 4.0)] [FineTuning(0.1, 5.0)]""")]       // unique ignoring case
    [InlineData("""[TokenClass("input", 0.2, 1.0)] [TokenClass("output", 0.2, 4.0)] [FineTuning({|MENU022:0.7|}, 5.0)]""")]      // Σα + γ < 1, on gamma
    [InlineData("""[TokenClass("input", 0.2, 1.0)] [TokenClass("output", 0.2, 4.0)] [FineTuning(0.1, {|MENU022:0.0|})]""")]      // c_z > 0
    [InlineData("""[TokenClass("input", 0.2, 1.0)] [TokenClass("output", 0.2, 4.0)] [FineTuning(0.1, 5.0, {|MENU022:BaseQuality = -1.0|})]""")]
    [InlineData("""{|MENU022:TokenClass("input", 0.2, 1.0)|}] [TokenClass("output", 0.2, 4.0)""")]                              // no [FineTuning]
    [InlineData("""{|MENU022:TokenClass("input", 0.2, 1.0)|}] [FineTuning(0.1, 5.0)""")]                                          // one class
    [InlineData("""[TokenClass("input", 0.2, 1.0)] [TokenClass("output", 0.2, 4.0)] [FineTuning(0.1, 5.0)] [{|MENU022:TokenCosts(1.0, 2.0, 5.0)|}]""")]
    public Task MENU022_on_the_argument_at_fault(string declaration) => V.Analyzer($$"""
        [PricingModel]
        [{{declaration.TrimStart('[').TrimEnd(']')}}]
        [{{Distributions}}]
        public partial class ChatApi;
        """);

    [Fact]
    public async Task MENU022_message_is_the_kernels()
    {
        string message = await Messages.Single($$"""
            [PricingModel, TokenClass("input", 0.5, 1.0), TokenClass("output", 0.3, 4.0), FineTuning(0.3, 5.0), {{Distributions}}]
            public partial class ChatApi;
            """, "MENU022");
        Assert.Contains(MenuDsl.Kernel.CobbDouglasCore.ValidateTokenClasses(["input", "output"], [0.5, 0.3], [1.0, 4.0], 0.3, 1, 5)!.Value.Message, message);
        Assert.Contains("sum to 1.1", message);
    }

    [Fact]
    public Task MENU002_token_classes_and_Cobb_Douglas_are_two_technologies() => V.Analyzer($$"""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), {|MENU002:TokenClass("input", 0.2, 1.0)|}, TokenClass("output", 0.2, 4.0), FineTuning(0.1, 5.0), {{Distributions}}]
        public partial class ChatApi;
        """);

    [Fact]
    public Task No_MENU004_without_TokenCosts_when_classes_carry_the_costs() => V.Analyzer($$"""
        [PricingModel, TokenClass("input", 0.2, 1.0), TokenClass("output", 0.2, 4.0), FineTuning(0.1, 5.0), {{Distributions}}]
        public partial class ChatApi;
        """);
}
