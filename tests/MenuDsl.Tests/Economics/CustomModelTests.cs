using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// Custom technologies (<see cref="PricingModel.Custom(CustomTechnology)"/>), solved numerically: Cobb-Douglas written
/// by hand against the closed form, the audit and the metrics on custom models, and bad input.
/// </summary>
public class CustomModelTests(ITestOutputHelper output)
{
    /// <summary>v = x^.3 y^.2 (1 + z)^.1 as the user would write it.</summary>
    private static double ByHand(double x, double y, double z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1);

    // θ̂ = (c_x/α)^α (c_y/β)^β (c_z/γ)^δ: ≈ 16.1 at (1, 2, 5), so nobody with w ≤ 1 fine-tunes; ≈ 0.161 at (0.01, 0.02, 0.05).
    private static readonly (double X, double Y, double Z) Expensive = (1, 2, 5), Cheap = (0.01, 0.02, 0.05);

    private static readonly TypeDistribution Uniform = TypeDistribution.Uniform(0, 1), Beta = TypeDistribution.Beta(2, 3, 0, 1);
    private static readonly TypeDistribution Scales = TypeDistribution.Uniform(0.2, 1);
    private static readonly double[] Levels = [0.05, 0.3, 0.55, 0.7, 0.85, 0.99];

    /// <summary>Relative agreement of the finite-difference path (no gradient, no Hessian) with the closed form.</summary>
    private const double FiniteDifferenceTolerance = 1e-6;

    private static ModelBuilder<T> With<T>(ModelBuilder<T> builder, (double X, double Y, double Z) costs, TypeDistribution values, bool scales)
        where T : class, IPricingModel
    {
        var b = builder.WithCosts(costs.X, costs.Y, costs.Z).WithValues(values);
        return scales ? b.WithScales(Scales) : b;
    }

    public static TheoryData<bool, bool, bool, bool> Cases()
    {
        var data = new TheoryData<bool, bool, bool, bool>();
        foreach (bool exact in new[] { true, false })
            foreach (bool cheap in new[] { false, true })
                foreach (bool uniform in new[] { true, false })
                    foreach (bool scales in new[] { false, true })
                        data.Add(exact, cheap, uniform, scales);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cobb_douglas_by_hand_agrees_with_the_closed_form_on_every_member(bool exactDerivatives, bool cheap, bool uniform, bool scales)
    {
        var costs = cheap ? Cheap : Expensive;
        var values = uniform ? Uniform : Beta;
        var closed = With(PricingModel.CobbDouglas(0.3, 0.2, 0.1, 1), costs, values, scales).Build();
        var technology = exactDerivatives ? Technologies.CobbDouglas(0.3, 0.2, 0.1, 1) : new CustomTechnology(ByHand);
        var custom = With(PricingModel.Custom(technology), costs, values, scales).Build();

        double[] ws = Agreement.Quantiles(values, Levels);
        double[] ss = scales ? Agreement.Quantiles(Scales, 0.05, 0.5, 0.95) : [1.0];
        var agreement = Agreement.Of(closed, custom, 1, ws, ss);
        output.WriteLine($"exact {exactDerivatives}, cheap {cheap}, uniform {uniform}, scales {scales}: {agreement}");

        var tunes = (from w in ws from s in ss select closed.Efficient(w, s).FineTunes).ToArray();
        if (cheap)
        {
            Assert.True(tunes.Count(t => t) >= tunes.Length / 2, "most types should fine-tune with cheap tokens");
            Assert.Contains(false, tunes);
        }
        else Assert.DoesNotContain(true, tunes);
        Assert.True(agreement.Worst <= (exactDerivatives ? 1e-8 : FiniteDifferenceTolerance), agreement.ToString());
    }

    public static TheoryData<string> AuditedTechnologies => new() { "CES", "Cobb-Douglas by hand" };

    /// <summary>The audit's brute force over the grid finds no profitable deviation in the menus of a custom model.</summary>
    [Theory]
    [MemberData(nameof(AuditedTechnologies))]
    public void Audit_of_a_custom_model_finds_no_deviation(string name)
    {
        var technology = name == "CES" ? Technologies.Ces(0.6, -0.3, 0.5, 0.15, 1) : Technologies.CobbDouglas(0.3, 0.2, 0.1, 1);
        // Cheap tokens: the upper types fine-tune, so the audit crosses the switch.
        var model = PricingModel.Custom(technology).WithCosts(0.01, 0.02, 0.05).WithValues(Distribution.Uniform, 0, 1)
            .WithScales(Distribution.Uniform, 0.2, 1).Build();
        var report = MenuAudit.Audit(model);
        output.WriteLine($"{name}: {report}");
        Assert.True(report.MaxRegret <= 1e-6, report.ToString());
        Assert.Equal(0, report.ParticipationViolation);
        Assert.Equal(33 * 7, report.TypesChecked);
        Assert.Equal(0, report.PackageRegret); // a custom technology has no packages
    }

    /// <summary>
    /// Example A (model.md §9): w, s ~ U[0, 1], α = .3, β = .2, γ = .1, b = 1, costs (1, 2, 5): expected profit of the
    /// contractible menu A0²/24 (closed form), for Cobb-Douglas written by hand as exactly as for the closed-form model.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Expected_profit_of_cobb_douglas_by_hand_is_example_a(bool exactDerivatives)
    {
        var technology = exactDerivatives ? Technologies.CobbDouglas(0.3, 0.2, 0.1, 1) : new CustomTechnology(ByHand);
        var custom = PricingModel.Custom(technology).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1)
            .WithScales(Distribution.Uniform, 0, 1).Build();
        double expected = Models.ExampleAA0Squared / 24;
        double profit = custom.ExpectedProfit(), closed = Models.ExampleA().ExpectedProfit();
        output.WriteLine($"exact {exactDerivatives}: custom {profit:R}, closed form {closed:R}, A0²/24 = {expected:R}");
        Assert.Equal(expected, profit, 1e-6 * expected);
        Assert.Equal(closed, profit, 1e-6 * expected);
        // Revenue E[T] = E[φ q] with φ = 2w − 1, q = A0² s φ on w > ½: A0² E[s] ∫_½^1 (2w − 1)² dw = A0²/12.
        double revenue = custom.ExpectedRevenue();
        Assert.Equal(Models.ExampleAA0Squared / 12, revenue, 1e-6 * revenue);
    }

    // ---- Bad input: a clear exception naming the argument and its value, never NaN ----

    public static TheoryData<string, double[], string> BadCes => new()
    {
        { "share", [0, -0.3, 0.5, 0.1, 1], "0" },
        { "share", [1, -0.3, 0.5, 0.1, 1], "1" },
        { "share", [double.NaN, -0.3, 0.5, 0.1, 1], "NaN" },
        { "substitution", [0.6, 0, 0.5, 0.1, 1], "0" },
        { "substitution", [0.6, 1, 0.5, 0.1, 1], "1" },
        { "substitution", [0.6, 1.5, 0.5, 0.1, 1], "1.5" },
        { "substitution", [0.6, double.NegativeInfinity, 0.5, 0.1, 1], "-Infinity" },
        { "substitution", [0.6, double.NaN, 0.5, 0.1, 1], "NaN" },
        { "degree", [0.6, -0.3, 0, 0.1, 1], "0" },
        { "degree", [0.6, -0.3, -0.5, 0.1, 1], "-0.5" },
        { "degree", [0.6, -0.3, double.PositiveInfinity, 0.1, 1], "Infinity" },
        { "gamma", [0.6, -0.3, 0.5, 0, 1], "0" },
        { "gamma", [0.6, -0.3, 0.5, double.NaN, 1], "NaN" },
        { "gamma", [0.6, -0.3, 0.5, 0.5, 1], "0.5" }, // degree + gamma = 1: constant returns
        { "gamma", [0.6, -0.3, 0.9, 0.2, 1], "0.2" },
        { "baseQuality", [0.6, -0.3, 0.5, 0.1, 0], "0" },
        { "baseQuality", [0.6, -0.3, 0.5, 0.1, -1], "-1" },
        { "baseQuality", [0.6, -0.3, 0.5, 0.1, double.PositiveInfinity], "Infinity" },
    };

    [Theory]
    [MemberData(nameof(BadCes))]
    public void Ces_rejects_each_invalid_parameter_by_name(string parameter, double[] arguments, string shown)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PricingModel.Ces(arguments[0], arguments[1], arguments[2], arguments[3], arguments[4]));
        Assert.Equal(parameter, e.ParamName);
        int index = Array.IndexOf(["share", "substitution", "degree", "gamma", "baseQuality"], parameter);
        Assert.Equal(arguments[index], (double)e.ActualValue!);
        Assert.Contains(parameter, e.Message);
        Assert.Contains(shown, e.Message);
    }

    [Fact]
    public void Custom_rejects_null()
    {
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => PricingModel.Custom((Func<double, double, double, double>)null!)).ParamName);
        Assert.Equal("technology", Assert.Throws<ArgumentNullException>(() => PricingModel.Custom((CustomTechnology)null!)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => new CustomTechnology(null!)).ParamName);
    }

    /// <summary>
    /// A v that is NaN where the optimum lies (x &gt; 1 with cheap tokens), or that has increasing returns
    /// (x·y·(1 + z): the first best has no optimum). Each member that solves a first best throws an
    /// InvalidOperationException naming itself and the type, with the solver's reason inside; none returns NaN.
    /// </summary>
    [Theory]
    [InlineData("NaN for x > 1")]
    [InlineData("NaN for x > 1, exact derivatives")]
    [InlineData("increasing returns")]
    [InlineData("increasing returns through z")]
    public void Custom_v_the_solver_cannot_solve_throws_naming_member_and_type(string name)
    {
        // x^.3 y^.2 (2 + z) has a z = 0 corner where the first-order conditions in x and y hold and fine-tuning does
        // not pay at the margin, yet no optimum (degree 1.5): only the concavity check refuses it.
        Func<double, double, double, double> v = name switch
        {
            "increasing returns" => (x, y, z) => x * y * (1 + z),
            "increasing returns through z" => (x, y, z) => Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * (2 + z),
            _ => (x, y, z) => x > 1 ? double.NaN : ByHand(x, y, z),
        };
        var technology = name.EndsWith("exact derivatives")
            ? new CustomTechnology(v, (x, y, z) => new ProductionGradient(x > 1 ? double.NaN : 0.3 * v(x, y, z) / x, 0.2 * v(x, y, z) / y, 0.1 * v(x, y, z) / (1 + z)))
            : new CustomTechnology(v);
        // Costly fine-tuning keeps x^.3 y^.2 (2 + z) at its corner, where only concavity tells it is no optimum.
        var model = (name == "increasing returns through z" ? PricingModel.Custom(technology).WithCosts(1, 2, 5) : PricingModel.Custom(technology).WithCosts(0.01, 0.02, 0.05))
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();

        void Fails(string member, Func<object> call)
        {
            var e = Assert.Throws<InvalidOperationException>(() => { var result = call(); Assert.Fail($"{member} returned {result}"); });
            output.WriteLine($"{name}, {member}: {e.Message}");
            Assert.StartsWith($"{member}(value = 0.8, scale = 0.5): the first best", e.Message);
            Assert.Contains(name switch { "increasing returns" => "did not converge", "increasing returns through z" => "not concave", _ => "not finite" }, e.Message);
            Assert.IsType<ArithmeticException>(e.InnerException);
        }
        Fails("Efficient", () => model.Efficient(0.8, 0.5));
        Fails("Contract", () => model.Contract(0.8, 0.5));
        Fails("Tariff", () => model.Tariff(0.8, 0.5));

        // The metrics and the audit say what failed too (MenuMetrics documents InvalidOperationException).
        var profit = Assert.Throws<InvalidOperationException>(() => model.ExpectedProfit());
        Assert.StartsWith("The expected profit could not be computed", profit.Message);
        Assert.IsType<ArithmeticException>(profit.InnerException);
        var audit = Assert.Throws<InvalidOperationException>(() => MenuAudit.Audit(model));
        output.WriteLine($"{name}, audit: {audit.Message}");
        Assert.Contains("the first best", audit.Message);

        // Where v is finite around the optimum the model still answers (cheap tokens: x < 1 only for tiny values).
        if (!name.StartsWith("increasing returns", StringComparison.Ordinal))
        {
            var low = model.Efficient(0.0005, 1);
            Assert.True(low.Input < 1 && double.IsFinite(low.Surplus), low.ToString());
        }
    }

    [Fact]
    public void Exceptions_of_the_users_own_v_pass_unchanged()
    {
        var model = PricingModel.Custom((x, y, z) => throw new DivideByZeroException("from v")).WithCosts(1, 2, 5)
            .WithValues(Distribution.Uniform, 0, 1).Build();
        Assert.Equal("from v", Assert.Throws<DivideByZeroException>(() => model.Contract(0.8, 1)).Message);
    }
}
