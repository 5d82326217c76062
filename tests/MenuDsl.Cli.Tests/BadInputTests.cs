using System;
using System.IO;
using MenuDsl.Cli;
using Xunit;

namespace MenuDsl.Cli.Tests;

/// <summary>Bad model files and arguments: exit code 2 and a message naming the field (JSON path) and the problem.</summary>
public sealed class BadInputTests : CliHarness
{
    private const string Technology = """{ "kind": "CobbDouglas", "alpha": 0.3, "beta": 0.2, "gamma": 0.1 }""";
    private const string Costs = """{ "input": 1, "output": 2, "fineTuning": 5 }""";
    private const string Values = """{ "kind": "Uniform", "parameters": [0, 1] }""";

    private static string ModelJson(string technology = Technology, string? costs = Costs, string? values = Values, string? extra = null) =>
        "{ \"technology\": " + technology + (costs is null ? "" : ", \"costs\": " + costs) + (values is null ? "" : ", \"values\": " + values)
        + (extra is null ? "" : ", " + extra) + " }";

    /// <summary>Runs solve on the JSON and expects exit 2 with the path and every fragment.</summary>
    private void Rejected(string json, string path, params string[] fragments)
    {
        string file = WriteFile("model.json", json);
        string error = Bad(["solve", file], [$"{file}: {path}: ", .. fragments]);
        // The loader's exception carries the same path, for callers of the API.
        var e = Assert.Throws<ModelFileException>(() => ModelFile.Parse(json));
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(e.Problem, error);
    }

    [Fact]
    public void Malformed_json() => Rejected("{ \"technology\": { \"kind\": \"CobbDouglas\", ", "$", "not valid JSON at line 1");

    [Fact]
    public void Not_an_object() => Rejected("[1, 2]", "$", "must be an object but is an array");

    [Fact]
    public void Missing_technology() => Rejected("{ \"values\": " + Values + " }", "$.technology", "missing");

    [Fact]
    public void Missing_parameter() => Rejected(ModelJson("""{ "kind": "CobbDouglas", "beta": 0.2, "gamma": 0.1 }"""), "$.technology.alpha", "missing: a number");

    [Fact]
    public void Missing_costs() => Rejected(ModelJson(costs: null), "$.costs", "missing");

    [Fact]
    public void Missing_values() => Rejected(ModelJson(values: null), "$.values", "missing");

    [Fact]
    public void Wrong_type() => Rejected(ModelJson("""{ "kind": "CobbDouglas", "alpha": "0.3", "beta": 0.2, "gamma": 0.1 }"""),
        "$.technology.alpha", "must be a number but is the string \"0.3\"");

    [Fact]
    public void Wrong_type_in_parameters() => Rejected(ModelJson(values: """{ "kind": "Uniform", "parameters": [0, true] }"""),
        "$.values.parameters[1]", "must be a number but is true");

    [Fact]
    public void Unknown_distribution() => Rejected(ModelJson(values: """{ "kind": "Unifrom", "parameters": [0, 1] }"""),
        "$.values.kind", "unknown distribution 'Unifrom' (one of Uniform, Exponential, Power, Pareto, Beta, LogNormal, TruncatedNormal");

    [Fact]
    public void Unknown_technology() => Rejected(ModelJson("""{ "kind": "Leontief" }"""), "$.technology.kind", "unknown technology 'Leontief' (one of CobbDouglas, Ces, TokenClasses)");

    [Fact]
    public void Custom_technology_is_declared_in_csharp() => Rejected(ModelJson("""{ "kind": "Custom", "formula": "x*y" }"""),
        "$.technology.kind", "custom technologies are declared in C# with [ProductionFunction]; a model file supports CobbDouglas, Ces, TokenClasses");

    [Fact]
    public void Invalid_parameter_reports_the_runtime_message()
    {
        string runtime = Assert.Throws<ArgumentOutOfRangeException>(() => PricingModel.CobbDouglas(-1, 0.2, 0.1)).Message.Split('\n')[0];
        runtime = runtime[..runtime.IndexOf(" (Parameter", StringComparison.Ordinal)];
        Assert.Equal("alpha must be finite and > 0 but is -1.", runtime);
        Rejected(ModelJson("""{ "kind": "CobbDouglas", "alpha": -1, "beta": 0.2, "gamma": 0.1 }"""), "$.technology.alpha", runtime);
    }

    [Fact]
    public void Decreasing_returns() =>
        Rejected(ModelJson("""{ "kind": "CobbDouglas", "alpha": 0.5, "beta": 0.4, "gamma": 0.2 }"""), "$.technology.gamma", "alpha + beta + gamma must be < 1");

    [Fact]
    public void Invalid_cost() => Rejected(ModelJson(costs: """{ "input": 0, "output": 2, "fineTuning": 5 }"""), "$.costs.input", "'input' must be finite and > 0 but is 0");

    [Fact]
    public void Invalid_distribution_parameters() => Rejected(ModelJson(values: """{ "kind": "Uniform", "parameters": [1, 0] }"""),
        "$.values.parameters", "Uniform: parameter 'lo' (1) must be below 'hi' (0)");

    [Fact]
    public void Wrong_parameter_count() => Rejected(ModelJson(values: """{ "kind": "Exponential", "parameters": [1, 2] }"""),
        "$.values.parameters", "Exponential takes 1 parameter(s) (rate) but 2 were given");

    [Fact]
    public void Scales_outside_the_unit_interval() => Rejected(ModelJson(extra: "\"scales\": { \"kind\": \"Uniform\", \"parameters\": [0.5, 2] }"),
        "$.scales", "support must lie inside [0, 1]");

    [Fact]
    public void Empirical_sample() => Rejected(ModelJson(values: """{ "kind": "Empirical", "sample": [1, 1, 1] }"""), "$.values.sample", "");

    [Fact]
    public void Infinity_is_a_string_for_truncated_normal()
    {
        var file = ModelFile.Parse(ModelJson(values: """{ "kind": "TruncatedNormal", "parameters": [1, 0.5, 0, "Infinity"] }"""));
        Assert.Equal(double.PositiveInfinity, file.Model!.Description.Values.Support.Upper);
        Rejected(ModelJson(values: """{ "kind": "Uniform", "parameters": [0, "Infinity"] }"""), "$.values.parameters", "Uniform");
    }

    [Fact]
    public void Unknown_field() => Rejected(ModelJson("""{ "kind": "CobbDouglas", "alhpa": 0.3, "beta": 0.2, "gamma": 0.1 }"""),
        "$.technology.alhpa", "unknown field (expected kind, alpha, beta, gamma, baseQuality)");

    [Fact]
    public void Unknown_top_level_field() => Rejected(ModelJson(extra: "\"value\": 1"), "$.value", "unknown field");

    [Fact]
    public void Field_names_are_case_sensitive() => Rejected(ModelJson("""{ "kind": "CobbDouglas", "Alpha": 0.3, "beta": 0.2, "gamma": 0.1 }"""),
        "$.technology.Alpha", "did you mean \"alpha\"?");

    [Fact]
    public void Mixture_weight() => Rejected(ModelJson(values: """{ "mixture": [ { "weight": 1, "kind": "Uniform", "parameters": [0, 1] }, { "weight": -1, "kind": "Uniform", "parameters": [2, 3] } ] }"""),
        "$.values.mixture[1].weight", "every mixture weight must be finite and > 0 but is -1");

    [Fact]
    public void Mixture_component_parameters() => Rejected(ModelJson(values: """{ "mixture": [ { "weight": 1, "kind": "Uniform", "parameters": [0, 1] }, { "weight": 1, "kind": "Pareto", "parameters": [0, 3] } ] }"""),
        "$.values.mixture[1].parameters", "Pareto: parameter 'scale' must be > 0 but is 0");

    [Fact]
    public void Token_classes_carry_their_costs() => Rejected(
        ModelJson("""{ "kind": "TokenClasses", "classes": [ { "name": "input", "exponent": 0.2, "cost": 1 }, { "name": "output", "exponent": 0.2, "cost": 2 } ], "gamma": 0.1, "fineTuningCost": 5 }"""),
        "$.costs", "token classes carry their own costs");

    [Fact]
    public void Token_class_exponent() => Rejected(
        ModelJson("""{ "kind": "TokenClasses", "classes": [ { "name": "input", "exponent": 0.2, "cost": 1 }, { "name": "output", "exponent": -0.2, "cost": 2 } ], "gamma": 0.1, "fineTuningCost": 5 }""", costs: null),
        "$.technology.classes[1].exponent", "the exponent of token class 'output' must be finite and > 0 but is -0.2");

    [Fact]
    public void Token_class_names_unique() => Rejected(
        ModelJson("""{ "kind": "TokenClasses", "classes": [ { "name": "input", "exponent": 0.2, "cost": 1 }, { "name": "Input", "exponent": 0.2, "cost": 2 } ], "gamma": 0.1, "fineTuningCost": 5 }""", costs: null),
        "$.technology.classes[1].name", "declared twice");

    [Fact]
    public void Token_class_fine_tuning_cost() => Rejected(
        ModelJson("""{ "kind": "TokenClasses", "classes": [ { "name": "input", "exponent": 0.2, "cost": 1 }, { "name": "output", "exponent": 0.2, "cost": 2 } ], "gamma": 0.1, "fineTuningCost": 0 }""", costs: null),
        "$.technology.fineTuningCost", "fine-tuning token cost must be finite and > 0");

    [Fact]
    public void Ces_share() => Rejected(ModelJson("""{ "kind": "Ces", "share": 1.5, "substitution": -1, "degree": 0.5, "gamma": 0.1 }"""),
        "$.technology.share", "share must lie in (0, 1) but is 1.5");

    [Fact]
    public void Profiles_probabilities() => Rejected(ModelJson(values: null,
        extra: """ "profiles": [ { "probability": 0.5, "value": 1 }, { "probability": 0.6, "value": 2, "scale": 0.5 } ] """),
        "$.profiles[1].probability", "must sum to 1");

    [Fact]
    public void Profiles_count() => Rejected(ModelJson(values: null, extra: """ "profiles": [ { "probability": 1, "value": 1 } ] """),
        "$.profiles", "exactly two type profiles but 1 were given");

    [Fact]
    public void Profile_scale() => Rejected(ModelJson(values: null,
        extra: """ "profiles": [ { "probability": 0.5, "value": 1, "scale": 2 }, { "probability": 0.5, "value": 2 } ] """),
        "$.profiles[0].scale", "'scale' must lie in (0, 1] but is 2");

    [Fact]
    public void Profiles_and_values_together() => Rejected(ModelJson(
        extra: """ "profiles": [ { "probability": 0.5, "value": 1 }, { "probability": 0.5, "value": 2 } ] """),
        "$.values", "either \"profiles\"");

    [Fact]
    public void Infinite_expected_profit_names_the_file()
    {
        string file = WriteFile("pareto.json", ModelJson(values: """{ "kind": "Pareto", "parameters": [1, 1.5] }"""));
        Bad(["solve", file, "--grid", "2"], $"{file}: The expected profit is infinite");
    }

    [Fact]
    public void Missing_file()
    {
        string path = Path.Combine(Temp, "nowhere.json");
        Bad(["solve", path], $"{path}: file not found");
        Bad(["plans", path], "file not found");
    }

    [Fact]
    public void Bad_command_line()
    {
        string model = Model("default");
        Bad(["solve", model, "--grid", "abc"], "--grid");
        Bad(["solve", model, "--grid", "1"], "--grid: must lie in 2…1000 but is 1");
        Bad(["solve"], "<model>");
        Bad(["plans", model, "--export", "xml"], "--export", "xml");
        Bad(["plans", model, "--count", "0"], "--count: must lie in 1…50 but is 0");
        Bad(["plans", model, "--tariffs", "--count", "11"], "--count: must lie in 1…10 but is 11");
        Bad(["plans", model, "--export", "csv", "--name", "has space"], "--name:", "whitespace");
        Bad(["plans", Model("binary")], "$.profiles", "use 'menudsl solve'");
        Bad(["solve", model, "--frobnicate"], "--frobnicate");
        Bad([], "Required command was not provided");
    }
}
