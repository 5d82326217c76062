using System.Threading.Tasks;
using Xunit;
using Economics = MenuDsl.Analyzers.Tests.Verify<MenuDsl.Analyzers.EconomicsAnalyzer>;
using UsageVerify = MenuDsl.Analyzers.Tests.Verify<MenuDsl.Analyzers.UsageAnalyzer>;

namespace MenuDsl.Analyzers.Tests;

/// <summary>Every model the generator leaves incomplete gets a diagnostic that says why (MENU005, MENU013–MENU015, MENU017, MENU021).</summary>
public class NothingSilentTests
{
    private const string Attributes =
        "[PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]";

    // The binary environment is generated: nothing to say but MENU010 (an economics finding, not a gap).
    [Fact]
    public Task Binary_environment_is_generated() => UsageVerify.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [TypeProfile(0.5, Value = 2.0)]
        [TypeProfile(0.5, Value = 1.0)]
        public partial class ChatApi;
        """);

    // Increasing returns: the custom first best has no solution, so the binary menu fails in the kernel and nothing is generated.
    [Fact]
    public Task MENU015_binary_environment_the_kernel_cannot_solve() => Economics.Analyzer("""
        [PricingModel, TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU015:TypeProfile(0.5, Value = 2.0)|}]
        [TypeProfile(0.5, Value = 1.0)]
        public partial class ChatApi { [ProductionFunction] public static double F(double x, double y, double z) => x * y * (1 + z); }
        """);

    [Theory]
    [InlineData("public static partial class {|MENU014:ChatApi|};")]
    [InlineData("public abstract partial class {|MENU014:ChatApi|};")]
    [InlineData("public partial class {|MENU014:ChatApi|}<T>;")]
    [InlineData("public partial record {|MENU014:ChatApi|};")]
    [InlineData("public partial class {|MENU014:ChatApi|} { private ChatApi() { } }")]
    [InlineData("public partial class {|MENU014:ChatApi|} { public ChatApi(int seats) { } }")]
    [InlineData("public partial class ChatApi { public int {|MENU014:MenuDslSolver|} => 1; }")]
    public Task MENU014_types_the_generator_cannot_complete(string declaration) =>
        UsageVerify.Analyzer(Attributes + "\n" + declaration);

    [Fact]
    public Task MENU014_nested_in_a_generic_type() => UsageVerify.Analyzer($$"""
        public partial class Outer<T>
        {
            {{Attributes}}
            public partial class {|MENU014:ChatApi|};
        }
        """);

    [Fact]
    public Task MENU014_model_attributes_without_PricingModel() => UsageVerify.Analyzer("""
        [CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
        public partial class {|MENU014:ChatApi|};
        """);

    // The compiler reports the arguments (CS1729); MENU014 says that this is why the model is not generated.
    [Fact]
    public async Task MENU014_arguments_that_do_not_bind()
    {
        var diagnostics = await Messages.Of(
            "[PricingModel, CobbDouglas(0.3, 0.2, 0.1, 0.5), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]\npublic partial class ChatApi;");
        Assert.Contains(diagnostics, d => d.Id == "MENU014" && d.GetMessage().Contains("do not compile"));
    }

    [Fact]
    public Task Protected_and_internal_constructors_are_accessible() => UsageVerify.Analyzer(
        Attributes + "\npublic partial class ChatApi { internal ChatApi() { } }");

    [Fact]
    public Task MENU005_undefined_distribution_kind() => UsageVerify.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution({|MENU005:(Distribution)42|}, 0.0, 1.0)]
        public partial class ChatApi;
        """);

    // AllowMultiple is false, so the compiler reports CS0579 too; the generator skips the model, and says so here.
    [Fact]
    public async Task MENU002_and_MENU004_duplicated_attributes()
    {
        var diagnostics = await Messages.Of(Attributes + "\n[CobbDouglas(0.25, 0.25, 0.25), TokenCosts(1.0, 1.0, 1.0)]\npublic partial class ChatApi;");
        Assert.Contains(diagnostics, d => d.Id == "MENU002" && d.GetMessage().Contains("2 production functions"));
        Assert.Contains(diagnostics, d => d.Id == "MENU004" && d.GetMessage().Contains("[TokenCosts] 2 times"));
    }

    [Fact]
    public Task MENU013_pareto_shape_at_most_one() => Economics.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [{|MENU013:ValueDistribution(Distribution.Pareto, 1.0, 0.5)|}]
        [ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
        public partial class ChatApi;
        """);

    [Fact]
    public Task MENU013_not_reported_when_a_mixture_part_serves() => Economics.Analyzer("""
        [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0)]
        [ValueDistribution(Distribution.Pareto, 1.0, 0.9, Weight = 0.01)]
        [ValueDistribution(Distribution.Uniform, 0.0, 1.0, Weight = 0.99)]
        public partial class ChatApi;
        """, "MENU006", "MENU007", "MENU009", "MENU011");

    [Fact]
    public async Task Messages_name_the_reason_and_the_remedy()
    {
        string custom = await Messages.Single("""
            [PricingModel, TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
            public partial class ChatApi { [ProductionFunction] public static double F(double x, double y, double z) => x > y ? x : y; }
            """, "MENU017");
        Assert.Contains("the conditional '?:' is not supported", custom);
        Assert.Contains("use + - * /, Math.Pow", custom);
        Assert.Contains("generator emits nothing for 'ChatApi'", custom);

        string ctor = await Messages.Single(Attributes + "\npublic partial class ChatApi { private ChatApi() { } }", "MENU014");
        Assert.Contains("no accessible parameterless constructor", ctor);

        string pareto = await Messages.Single("""
            [PricingModel, CobbDouglas(0.3, 0.2, 0.1), TokenCosts(1.0, 2.0, 5.0), ValueDistribution(Distribution.Pareto, 2.0, 1.0)]
            public partial class ChatApi;
            """, "MENU013");
        Assert.Contains("Pareto(2, 1)", pareto);
        Assert.Contains("use shape > 1", pareto);
    }
}
