using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using MenuDsl.Generation;
using Xunit;

namespace MenuDsl.Tests;

/// <summary>
/// README "Bad input throws": every public member of the runtime assembly that takes a double (a type w, s, θ or a
/// parameter) is found by reflection and called with NaN, ±∞ and out-of-support values in place of a valid one. Each
/// must throw an <see cref="ArgumentException"/> naming that argument, and never return NaN. A member with no entry
/// in <see cref="Table"/> fails the test, so members added later are covered or the test says which are not.
/// </summary>
public class BadInputReflectionTests
{
    /// <summary>
    /// Members that are known to accept bad input today, in files this change may not touch (another branch rewrites
    /// them). The test asserts this is exactly the set that fails, so a fix must shrink the list.
    /// </summary>
    private static readonly (string Case, string WhatHappens)[] KnownGaps =
    [
    ];

    /// <summary>Types whose double arguments are data by design, not checked at run time, and why.</summary>
    private static readonly Dictionary<Type, string> DataTypes = new()
    {
        [typeof(Allocation)] = "result record",
        [typeof(Contract)] = "result record",
        [typeof(TokenBundle)] = "result record",
        [typeof(AuditReport)] = "result record",
        [typeof(AuditFinding)] = "result record",
        [typeof(TwoPartTariff)] = "result record",
        [typeof(PackageContract)] = "result record",
        [typeof(SpendPlan)] = "result record",
        [typeof(Usage)] = "observed usage as data; Calibration.Thetas checks every amount and the class count by name and row",
        [typeof(DistributionFit)] = "result record; Calibration.FitValues and TypeDistribution.Empirical check the sample by name and index (CalibrationFitTests)",
        [typeof(FitCandidate)] = "result record",
        [typeof(Plan)] = "result record",
        [typeof(PlanMenu)] = "result record",
        [typeof(PriceSheetEntry)] = "result record; PriceSheet.From checks the plans it lists by name (menu)",
        [typeof(TokenPrice)] = "result record",
        [typeof(BinaryItem)] = "result record",
        [typeof(BinaryMenu)] = "result record",
        [typeof(ModelDescription)] = "the declared parameters as data; only the builder creates models from them",
        [typeof(CobbDouglasAttribute)] = "attribute: checked at compile time by MENU003",
        [typeof(TokenCostsAttribute)] = "attribute: checked at compile time by MENU004",
        [typeof(ValueDistributionAttribute)] = "attribute: checked at compile time by MENU005",
        [typeof(ScaleDistributionAttribute)] = "attribute: checked at compile time by MENU005",
        [typeof(TypeProfileAttribute)] = "attribute: checked at compile time by the binary-environment analyzer",
        [typeof(CesAttribute)] = "attribute: checked at compile time (the generator and analyzers own it)",
        [typeof(CobbDouglasTechnology)] = "the technology as data (ModelDescription.Technology); PricingModel.CobbDouglas checks the parameters",
        [typeof(CesTechnology)] = "the technology as data (ModelDescription.Technology); PricingModel.Ces checks the parameters",
        [typeof(TokenClassAttribute)] = "attribute: checked at compile time by MENU022",
        [typeof(FineTuningAttribute)] = "attribute: checked at compile time by MENU022",
        [typeof(TokenClass)] = "a token class as data; PricingModel.TokenClasses checks every class",
        [typeof(TokenClassTechnology)] = "the technology as data (ModelDescription.Technology); PricingModel.TokenClasses checks the parameters",
        [typeof(TokenCost)] = "a class's cost as data, read from the model's description",
        [typeof(ProductionGradient)] = "derivatives a user's delegate returns; the solver refuses non-finite ones (CustomModelTests)",
        [typeof(ProductionHessian)] = "derivatives a user's delegate returns; the solver refuses non-finite ones (CustomModelTests)",
    };

    /// <summary>Runtime-built models (Cobb-Douglas, and the same written as a custom v); without scales the only valid scale is 1.</summary>
    private sealed record Fixture(string Name, IIndexModel Model, CustomModel Custom, TypeDistribution? Scales)
    {
        public double Scale => Scales is null ? 1 : 0.6;
    }

    private static Fixture Make(string name)
    {
        var builder = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1);
        var custom = PricingModel.Custom((x, y, z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1))
            .WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1);
        var scales = name == "WithScales" ? TypeDistribution.Uniform(0.2, 1) : null;
        return new(name, (scales is null ? builder : builder.WithScales(scales)).Build(),
            (CustomModel)(scales is null ? custom : custom.WithScales(scales)).Build(), scales);
    }

    public static readonly TheoryData<string> Fixtures = new() { "WithScales", "WithoutScales" };

    /// <summary>A valid call, and per double argument (an array element as name[i]) the values it must reject or accept.</summary>
    private sealed record Entry(object? Target, object?[] Args, Dictionary<string, double[]> Rejected, Dictionary<string, double[]>? Accepted = null);

    /// <summary>NaN and ±∞ plus the given out-of-support values.</summary>
    private static double[] Bad(params double[] outOfSupport) => [double.NaN, double.PositiveInfinity, double.NegativeInfinity, .. outOfSupport];

    private static Dictionary<string, double[]> Rules(params (string Name, double[] Values)[] rules) => rules.ToDictionary(r => r.Name, r => r.Values);

    /// <summary>
    /// Keyed by "Type.Member" ("Model." for the members of IPricingModel, IIndexModel and IndexModel, called on
    /// the fixture's model). Values w ~ U[0, 1], scales ~ U[0.2, 1] or none, so θ lies in [0, 1].
    /// </summary>
    private static Dictionary<string, Entry> Table(Fixture f)
    {
        double s = f.Scale;
        double[] badScales = f.Scales is null ? Bad(-0.1, 0, 0.5, 1.5) : Bad(-0.1, 0.1, 1.5);
        var type = Rules(("value", Bad(-0.5, 1.5)), ("scale", badScales));
        var theta = Rules(("theta", Bad(-0.5, 1.5)));
        var d = TypeDistribution.Uniform(0.2, 1);
        var positive = Bad(0, -1);
        // lo must be finite and ≥ 0 (types are non-negative); hi above lo = 0.2.
        double[] lo = Bad(-0.5), hi = Bad(0.1);
        return new()
        {
            ["Model.Efficient"] = new(f.Model, [0.8, s], type),
            ["Model.Contract"] = new(f.Model, [0.8, s], type),
            ["Model.Tariff"] = new(f.Model, [0.8, s], type),
            ["Model.Theta"] = new(f.Model, [0.8, s], type),
            ["Model.VirtualValue"] = new(f.Model, [0.8], type),
            ["Model.Package"] = new(f.Model, [0.5], theta),
            // A grid names its own arguments, with the index, for the types Contract refuses.
            ["MenuGrid.ContractGridParallel"] = new(null, [f.Model, new[] { 0.8 }, new[] { s }, new Contract[1], null],
                Rules(("values[0]", Bad(-0.5, 1.5)), ("scales[0]", badScales))),
            ["Model.PackageTariff"] = new(f.Model, [0.5], theta),
            ["Model.CommittedSpend"] = new(f.Model, [0.5], theta),
            ["Model.ThetaVirtualValue"] = new(f.Model, [0.5], theta),
            ["CustomModel.Efficient"] = new(f.Custom, [0.8, s], type),
            ["CustomModel.Contract"] = new(f.Custom, [0.8, s], type),
            ["CustomModel.Tariff"] = new(f.Custom, [0.8, s], type),
            ["CustomModel.VirtualValue"] = new(f.Custom, [0.8], type),

            // A density and a distribution function are defined on the whole line: 0 or 1 outside the support.
            ["TypeDistribution.Pdf"] = new(d, [0.5], Rules(("t", [double.NaN])), Rules(("t", [double.PositiveInfinity, double.NegativeInfinity, -0.5, 0.1, 1.5]))),
            ["TypeDistribution.Cdf"] = new(d, [0.5], Rules(("t", [double.NaN])), Rules(("t", [double.PositiveInfinity, double.NegativeInfinity, -0.5, 0.1, 1.5]))),
            ["TypeDistribution.Quantile"] = new(d, [0.5], Rules(("u", Bad(-0.1, 1.5)))),
            ["TypeDistribution.VirtualValue"] = new(d, [0.5], Rules(("t", Bad(-0.5, 0.1, 1.5)))),
            ["TypeDistribution.RawVirtualValue"] = new(d, [0.5], Rules(("t", Bad(-0.5, 0.1, 1.5)))),
            ["TypeDistribution.From"] = new(null, [Distribution.Uniform, new[] { 0.2, 1.0 }], Rules(("parameters[0]", lo), ("parameters[1]", hi))),
            ["TypeDistribution.Uniform"] = new(null, [0.2, 1.0], Rules(("lo", lo), ("hi", hi))),
            ["TypeDistribution.Exponential"] = new(null, [2.0], Rules(("rate", positive))),
            ["TypeDistribution.Power"] = new(null, [2.0, 0.2, 1.0], Rules(("c", positive), ("lo", lo), ("hi", hi))),
            ["TypeDistribution.Pareto"] = new(null, [1.0, 3.0], Rules(("scale", positive), ("shape", positive))),
            ["TypeDistribution.Beta"] = new(null, [2.0, 3.0, 0.2, 1.0], Rules(("a", positive), ("b", positive), ("lo", lo), ("hi", hi))),
            ["TypeDistribution.LogNormal"] = new(null, [0.0, 0.5], Rules(("mu", Bad()), ("sigma", positive))),
            // hi may be +∞ (a normal truncated below only).
            ["TypeDistribution.TruncatedNormal"] = new(null, [0.5, 1.0, 0.2, 1.0],
                Rules(("mean", Bad()), ("sd", positive), ("lo", lo), ("hi", [double.NaN, double.NegativeInfinity, 0.1])),
                Rules(("hi", [double.PositiveInfinity]))),

            // A markup below 1 would sell below cost.
            ["MenuMetrics.LinearPricingProfit"] = new(null, [f.Model, 1.5], Rules(("markup", Bad(0.5, -1)))),
            ["Calibration.Thetas"] = new(null, [f.Model, new[] { new Usage(1, 1, 0) }, 1.5], Rules(("markup", Bad(0.5, -1)))),

            // α + β + γ ≥ 1 is reported on gamma.
            ["PricingModel.CobbDouglas"] = new(null, [0.3, 0.2, 0.1, 1.0],
                Rules(("alpha", positive), ("beta", positive), ("gamma", Bad(0, -1, 0.6)), ("baseQuality", positive))),
            // Σ α_j + γ ≥ 1 is reported on gamma; the classes themselves are TokenClassTests'.
            ["PricingModel.TokenClasses"] = new(null, [new TokenClass[] { new("input", 0.2, 1), new("output", 0.2, 2) }, 0.1, 0.5, 1.0],
                Rules(("gamma", Bad(0, -1, 0.6)), ("fineTuningCost", positive), ("baseQuality", positive))),
            // substitution r < 1, r ≠ 0; degree + γ ≥ 1 is reported on gamma.
            ["PricingModel.Ces"] = new(null, [0.6, -0.5, 0.5, 0.1, 1.0],
                Rules(("share", Bad(0, 1, -0.5, 1.5)), ("substitution", Bad(0, 1, 2)), ("degree", positive), ("gamma", Bad(0, -1, 0.5)),
                    ("baseQuality", positive))),
            ["ModelBuilder<IIndexModel>.WithCosts"] = new(PricingModel.CobbDouglas(0.3, 0.2, 0.1), [1.0, 2.0, 5.0],
                Rules(("input", positive), ("output", positive), ("fineTuning", positive))),
            ["ModelBuilder<IIndexModel>.WithValues"] = new(PricingModel.CobbDouglas(0.3, 0.2, 0.1), [Distribution.Uniform, new[] { 0.2, 1.0 }],
                Rules(("parameters[0]", lo), ("parameters[1]", hi))),
            // A scale is a share of tasks: hi above 1 is out of support too.
            ["ModelBuilder<IIndexModel>.WithScales"] = new(PricingModel.CobbDouglas(0.3, 0.2, 0.1), [Distribution.Uniform, new[] { 0.2, 1.0 }],
                Rules(("parameters[0]", lo), ("parameters[1]", Bad(0.1, 1.5)))),

            ["ModelBuilder<IPricingModel>.WithCosts"] = new(PricingModel.Custom((x, y, z) => x * y * z), [1.0, 2.0, 5.0],
                Rules(("input", positive), ("output", positive), ("fineTuning", positive))),
            ["ModelBuilder<IPricingModel>.WithValues"] = new(PricingModel.Custom((x, y, z) => x * y * z), [Distribution.Uniform, new[] { 0.2, 1.0 }],
                Rules(("parameters[0]", lo), ("parameters[1]", hi))),
            // A scale is a share of tasks: hi above 1 is out of support too.
            ["ModelBuilder<IPricingModel>.WithScales"] = new(PricingModel.Custom((x, y, z) => x * y * z), [Distribution.Uniform, new[] { 0.2, 1.0 }],
                Rules(("parameters[0]", lo), ("parameters[1]", Bad(0.1, 1.5)))),

            // Binary environment (model.md §7): a probability in (0, 1), values finite and ≥ 0, a scale in (0, 1].
            ["TypeProfile.ValueScale"] = new(null, [0.5, 2.0, 0.5],
                Rules(("probability", Bad(0, 1, -0.1, 1.5)), ("value", Bad(-1)), ("scale", Bad(0, -0.5, 1.5)))),
            ["TypeProfile.Tasks"] = new(null, [0.5, new[] { 2.0, 0.6 }],
                Rules(("probability", Bad(0, 1, -0.1, 1.5)), ("taskValues[0]", Bad(-1)), ("taskValues[1]", Bad(-1)))),

            ["GeneratedModelSupport.CheckValue"] = new(null, [f.Model.Description.Values, 0.8], Rules(("value", Bad(-0.5, 1.5)))),
            ["GeneratedModelSupport.CheckScale"] = new(null, [f.Scales, s], Rules(("scale", badScales))),
            // The exceptions generated code throws after its folded comparisons failed: the runtime's check throws first.
            ["GeneratedModelSupport.ValueRefusal"] = new(null, [f.Model.Description.Values, 0.8], Rules(("value", Bad(-0.5, 1.5)))),
            ["GeneratedModelSupport.ScaleRefusal"] = new(null, [f.Scales, s], Rules(("scale", badScales))),
            ["GeneratedModelSupport.TariffRefusal"] = new(null, [f.Model.Tariff(0.8, s), 0.8], Rules(("value", Bad()))),
            ["GeneratedModelSupport.CheckTheta"] = new(null, [f.Model.Description.Values, 0.5], theta),
            // δ = 1 − α − β lies in (0, 1).
            ["GeneratedModelSupport.Thetas"] = new(null, [f.Model.Description.Values, f.Scales, 0.5], Rules(("delta", Bad(0, -0.5, 1, 1.5)))),
            // Generated code passes the reserve value, a type and φ̄'s fine-tuning level (+∞: never fine-tunes).
            ["GeneratedModelSupport.Rent"] = new(null, [f.Model.Description.Values, (Func<double, double>)(k => k), 0.5, 0.8, 1.0],
                Rules(("reserve", Bad(-0.5, 1.5)), ("type", Bad(-0.5, 1.5)), ("switchLevel", [double.NaN])),
                Rules(("switchLevel", [double.PositiveInfinity]))),
            // Generated models build their package rent schedule once from the reserve value and φ̄'s fine-tuning level.
            ["GeneratedModelSupport.PackageRents"] = new(null, [f.Model.Description.Values, (Func<double, double>)(k => k), 0.5, 1.0],
                Rules(("reserve", Bad(-0.5, 1.5)), ("switchLevel", [double.NaN])),
                Rules(("switchLevel", [double.PositiveInfinity]))),
            // The representability checks generated members end with: the type must be finite (support is checked before).
            ["GeneratedModelSupport.CheckedContract"] = new(null, [f.Model.Contract(0.8, s), 0.8], Rules(("value", Bad()))),
            ["GeneratedModelSupport.CheckedAllocation"] = new(null, [f.Model.Efficient(0.8, s), 0.8], Rules(("value", Bad()))),
            ["GeneratedModelSupport.CheckedTariff"] = new(null, [f.Model.Tariff(0.8, s), 0.8], Rules(("value", Bad()))),
            ["GeneratedModelSupport.CheckedPackage"] = new(null, [f.Model.Package(0.8), 0.8], Rules(("theta", Bad()))),
            ["GeneratedModelSupport.CheckedPackageTariff"] = new(null, [f.Model.PackageTariff(0.8), 0.8], Rules(("theta", Bad()))),
            ["GeneratedModelSupport.Tariff"] = new(null, [f.Model.Description.Values, 0.8, s, f.Model.Contract(0.8, s), 1.0, 2.0, 5.0],
                Rules(("value", Bad(-0.5, 1.5)), ("scale", Bad(-0.5, 1.5)), ("inputCost", positive), ("outputCost", positive), ("fineTuningCost", positive))),
            ["GeneratedModelSupport.PackageTariff"] = new(null, [f.Model.Description.Values, 0.8, f.Model.Package(0.8), 1.0, 2.0, 5.0],
                Rules(("theta", Bad(-0.5, 1.5)), ("inputCost", positive), ("outputCost", positive), ("fineTuningCost", positive))),
        };
    }

    private static readonly Type[] ModelTypes = [typeof(IPricingModel), typeof(IIndexModel), typeof(IndexModel)];

    private static string Key(MethodBase m) => (ModelTypes.Contains(m.DeclaringType) ? "Model" : Name(m.DeclaringType!)) + "." + m.Name;

    // ModelBuilder<IIndexModel> rather than ModelBuilder`1.
    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;

    /// <summary>The model types a generic public type is used with (a generic type definition cannot be called).</summary>
    private static readonly Type[] ModelArguments = [typeof(IIndexModel), typeof(IPricingModel)];

    private static IEnumerable<Type> Closed(Type t) =>
        t.IsGenericTypeDefinition ? ModelArguments.Select(a => t.MakeGenericType(a)) : [t];

    /// <summary>Public methods and constructors of the runtime assembly's public types with a double or double[] argument.</summary>
    private static IEnumerable<MethodBase> MembersTakingDoubles() =>
        typeof(IPricingModel).Assembly.GetExportedTypes().SelectMany(Closed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Cast<MethodBase>().Concat(t.GetConstructors()))
            .Where(m => m.GetParameters().Any(IsDouble));

    private static bool IsDouble(ParameterInfo p) => p.ParameterType == typeof(double) || p.ParameterType == typeof(double[]);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_double_argument_rejects_bad_values_by_name(string fixture)
    {
        var f = Make(fixture);
        var table = Table(f);
        var missing = new List<string>();
        var failures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var covered = new HashSet<string>();
        foreach (var member in MembersTakingDoubles())
        {
            if (DataTypes.ContainsKey(member.DeclaringType!)) continue;
            string key = Key(member);
            if (!table.TryGetValue(key, out var entry))
            {
                missing.Add($"{member.DeclaringType!.Name}.{member.Name}({string.Join(", ", member.GetParameters().Select(p => p.Name))})");
                continue;
            }
            covered.Add(key);
            if (Call(member, entry.Target, entry.Args) is { } baseline) failures[$"{fixture}: {key} at the valid baseline"] = baseline;
            var parameters = member.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
            {
                if (!IsDouble(parameters[i])) continue;
                string name = parameters[i].Name!;
                int count = parameters[i].ParameterType == typeof(double[]) ? ((double[])entry.Args[i]!).Length : 0;
                string[] slots = count == 0 ? [name] : [.. Enumerable.Range(0, count).Select(j => $"{name}[{j}]")];
                for (int j = 0; j < slots.Length; j++)
                {
                    var rejected = entry.Rejected.GetValueOrDefault(slots[j]);
                    var accepted = entry.Accepted?.GetValueOrDefault(slots[j]);
                    if (rejected is null && accepted is null) { missing.Add($"{key}({slots[j]})"); continue; }
                    foreach (double bad in rejected ?? [])
                        if (Rejects(member, entry, i, count == 0 ? -1 : j, bad, name) is { } problem)
                            failures[$"{fixture}: {key}({slots[j]} = {Text(bad)})"] = problem;
                    foreach (double good in accepted ?? [])
                        if (Call(member, entry.Target, With(entry.Args, i, count == 0 ? -1 : j, good)) is { } problem)
                            failures[$"{fixture}: {key}({slots[j]} = {Text(good)})"] = "should be accepted but " + problem;
                }
            }
        }

        Assert.True(missing.Count == 0, "Public members taking a double with no entry in the table: " + string.Join("; ", missing));
        var stale = table.Keys.Except(covered).ToArray();
        Assert.True(stale.Length == 0, "Table entries that match no public member: " + string.Join("; ", stale));
        var expected = KnownGaps.Select(g => g.Case).Where(c => c.StartsWith(fixture + ": ", StringComparison.Ordinal));
        Assert.True(expected.ToHashSet().SetEquals(failures.Keys),
            "Failing cases differ from KnownGaps. Failing now:\n" + string.Join("\n", failures.Select(p => $"{p.Key}: {p.Value}")));
    }

    /// <summary>Null when the call with the bad value throws an ArgumentException naming the argument, else what happened.</summary>
    private static string? Rejects(MethodBase member, Entry entry, int index, int element, double bad, string name)
    {
        try
        {
            var result = Invoke(member, entry.Target, With(entry.Args, index, element, bad));
            return $"returned {Describe(result)}";
        }
        catch (ArgumentException e) when (e.ParamName == name) { return null; }
        catch (Exception e) { return $"threw {e.GetType().Name} (ParamName {(e as ArgumentException)?.ParamName ?? "none"}): {e.Message}"; }
    }

    /// <summary>Null when the call succeeds without a NaN in the result, else what happened.</summary>
    private static string? Call(MethodBase member, object? target, object?[] args)
    {
        try
        {
            var result = Invoke(member, target, args);
            return HasNaN(result) ? $"returned NaN: {Describe(result)}" : null;
        }
        catch (Exception e) { return $"threw {e.GetType().Name}: {e.Message}"; }
    }

    private static object? Invoke(MethodBase member, object? target, object?[] args)
    {
        try { return member is ConstructorInfo c ? c.Invoke(args) : member.Invoke(target, args); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static object?[] With(object?[] args, int index, int element, double value)
    {
        var copy = (object?[])args.Clone();
        if (element < 0) copy[index] = value;
        else
        {
            var array = (double[])((double[])args[index]!).Clone();
            array[element] = value;
            copy[index] = array;
        }
        return copy;
    }

    private static bool HasNaN(object? result) => result switch
    {
        double x => double.IsNaN(x),
        ValueType v => v.GetType().GetProperties().Where(p => p.PropertyType == typeof(double)).Any(p => double.IsNaN((double)p.GetValue(v)!)),
        _ => false,
    };

    private static string Describe(object? result) => result switch
    {
        null => "null",
        double x => Text(x),
        _ => result.ToString() ?? result.GetType().Name,
    };

    private static string Text(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
