using System;
using System.Linq;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// Cobb-Douglas over J named token classes (issue 11): the closed forms against a numeric cost minimisation written
/// here, two classes against today's Cobb-Douglas model bit for bit, and the per-class accounting of every result.
/// </summary>
public sealed class TokenClassTests
{
    private static readonly TokenClass[] Three = [new("input", 0.2, 1.0), new("cached_input", 0.05, 0.1), new("output", 0.2, 4.0)];

    private static IIndexModel Model(TokenClass[] classes, double fineTuningCost, bool scales = true)
    {
        var builder = PricingModel.TokenClasses(classes, gamma: 0.1, fineTuningCost: fineTuningCost, baseQuality: 1.0).WithValues(Distribution.Uniform, 0, 1);
        return (scales ? builder.WithScales(Distribution.Uniform, 0.2, 1) : builder).Build();
    }

    public static readonly TheoryData<double, double, double, double> TwoClassCases = new()
    {
        { 1.0, 2.0, 5.0, 1.0 },      // θ̂ ≈ 16: nobody fine-tunes
        { 0.01, 0.02, 0.05, 1.0 },   // many fine-tune
        { 0.1, 0.3, 0.2, 2.5 },
    };

    [Theory]
    [MemberData(nameof(TwoClassCases))]
    public void Two_classes_are_todays_Cobb_Douglas_model_bit_for_bit(double cx, double cy, double cz, double b)
    {
        var classes = PricingModel.TokenClasses([new("input", 0.3, cx), new("output", 0.2, cy)], 0.1, cz, b)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();
        var today = PricingModel.CobbDouglas(0.3, 0.2, 0.1, b).WithCosts(cx, cy, cz)
            .WithValues(Distribution.Uniform, 0, 1).WithScales(Distribution.Uniform, 0.2, 1).Build();

        Assert.Equal(today.ReserveValue, classes.ReserveValue);
        Assert.Equal(today.FineTuningThreshold, classes.FineTuningThreshold);
        foreach (double w in new[] { 0.4, 0.55, 0.8, 1.0 })
            foreach (double s in new[] { 0.2, 0.6, 1.0 })
            {
                Assert.Equal(today.Efficient(w, s), classes.Efficient(w, s));
                Assert.Equal(today.Contract(w, s), classes.Contract(w, s));
                Assert.Equal(today.Tariff(w, s), classes.Tariff(w, s));
                Assert.Equal(today.Theta(w, s), classes.Theta(w, s));
            }
        foreach (double theta in new[] { 0.5, 0.7, 0.95 })
        {
            Assert.Equal(today.Package(theta), classes.Package(theta));
            Assert.Equal(today.PackageTariff(theta), classes.PackageTariff(theta));
            Assert.Equal(today.CommittedSpend(theta), classes.CommittedSpend(theta));
        }
        Assert.Equal(today.ExpectedProfit(), classes.ExpectedProfit());
        Assert.Equal(today.Description.TokenCosts, classes.Description.TokenCosts);
    }

    [Theory]
    [InlineData(5.0, 0.7, 0.6)]    // θ̂ high: no fine-tuning
    [InlineData(5.0, 1.0, 1.0)]
    [InlineData(0.002, 0.9, 0.8)]  // cheap fine-tuning (θ̂ ≈ 0.30): the item fine-tunes
    [InlineData(0.002, 1.0, 1.0)]
    public void A_contract_costs_the_numeric_minimum_of_delivering_its_quality(double fineTuningCost, double w, double s)
    {
        var model = Model(Three, fineTuningCost);
        var contract = model.Contract(w, s);
        Assert.True(contract.Quality > 0);
        var (cost, tokens, z) = CheapestDelivery(Three, 0.1, 1.0, fineTuningCost, contract.Quality, s);

        Assert.True(Math.Abs(cost - contract.Cost) <= 1e-9 * cost, $"closed form {contract.Cost:R}, numeric minimum {cost:R}");
        var classTokens = model.Description.ClassTokens(contract);
        for (int j = 0; j < Three.Length; j++)
            Assert.True(Math.Abs(classTokens[j] - tokens[j]) <= 1e-5 * tokens[j], $"class {Three[j].Name}: {classTokens[j]:R} vs numeric {tokens[j]:R}");
        Assert.True(Math.Abs(contract.FineTuning - z) <= 1e-5 * Math.Max(z, 1), $"z {contract.FineTuning:R} vs numeric {z:R}");
        Assert.Equal(fineTuningCost < 1, contract.FineTuning > 0);
    }

    /// <summary>
    /// min s Σ c_j x_j + c_z z subject to s Π x_j^(α_j) (b + z)^γ = q, by nested golden-section searches in the logarithms
    /// of x_1, x_2 and b + z (x_0 from the constraint): the objective is convex there, so each partial minimum is too.
    /// </summary>
    private static (double Cost, double[] Tokens, double FineTuning) CheapestDelivery(TokenClass[] classes, double gamma, double b, double cz, double q, double s)
    {
        double X0(double u1, double u2, double t) =>
            Math.Exp((Math.Log(q / s) - classes[1].Exponent * u1 - classes[2].Exponent * u2 - gamma * t) / classes[0].Exponent);
        double Cost(double u1, double u2, double t) =>
            s * (classes[0].Cost * X0(u1, u2, t) + classes[1].Cost * Math.Exp(u1) + classes[2].Cost * Math.Exp(u2)) + cz * (Math.Exp(t) - b);
        const int iterations = 90;
        double lo = -40, hi = 40, tLo = Math.Log(b), tHi = Math.Log(b) + 30;
        double U2(double u1, double t) => Search.ArgMin(u2 => Cost(u1, u2, t), lo, hi, iterations);
        double U1(double t) => Search.ArgMin(u1 => Cost(u1, U2(u1, t), t), lo, hi, iterations);
        double tBest = Search.ArgMin(t => { double u1 = U1(t); return Cost(u1, U2(u1, t), t); }, tLo, tHi, iterations);
        double u1Best = U1(tBest), u2Best = U2(u1Best, tBest);
        return (Cost(u1Best, u2Best, tBest), [X0(u1Best, u2Best, tBest), Math.Exp(u1Best), Math.Exp(u2Best)], Math.Exp(tBest) - b);
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(0.002)]
    public void Quality_is_the_closed_form_with_kappa_and_A0_over_every_class(double fineTuningCost)
    {
        // model.md §3 with κ = Σ α_j and A0 = Π (α_j/c_j)^(α_j), written out here.
        var model = Model(Three, fineTuningCost, scales: false);
        double kappa = Three.Sum(c => c.Exponent), gamma = 0.1, b = 1, delta = 1 - kappa, rho = kappa + gamma, epsilon = 1 - rho;
        double a0 = Three.Aggregate(1.0, (p, c) => p * Math.Pow(c.Exponent / c.Cost, c.Exponent)), a = a0 * Math.Pow(gamma / fineTuningCost, gamma);
        double threshold = Math.Pow(b, epsilon) * Three.Aggregate(1.0, (p, c) => p * Math.Pow(c.Cost / c.Exponent, c.Exponent)) * Math.Pow(fineTuningCost / gamma, delta);
        Assert.Equal(threshold, model.FineTuningThreshold, 1e-12 * threshold);
        foreach (double w in new[] { 0.6, 0.8, 1.0 })
        {
            double phi = 2 * w - 1;
            double q = phi <= threshold ? Math.Pow(phi, kappa / delta) * Math.Pow(a0 * Math.Pow(b, gamma), 1 / delta) : Math.Pow(phi, rho / epsilon) * Math.Pow(a, 1 / epsilon);
            Assert.True(Math.Abs(model.Contract(w, 1).Quality - q) <= 1e-12 * q, $"w = {w}: {model.Contract(w, 1).Quality:R} vs {q:R}");
        }
    }

    [Fact]
    public void Every_result_splits_its_token_spend_by_the_class_exponents()
    {
        TokenClass[] four = [.. Three, new("reasoning", 0.08, 2.0)];
        var model = Model(four, 0.002);
        var d = model.Description;
        Assert.Equal(four.Select(c => new TokenCost(c.Name, c.Cost)), d.TokenCosts);
        foreach (var (w, s) in new[] { (0.7, 0.5), (0.95, 1.0) })
        {
            var contract = model.Contract(w, s);
            var tokens = d.ClassTokens(contract);
            // Input and Output report the classes so named, wherever they are declared.
            Assert.Equal(contract.Input, tokens[0]);
            Assert.Equal(contract.Output, tokens[2]);
            // Spend on class j is α_j × the same gross value, so c_j x_j / α_j is one number.
            for (int j = 1; j < four.Length; j++)
                Assert.Equal(four[0].Cost * tokens[0] / four[0].Exponent, four[j].Cost * tokens[j] / four[j].Exponent, 1e-12 * four[0].Cost * tokens[0] / four[0].Exponent);
            double spend = s * four.Select((c, j) => c.Cost * tokens[j]).Sum() + d.FineTuningCost * contract.FineTuning;
            Assert.Equal(contract.Cost, spend, 1e-12 * contract.Cost);

            var tariff = model.Tariff(w, s);
            Assert.Equal(four.Select(c => tariff.Markup * c.Cost), d.ClassPrices(tariff));
            Assert.Equal(tariff.InputPrice, d.ClassPrices(tariff)[0]);
            Assert.Equal(tariff.OutputPrice, d.ClassPrices(tariff)[2]);
        }
        var package = model.Package(0.9);
        double packageSpend = four.Select((c, j) => c.Cost * d.ClassTokens(package)[j]).Sum() + d.FineTuningCost * package.FineTuning;
        Assert.Equal(package.Cost, packageSpend, 1e-12 * package.Cost);
        var efficient = model.Efficient(0.9, 0.8);
        Assert.Equal(4, d.ClassTokens(efficient).Length);
    }

    [Fact]
    public void Without_input_and_output_names_the_first_two_declared_classes_are_reported()
    {
        TokenClass[] renamed = [new("prompt", 0.2, 1.0), new("completion", 0.2, 4.0), new("cache", 0.05, 0.1)];
        var model = Model(renamed, 0.002);
        var contract = model.Contract(0.9, 0.8);
        var tokens = model.Description.ClassTokens(contract);
        Assert.Equal([contract.Input, contract.Output], tokens[..2]);
        Assert.Equal((1.0, 4.0), (model.Description.InputCost, model.Description.OutputCost));
        // Declared in another order, input and output found by name: the same model.
        var reordered = Model([new("output", 0.2, 4.0), new("cache", 0.05, 0.1), new("input", 0.2, 1.0)], 0.002);
        Assert.Equal(Model([new("input", 0.2, 1.0), new("output", 0.2, 4.0), new("cache", 0.05, 0.1)], 0.002).Contract(0.9, 0.8), reordered.Contract(0.9, 0.8));
    }

    [Fact]
    public void Two_class_technologies_report_input_and_output()
    {
        var d = Models.ExampleA().Description;
        Assert.Equal([new TokenCost("input", 1), new TokenCost("output", 2)], d.TokenCosts);
        var contract = Models.ExampleA().Contract(0.8, 0.5);
        Assert.Equal([contract.Input, contract.Output], d.ClassTokens(contract));
    }

    [Fact]
    public void The_menu_of_a_token_class_model_passes_the_audit()
    {
        var report = MenuAudit.Audit(Model(Three, 0.002));
        Assert.True(report.MaxRegret <= 1e-9, report.ToString());
        Assert.True(report.ParticipationViolation <= 1e-12, report.ToString());
    }

    [Fact]
    public void The_description_carries_the_classes_and_compares_by_value()
    {
        var one = Model(Three, 0.02).Description;
        var two = Model([.. Three.Select(c => c with { })], 0.02).Description;
        var technology = Assert.IsType<TokenClassTechnology>(one.Technology);
        Assert.Equal(Three, technology.Classes);
        Assert.Equal(one.Technology, two.Technology);
        Assert.Equal(one.Technology.GetHashCode(), two.Technology.GetHashCode());
        Assert.NotEqual(one.Technology, Model([Three[0], Three[1], Three[2] with { Cost = 4.5 }], 0.02).Description.Technology);
        Assert.Equal(0.1, one.Gamma);
        Assert.Equal(1.0, one.BaseQuality);
        Assert.Equal((1.0, 4.0), (one.InputCost, one.OutputCost));
        Assert.Contains("cached_input", technology.ToString());
    }

    [Theory]
    [InlineData("one class", "classes")]
    [InlineData("duplicate name", "classes")]
    [InlineData("zero exponent", "classes")]
    [InlineData("NaN cost", "classes")]
    [InlineData("empty name", "classes")]
    [InlineData("increasing returns", "gamma")]
    [InlineData("zero gamma", "gamma")]
    [InlineData("negative fine-tuning cost", "fineTuningCost")]
    [InlineData("zero base quality", "baseQuality")]
    public void Bad_token_classes_are_refused_by_name(string fault, string parameter)
    {
        TokenClass[] classes = fault switch
        {
            "one class" => [Three[0]],
            "duplicate name" => [Three[0], Three[2], new("INPUT", 0.1, 1)],
            "zero exponent" => [Three[0], Three[1] with { Exponent = 0 }, Three[2]],
            "NaN cost" => [Three[0], Three[1] with { Cost = double.NaN }, Three[2]],
            "empty name" => [Three[0], Three[1] with { Name = " " }, Three[2]],
            "increasing returns" => [Three[0] with { Exponent = 0.7 }, Three[1], Three[2]],
            _ => Three,
        };
        double gamma = fault == "zero gamma" ? 0 : 0.1, cz = fault == "negative fine-tuning cost" ? -1 : 0.5, b = fault == "zero base quality" ? 0 : 1;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PricingModel.TokenClasses(classes, gamma, cz, b));
        Assert.Equal(parameter, e.ParamName);
        if (fault == "duplicate name") Assert.Contains("'INPUT' is declared twice", e.Message);
        if (fault == "increasing returns") Assert.Contains("sum to 1.05", e.Message);
    }

    [Fact]
    public void Token_classes_carry_their_costs_so_WithCosts_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PricingModel.TokenClasses(Three, 0.1, 0.5).WithCosts(1, 1, 1));
        Assert.Contains("carry their own costs", e.Message);
        Assert.Throws<ArgumentNullException>(() => PricingModel.TokenClasses(null!, 0.1, 0.5));
        Assert.Throws<ArgumentNullException>(() => PricingModel.TokenClasses([Three[0], null!], 0.1, 0.5));
    }
}
