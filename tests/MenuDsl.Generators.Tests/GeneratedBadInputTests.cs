using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Xunit;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Every public method of a generated model that takes a double, found by reflection, rejects NaN, ±∞ and
/// out-of-support values with an <see cref="ArgumentException"/> naming the argument. A method with no entry in the
/// table fails the test, so members the generator adds later are covered.
/// </summary>
public class GeneratedBadInputTests
{
    private static double[] Bad(params double[] outOfSupport) => [double.NaN, double.PositiveInfinity, double.NegativeInfinity, .. outOfSupport];

    // GappedMixtureApi (InBuildModelTests): w in [0, 10], s ~ U[0, 1], so θ in [0, 10].
    private static readonly Dictionary<string, (object[] Args, Dictionary<string, double[]> Rejected)> Table = new()
    {
        ["Efficient"] = ([0.8, 0.5], TypeArguments()),
        ["Contract"] = ([0.8, 0.5], TypeArguments()),
        ["Tariff"] = ([0.8, 0.5], TypeArguments()),
        ["Theta"] = ([0.8, 0.5], TypeArguments()),
        ["VirtualValue"] = ([0.8], TypeArguments()),
        ["Package"] = ([0.5], new() { ["theta"] = Bad(-0.5, 10.5) }),
        ["PackageTariff"] = ([0.5], new() { ["theta"] = Bad(-0.5, 10.5) }),
    };

    private static Dictionary<string, double[]> TypeArguments() => new() { ["value"] = Bad(-0.5, 10.5), ["scale"] = Bad(-0.1, 1.5) };

    [Fact]
    public void Every_double_argument_of_a_generated_model_rejects_bad_values_by_name()
    {
        var model = GappedMixtureApi.Instance;
        var methods = typeof(GappedMixtureApi).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(double)))
            .ToArray();
        var missing = methods.Where(m => !Table.ContainsKey(m.Name)).Select(m => m.Name).ToArray();
        Assert.True(missing.Length == 0, "Generated methods taking a double with no entry in the table: " + string.Join(", ", missing));
        Assert.Equal(Table.Keys.Order(), methods.Select(m => m.Name).Order());

        var failures = new List<string>();
        foreach (var method in methods)
        {
            var (args, rejected) = Table[method.Name];
            var baseline = method.Invoke(model, args.ToArray());
            Assert.False(baseline is double x && double.IsNaN(x), $"{method.Name} returns NaN at the valid baseline");
            var parameters = method.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
                foreach (double bad in rejected[parameters[i].Name!])
                {
                    var call = (object[])args.Clone();
                    call[i] = bad;
                    string at = $"{method.Name}({parameters[i].Name} = {bad.ToString("R", CultureInfo.InvariantCulture)})";
                    try
                    {
                        failures.Add($"{at} returned {method.Invoke(model, call)}");
                    }
                    catch (TargetInvocationException e) when (e.InnerException is ArgumentException a && a.ParamName == parameters[i].Name) { } // the expected rejection
                    catch (TargetInvocationException e) { failures.Add($"{at} threw {e.InnerException}"); }
                }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
