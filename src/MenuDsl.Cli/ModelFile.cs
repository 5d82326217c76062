using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MenuDsl.Cli;

/// <summary>
/// A bad model file (or usage file, or command-line value): <see cref="Exception.Message"/> names the file, the JSON
/// path of the offending field (e.g. <c>$.technology.alpha</c>) and the problem. The tool prints it and exits with code 2.
/// </summary>
public sealed class ModelFileException : Exception
{
    /// <summary>A problem at <paramref name="jsonPath"/> of <paramref name="source"/>.</summary>
    /// <param name="source">The file (or "model" for text parsed in memory).</param>
    /// <param name="jsonPath">The JSON path of the field at fault, <c>$</c> for the whole document, empty for the file itself (e.g. missing).</param>
    /// <param name="problem">What is wrong, in words.</param>
    public ModelFileException(string source, string jsonPath, string problem)
        : base(jsonPath.Length == 0 ? $"{source}: {problem}" : $"{source}: {jsonPath}: {problem}")
    {
        Source = source;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>The file the problem is in.</summary>
    public new string Source { get; }

    /// <summary>The JSON path of the field at fault, e.g. <c>$.values.parameters</c>.</summary>
    public string JsonPath { get; }

    /// <summary>The problem, without the file and the path.</summary>
    public string Problem { get; }
}

/// <summary>
/// A pricing model read from a JSON model file (docs/cli.md): a technology (<c>CobbDouglas</c>, <c>Ces</c> or
/// <c>TokenClasses</c>), token costs, and either distributions of values and scales or two type profiles (the binary
/// environment). The parser reads the document by hand so that every error names its JSON path; parameters the runtime
/// builder rejects are reported with the path of the field they came from and the runtime's own message.
/// </summary>
public sealed class ModelFile
{
    /// <summary>The technology kinds a model file can declare.</summary>
    public static readonly IReadOnlyList<string> TechnologyKinds = ["CobbDouglas", "Ces", "TokenClasses"];

    private readonly Func<TypeDistribution, IIndexModel> withValues;

    private ModelFile(string source, string summary, IPricingModel? model, IBinaryModel? binary, Func<TypeDistribution, IIndexModel> withValues)
    {
        Json = "";
        Source = source;
        Summary = summary;
        Model = model;
        Binary = binary;
        this.withValues = withValues;
    }

    /// <summary>The JSON text the model was read from.</summary>
    public string Json { get; private init; }

    /// <summary>The file the model was read from.</summary>
    public string Source { get; }

    /// <summary>The model in one line: technology, costs, and the type distributions or profiles.</summary>
    public string Summary { get; }

    /// <summary>The model of a continuum of types (values and scales); null for a binary model or a technology-only load.</summary>
    public IPricingModel? Model { get; }

    /// <summary><see cref="Model"/> as an index model (every technology a model file supports is one); null when there is no continuum model.</summary>
    public IIndexModel? IndexModel => Model as IIndexModel;

    /// <summary>The binary-environment model, when the file declares two <c>profiles</c>; else null.</summary>
    public IBinaryModel? Binary { get; }

    /// <summary>The file's technology and costs with values <paramref name="values"/> and no scales (s = 1), e.g. a law fitted to usage.</summary>
    public IIndexModel WithValues(TypeDistribution values) => withValues(values ?? throw new ArgumentNullException(nameof(values)));

    /// <summary>Reads and builds the model in <paramref name="path"/>.</summary>
    /// <param name="path">The JSON model file.</param>
    /// <param name="technologyOnly">Only the technology and costs are needed (calibration): values, scales and profiles may be absent (when present they are still checked, then ignored).</param>
    /// <exception cref="ModelFileException">The file is missing, not JSON, or not a valid model; the message names the field and the problem.</exception>
    public static ModelFile Load(string path, bool technologyOnly = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ModelFileException(path, "", e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot be read: {e.Message}");
        }
        return Parse(text, path, technologyOnly);
    }

    /// <summary>Parses a model from JSON text (see <see cref="Load"/>); <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="ModelFileException">The text is not JSON or not a valid model.</exception>
    public static ModelFile Parse(string json, string source = "model", bool technologyOnly = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw new ModelFileException(source, "$", $"not valid JSON{where}: {FirstSentence(e.Message)}");
        }
        using (document)
        {
            var model = new Reader(source).Model(document.RootElement, technologyOnly);
            return new ModelFile(model.Source, model.Summary, model.Model, model.Binary, model.withValues) { Json = json };
        }
    }

    // The runtime's message without " (Parameter 'x')" and "Actual value was …" (the path already names the field).
    internal static string RuntimeMessage(Exception e)
    {
        string message = e.Message.Split('\n')[0].TrimEnd('\r');
        if (e is ArgumentException { ParamName: { } name })
        {
            string suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
        }
        return message;
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends " Path: … | LineNumber: … | BytePositionInLine: …", which the message already says.
        foreach (string tail in new[] { " Path:", " LineNumber:" })
        {
            int cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }
        return message.TrimEnd();
    }

    private sealed class Reader(string source)
    {
        private static readonly string[] DistributionKinds = Enum.GetNames<Distribution>();

        private ModelFileException Error(string path, string problem) => new(source, path, problem);

        public ModelFile Model(JsonElement root, bool technologyOnly)
        {
            var fields = Object(root, "$", "technology", "costs", "values", "scales", "profiles", "description");
            if (fields.TryGetValue("description", out var description) && description.ValueKind != JsonValueKind.String)
                throw Error("$.description", $"must be a string but is {Kind(description)}");
            var technology = Required(fields, "$", "technology", "an object");
            string kind = String(Object(technology, "$.technology"), "$.technology", "kind", required: true)!;
            // Start the builder from the technology; token classes carry their own costs.
            ModelBuilder<IIndexModel> builder;
            string technologySummary;
            bool classes = false;
            switch (Match(kind, TechnologyKinds))
            {
                case "CobbDouglas":
                {
                    var t = Object(technology, "$.technology", "kind", "alpha", "beta", "gamma", "baseQuality");
                    double alpha = Number(t, "$.technology", "alpha"), beta = Number(t, "$.technology", "beta"), gamma = Number(t, "$.technology", "gamma");
                    double b = Number(t, "$.technology", "baseQuality", 1.0);
                    builder = Runtime(p => "$.technology." + p, () => PricingModel.CobbDouglas(alpha, beta, gamma, b));
                    technologySummary = $"Cobb-Douglas v = x^{F(alpha)} y^{F(beta)} ({F(b)} + z)^{F(gamma)}";
                    break;
                }
                case "Ces":
                {
                    var t = Object(technology, "$.technology", "kind", "share", "substitution", "degree", "gamma", "baseQuality");
                    double share = Number(t, "$.technology", "share"), r = Number(t, "$.technology", "substitution");
                    double degree = Number(t, "$.technology", "degree"), gamma = Number(t, "$.technology", "gamma");
                    double b = Number(t, "$.technology", "baseQuality", 1.0);
                    builder = Runtime(p => "$.technology." + p, () => PricingModel.Ces(share, r, degree, gamma, b));
                    technologySummary = $"CES v = ({F(share)}·x^{F(r)} + {F(1 - share)}·y^{F(r)})^({F(degree)}/{F(r)}) ({F(b)} + z)^{F(gamma)}";
                    break;
                }
                case "TokenClasses":
                {
                    var t = Object(technology, "$.technology", "kind", "classes", "gamma", "fineTuningCost", "baseQuality");
                    var list = Required(t, "$.technology", "classes", "an array");
                    if (list.ValueKind != JsonValueKind.Array) throw Error("$.technology.classes", $"must be an array of {{ \"name\", \"exponent\", \"cost\" }} but is {Kind(list)}");
                    var tokenClasses = new List<TokenClass>();
                    int i = 0;
                    foreach (var item in list.EnumerateArray())
                    {
                        string path = $"$.technology.classes[{i++}]";
                        var c = Object(item, path, "name", "exponent", "cost");
                        tokenClasses.Add(new TokenClass(String(c, path, "name", required: true)!, Number(c, path, "exponent"), Number(c, path, "cost")));
                    }
                    double gamma = Number(t, "$.technology", "gamma"), fineTuningCost = Number(t, "$.technology", "fineTuningCost");
                    double b = Number(t, "$.technology", "baseQuality", 1.0);
                    builder = Runtime(p => p == "classes" ? "$.technology.classes" : "$.technology." + p,
                        () => PricingModel.TokenClasses(tokenClasses, gamma, fineTuningCost, b), ClassPath(tokenClasses));
                    technologySummary = $"token classes v = {string.Join(" ", tokenClasses.Select(c => $"{c.Name}^{F(c.Exponent)}"))} ({F(b)} + z)^{F(gamma)}, "
                        + $"costs {string.Join(", ", tokenClasses.Select(c => $"{c.Name} {F(c.Cost)}"))}, fine-tuning {F(fineTuningCost)}";
                    classes = true;
                    break;
                }
                default:
                    if (string.Equals(kind, "Custom", StringComparison.OrdinalIgnoreCase))
                        throw Error("$.technology.kind", "custom technologies are declared in C# with [ProductionFunction]; a model file supports "
                            + string.Join(", ", TechnologyKinds));
                    throw Error("$.technology.kind", $"unknown technology '{kind}' (one of {string.Join(", ", TechnologyKinds)})");
            }

            // Costs: required for two-input technologies, not allowed for token classes.
            if (classes)
            {
                if (fields.ContainsKey("costs"))
                    throw Error("$.costs", "token classes carry their own costs ($.technology.classes[*].cost, $.technology.fineTuningCost): remove \"costs\"");
            }
            else
            {
                var costs = Object(Required(fields, "$", "costs", "an object { \"input\", \"output\", \"fineTuning\" }"), "$.costs", "input", "output", "fineTuning");
                double input = Number(costs, "$.costs", "input"), output = Number(costs, "$.costs", "output"), fineTuning = Number(costs, "$.costs", "fineTuning");
                var start = builder;
                builder = Runtime(p => "$.costs." + p, () => start.WithCosts(input, output, fineTuning));
                technologySummary += $", token costs (input, output, fine-tuning) = ({F(input)}, {F(output)}, {F(fineTuning)})";
            }

            var technologyBuilder = builder;
            IIndexModel WithFittedValues(TypeDistribution values) => technologyBuilder.WithValues(values).Build();

            bool hasProfiles = fields.TryGetValue("profiles", out var profilesNode);
            bool hasValues = fields.TryGetValue("values", out var valuesNode);
            bool hasScales = fields.TryGetValue("scales", out var scalesNode);
            if (hasProfiles && (hasValues || hasScales))
                throw Error(hasValues ? "$.values" : "$.scales", "a model declares either \"profiles\" (two buyer types) or \"values\" (and \"scales\"), not both");

            if (hasProfiles)
            {
                var (first, second, profileSummary) = Profiles(profilesNode);
                if (technologyOnly) return new ModelFile(source, technologySummary, null, null, WithFittedValues);
                var binary = Runtime(p => p == "second" ? "$.profiles[1].probability" : "$.profiles", () => builder.BuildBinary(first, second));
                return new ModelFile(source, $"{technologySummary}; two types: {profileSummary}", null, binary, WithFittedValues);
            }
            TypeDistribution? valueLaw = hasValues ? Distribution(valuesNode, "$.values") : null;
            TypeDistribution? scaleLaw = hasScales ? Distribution(scalesNode, "$.scales") : null;
            if (technologyOnly) return new ModelFile(source, technologySummary, null, null, WithFittedValues);
            if (valueLaw is null) throw Error("$.values", "missing: a distribution of values per task (or \"profiles\": two buyer types)");
            builder = builder.WithValues(valueLaw);
            if (scaleLaw is not null)
            {
                var withValues = builder;
                builder = Runtime(_ => "$.scales", () => withValues.WithScales(scaleLaw));
            }
            var built = builder;
            var model = Runtime(_ => "$.values", built.Build);
            string summary = $"{technologySummary}; values w ~ {valueLaw}; " + (scaleLaw is null ? "every buyer has scale s = 1" : $"scales s ~ {scaleLaw}");
            return new ModelFile(source, summary, model, null, WithFittedValues);
        }

        private (TypeProfile First, TypeProfile Second, string Summary) Profiles(JsonElement node)
        {
            if (node.ValueKind != JsonValueKind.Array) throw Error("$.profiles", $"must be an array of two type profiles but is {Kind(node)}");
            var items = node.EnumerateArray().ToArray();
            if (items.Length != 2) throw Error("$.profiles", $"the binary environment has exactly two type profiles but {items.Length} were given");
            var profiles = new TypeProfile[2];
            for (int i = 0; i < 2; i++)
            {
                string path = $"$.profiles[{i}]";
                var p = Object(items[i], path, "probability", "value", "scale", "taskValues");
                double probability = Number(p, path, "probability");
                if (p.TryGetValue("taskValues", out var tasks))
                {
                    if (p.ContainsKey("value") || p.ContainsKey("scale"))
                        throw Error(path + (p.ContainsKey("value") ? ".value" : ".scale"), "a profile has either \"taskValues\" or \"value\" (and \"scale\"), not both");
                    double[] values = Numbers(tasks, path + ".taskValues");
                    profiles[i] = Runtime(q => q == "probability" ? path + ".probability" : path + ".taskValues", () => TypeProfile.Tasks(probability, values));
                }
                else
                {
                    if (!p.ContainsKey("value")) throw Error(path + ".value", "missing: a number (or \"taskValues\": values on equal-width task segments)");
                    double value = Number(p, path, "value"), scale = Number(p, path, "scale", 1.0);
                    profiles[i] = Runtime(q => $"{path}.{q}", () => TypeProfile.ValueScale(probability, value, scale));
                }
            }
            return (profiles[0], profiles[1], $"{Describe(profiles[0])} and {Describe(profiles[1])}");
        }

        private static string Describe(TypeProfile p) =>
            $"p = {F(p.Probability)} with task values [{string.Join(", ", p.TaskValues.Select(F))}] on widths [{string.Join(", ", p.SegmentWidths.Select(F))}]";

        private TypeDistribution Distribution(JsonElement node, string path, bool weighted = false)
        {
            string[] allowed = weighted ? ["weight", "kind", "parameters", "sample", "mixture"] : ["kind", "parameters", "sample", "mixture"];
            var d = Object(node, path, allowed);
            if (d.TryGetValue("mixture", out var parts))
            {
                foreach (string other in new[] { "kind", "parameters", "sample" })
                    if (d.ContainsKey(other)) throw Error($"{path}.{other}", "a distribution is either { \"kind\", \"parameters\" } or { \"mixture\": [...] }, not both");
                if (parts.ValueKind != JsonValueKind.Array) throw Error(path + ".mixture", $"must be an array of weighted components but is {Kind(parts)}");
                var components = new List<(double, TypeDistribution)>();
                int i = 0;
                foreach (var part in parts.EnumerateArray())
                {
                    string partPath = $"{path}.mixture[{i++}]";
                    var fields = Object(part, partPath, "weight", "kind", "parameters", "sample", "mixture");
                    double weight = Number(fields, partPath, "weight");
                    if (!(weight > 0)) throw Error(partPath + ".weight", $"every mixture weight must be finite and > 0 but is {F(weight)}");
                    components.Add((weight, Distribution(part, partPath, weighted: true)));
                }
                if (components.Count == 0) throw Error(path + ".mixture", "a mixture needs at least one component");
                return Runtime(_ => path + ".mixture", () => TypeDistribution.Mixture([.. components]));
            }
            string kind = String(d, path, "kind", required: true)!;
            if (string.Equals(kind, "Empirical", StringComparison.OrdinalIgnoreCase))
            {
                if (d.ContainsKey("parameters")) throw Error(path + ".parameters", "an Empirical law takes \"sample\": [...], not parameters");
                double[] sample = Numbers(Required(d, path, "sample", "an array of numbers"), path + ".sample");
                return Runtime(_ => path + ".sample", () => TypeDistribution.Empirical(sample));
            }
            string? family = Match(kind, DistributionKinds);
            if (family is null)
                throw Error(path + ".kind", $"unknown distribution '{kind}' (one of {string.Join(", ", DistributionKinds)}, Empirical, or a \"mixture\")");
            if (d.ContainsKey("sample")) throw Error(path + ".sample", $"only an Empirical law takes a sample; {family} takes \"parameters\"");
            double[] parameters = Numbers(Required(d, path, "parameters", "an array of numbers"), path + ".parameters");
            var distributionKind = Enum.Parse<Distribution>(family);
            try
            {
                return TypeDistribution.From(distributionKind, parameters);
            }
            catch (ArgumentException e)
            {
                string message = RuntimeMessage(e);
                throw Error(path + ".parameters", message.StartsWith(family, StringComparison.Ordinal) ? message : $"{family}: {message}");
            }
        }

        // Calls the runtime; an ArgumentException becomes a ModelFileException at the path of the parameter it names.
        private T Runtime<T>(Func<string, string> pathOf, Func<T> call, Func<ArgumentException, string?>? refine = null)
        {
            try
            {
                return call();
            }
            catch (ArgumentException e)
            {
                string path = refine?.Invoke(e) ?? pathOf(e.ParamName ?? "");
                throw Error(path, RuntimeMessage(e));
            }
            catch (InvalidOperationException e)
            {
                throw Error(pathOf(""), RuntimeMessage(e));
            }
        }

        // A token class the runtime rejects is named in its message: point at that class's field.
        private static Func<ArgumentException, string?> ClassPath(List<TokenClass> classes) => e =>
        {
            if (e.ParamName != "classes") return null;
            var m = Regex.Match(e.Message, "'([^']*)'");
            int index = m.Success ? classes.FindLastIndex(c => c.Name == m.Groups[1].Value) : -1;
            if (e.Message.Contains("twice", StringComparison.Ordinal) && m.Success)
                index = classes.FindLastIndex(c => string.Equals(c.Name.Trim(), m.Groups[1].Value.Trim(), StringComparison.OrdinalIgnoreCase));
            if (e.Message.Contains("non-empty name", StringComparison.Ordinal))
                index = classes.FindIndex(c => c.Name.Trim().Length == 0);
            if (index < 0) return null;
            string field = e.Message.Contains("exponent", StringComparison.Ordinal) ? ".exponent"
                : e.Message.Contains("cost per token", StringComparison.Ordinal) ? ".cost" : ".name";
            return $"$.technology.classes[{index}]{field}";
        };

        private Dictionary<string, JsonElement> Object(JsonElement e, string path, params string[] allowed)
        {
            if (e.ValueKind != JsonValueKind.Object) throw Error(path, $"must be an object but is {Kind(e)}");
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var p in e.EnumerateObject())
            {
                if (allowed.Length > 0 && !allowed.Contains(p.Name, StringComparer.Ordinal))
                {
                    string? near = allowed.FirstOrDefault(a => string.Equals(a, p.Name, StringComparison.OrdinalIgnoreCase));
                    throw Error($"{path}.{p.Name}", near is not null
                        ? $"unknown field (did you mean \"{near}\"? names are case-sensitive)"
                        : $"unknown field (expected {string.Join(", ", allowed)})");
                }
                if (!fields.TryAdd(p.Name, p.Value)) throw Error($"{path}.{p.Name}", "the field appears twice");
            }
            return fields;
        }

        private JsonElement Required(Dictionary<string, JsonElement> fields, string path, string name, string what) =>
            fields.TryGetValue(name, out var value) ? value : throw Error($"{path}.{name}", $"missing: {what}");

        private double Number(Dictionary<string, JsonElement> fields, string path, string name, double? fallback = null)
        {
            if (!fields.TryGetValue(name, out var value))
                return fallback ?? throw Error($"{path}.{name}", "missing: a number");
            return Number(value, $"{path}.{name}");
        }

        private double Number(JsonElement value, string path)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double x) && double.IsFinite(x)) return x;
            // JSON has no infinity: the string "Infinity" stands for +∞ (e.g. TruncatedNormal's hi).
            if (value.ValueKind == JsonValueKind.String && value.GetString() is "Infinity" or "+Infinity") return double.PositiveInfinity;
            throw Error(path, $"must be a number but is {Kind(value)}");
        }

        private double[] Numbers(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Array) throw Error(path, $"must be an array of numbers but is {Kind(value)}");
            return [.. value.EnumerateArray().Select((v, i) => Number(v, $"{path}[{i}]"))];
        }

        private string? String(Dictionary<string, JsonElement> fields, string path, string name, bool required)
        {
            if (!fields.TryGetValue(name, out var value))
                return required ? throw Error($"{path}.{name}", "missing: a string") : null;
            return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Error($"{path}.{name}", $"must be a string but is {Kind(value)}");
        }

        private static string? Match(string name, IEnumerable<string> names) =>
            names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

        private static string Kind(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string \"{e.GetString()}\"",
            JsonValueKind.Number => $"the number {e.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            JsonValueKind.Null => "null",
            _ => e.ValueKind.ToString(),
        };
    }

    private static string F(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
