using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MathNet.Numerics.Distributions;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// Calibration from usage (issue 11, part 2): usage per token class, the usage CSV, and the fitted law of θ. Every
/// expected value is computed here (model.md's closed forms, MathNet's normal law, sample statistics), never by the
/// code under test.
/// </summary>
public sealed class CalibrationFitTests
{
    private static readonly TokenClass[] Classes =
        [new("input", 0.25, 1.0), new("cached_input", 0.05, 0.1), new("output", 0.2, 4.0)];

    private const double Gamma = 0.1, BaseQuality = 1, FineTuningCost = 0.012, Markup = 1.5, Mu = 0, Sigma = 0.3;

    private static ModelBuilder<IIndexModel> Builder() => PricingModel.TokenClasses(Classes, Gamma, FineTuningCost, BaseQuality);

    /// <summary>Standard normal draws by Box-Muller, all up front.</summary>
    private static double[] Normals(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))];

    /// <summary>
    /// model.md §2 over J classes: a buyer of index θ facing prices m·c buys the first best of t = θ/m: gross value
    /// V = (t A0 b^γ)^(1/δ) below θ̂ and (t A)^(1/ε) above, x_j = α_j V/c_j, b + z = max(b, γ V/c_z), with κ = Σα_j,
    /// A0 = Π(α_j/c_j)^(α_j), A = A0 (γ/c_z)^γ, θ̂ = b^ε Π(c_j/α_j)^(α_j) (c_z/γ)^δ.
    /// </summary>
    private static (double[] Tokens, double FineTuning, bool FineTunes) Bought(double theta)
    {
        double kappa = Classes.Sum(c => c.Exponent), delta = 1 - kappa, epsilon = delta - Gamma;
        double a0 = Classes.Aggregate(1.0, (p, c) => p * Math.Pow(c.Exponent / c.Cost, c.Exponent));
        double a = a0 * Math.Pow(Gamma / FineTuningCost, Gamma);
        double threshold = Math.Pow(BaseQuality, epsilon) / a0 * Math.Pow(FineTuningCost / Gamma, delta);
        double t = theta / Markup;
        double gross = t <= threshold ? Math.Pow(t * a0 * Math.Pow(BaseQuality, Gamma), 1 / delta) : Math.Pow(t * a, 1 / epsilon);
        return ([.. Classes.Select(c => c.Exponent * gross / c.Cost)], Math.Max(0, Gamma * gross / FineTuningCost - BaseQuality), t > threshold);
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Round_trip_from_simulated_usage_recovers_thetas_the_law_and_the_menu_profit()
    {
        // 20 000 buyers with w ~ LogNormal(0, 0.3), s = 1 (θ = w), plus 300 who bought nothing, written to a CSV with a
        // customer id and the classes in another order and case, read back, inverted and fitted.
        var random = new Random(20261130);
        double[] thetas = [.. Normals(random, 20000).Select(z => Math.Exp(Mu + Sigma * z))];
        var csv = new StringBuilder("customer,OUTPUT,fine_tuning,Cached_Input,input\n");
        var bought = thetas.Select(Bought).ToArray();
        Assert.InRange(bought.Count(b => b.FineTunes), 500, 19500); // fine-tuning is in play for some customers, not all
        for (int i = 0; i < thetas.Length; i++)
            csv.Append($"c{i},{R(bought[i].Tokens[2])},{R(bought[i].FineTuning)},{R(bought[i].Tokens[1])},{R(bought[i].Tokens[0])}\n");
        for (int i = 0; i < 300; i++) csv.Append($"idle{i},0,0,0,0\n");

        var truth = Builder().WithValues(TypeDistribution.LogNormal(Mu, Sigma)).Build();
        var usage = Calibration.ReadUsage(new StringReader(csv.ToString()), truth.Description);
        Assert.Equal(20300, usage.Length);
        var recovered = Calibration.Thetas(truth, usage, Markup);
        for (int i = 0; i < thetas.Length; i++)
            Assert.True(Math.Abs(recovered[i] - thetas[i]) <= 1e-9 * thetas[i], $"customer {i}: θ = {thetas[i]}, recovered {recovered[i]}");
        Assert.All(recovered.Skip(thetas.Length), t => Assert.Equal(0, t));

        var fit = Calibration.FitValues(recovered);
        Assert.Equal(Distribution.LogNormal, fit.Family);
        Assert.Equal(300, fit.ZeroCount);
        Assert.Equal(20000, fit.SampleSize);
        // Maximum likelihood of a log-normal law: the mean and (1/n) standard deviation of the logs.
        double mu = thetas.Average(Math.Log), sigma = Math.Sqrt(thetas.Average(t => (Math.Log(t) - mu) * (Math.Log(t) - mu)));
        Assert.Equal(mu, fit.Distribution.Parameters[0], 1e-8);
        Assert.Equal(sigma, fit.Distribution.Parameters[1], 1e-8);

        // Distance to the TRUE law, on a fine grid of z = (ln t − μ)/σ.
        double ks = Enumerable.Range(0, 4001).Select(k => -8 + k * 0.004)
            .Max(z => Math.Abs(fit.Distribution.Cdf(Math.Exp(Mu + Sigma * z)) - Normal.CDF(0, 1, z)));
        Assert.True(ks <= 0.02, $"KS distance of the fitted law to the true law: {ks}");

        // Expected profit of the optimal menu: the fitted model's own, and the fitted menu's under the true law (a
        // trapezoid over z of Contract(w, 1).Profit against the normal density; the same quadrature of the true menu
        // must give the true model's ExpectedProfit).
        var fitted = Builder().WithValues(fit.Distribution).Build();
        double trueProfit = truth.ExpectedProfit(), fittedProfit = fitted.ExpectedProfit();
        double UnderTruth(IIndexModel menu)
        {
            const double h = 0.005;
            double sum = 0;
            for (int k = 0; k <= 3200; k++)
            {
                double z = -8 + k * h, weight = k == 0 || k == 3200 ? h / 2 : h;
                sum += weight * Normal.PDF(0, 1, z) * menu.Contract(Math.Exp(Mu + Sigma * z), 1).Profit;
            }
            return sum;
        }
        double trueByQuadrature = UnderTruth(truth), fittedUnderTruth = UnderTruth(fitted);
        Assert.True(Math.Abs(trueByQuadrature / trueProfit - 1) <= 1e-6, $"quadrature {trueByQuadrature} vs ExpectedProfit {trueProfit}");
        Assert.True(Math.Abs(fittedProfit / trueProfit - 1) <= 0.01, $"fitted model's profit {fittedProfit} vs true {trueProfit}");
        // No menu beats the optimum under the true law (compared within the same quadrature; the fitted menu is so close
        // to the optimal one that the loss is second order, below the quadrature's own error against ExpectedProfit).
        Assert.True(fittedUnderTruth <= trueByQuadrature * (1 + 1e-6), $"no menu beats the optimum: {fittedUnderTruth} vs {trueByQuadrature}");
        Assert.True(fittedUnderTruth >= 0.99 * trueProfit, $"fitted menu under the true law {fittedUnderTruth} vs optimum {trueProfit}");
        Console.WriteLine($"round trip: profit true {trueProfit:R}, fitted model {fittedProfit:R}, fitted menu under truth {fittedUnderTruth:R}, " +
            $"KS to truth {ks:R}, KS to ECDF {fit.KolmogorovSmirnov:R}, fine-tuners {bought.Count(b => b.FineTunes)}");
    }

    [Fact]
    public void Usage_per_class_keeps_the_two_class_constructor_and_compares_by_value()
    {
        var two = new Usage(1, 2, 3);
        Assert.Equal(two, new Usage([1.0, 2.0], 3));
        Assert.True(two == new Usage([1.0, 2.0], 3));
        Assert.Equal(two.GetHashCode(), new Usage([1.0, 2.0], 3).GetHashCode());
        Assert.NotEqual(two, new Usage([1.0, 2.0, 0.0], 3));
        Assert.Equal((1.0, 2.0, 3.0), (two.Input, two.Output, two.FineTuning));
        var (input, output, fineTuning) = new Usage([4.0, 5.0, 6.0], 7);
        Assert.Equal((4.0, 5.0, 7.0), (input, output, fineTuning));
        Assert.Empty(default(Usage).Tokens);
        // A copy: changing the caller's array does not change the usage.
        double[] tokens = [1, 2, 3];
        var usage = new Usage(tokens, 0);
        tokens[0] = 9;
        Assert.Equal(1, usage.Input);
    }

    [Fact]
    public void Thetas_reject_a_usage_with_the_wrong_number_of_classes_by_row()
    {
        var model = Builder().WithValues(Distribution.Uniform, 0, 1).Build();
        var e = Assert.Throws<ArgumentException>(() => Calibration.Thetas(model, [new Usage([1.0, 1, 1], 0), new Usage(1, 1, 0)], 1.5));
        Assert.Equal("usage", e.ParamName);
        Assert.Contains("Usage 1", e.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Thetas(model, [new Usage([1.0, -2, 1], 0)], 1.5));
        Assert.Equal("usage", negative.ParamName);
        Assert.Contains("cached_input", negative.Message);
    }

    [Fact]
    public void ReadUsage_matches_columns_by_name_and_skips_other_columns()
    {
        var model = Builder().WithValues(Distribution.Uniform, 0, 1).Build();
        const string csv = "Customer, OUTPUT ,Fine_Tuning,cached_input,Input,region\n" +
                           "c1,10,0,5,20,eu\n" +
                           "\n" +
                           "\"acme, inc\",1e3,2.5,0,3.25,\"us\"\n";
        var rows = Calibration.ReadUsage(new StringReader(csv), model.Description);
        Assert.Equal([new Usage([20.0, 5, 10], 0), new Usage([3.25, 0, 1000], 2.5)], rows);

        // Two classes, no fine-tuning column: fine-tuning is 0.
        var two = Calibration.ReadUsage(new StringReader("output,input\n2,1\n"), Models.ExampleA().Description);
        Assert.Equal([new Usage(1, 2, 0)], two);

        string path = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "input,output\n1,2\n3,x\n");
            var e = Assert.Throws<FormatException>(() => Calibration.ReadUsage(path, Models.ExampleA().Description));
            Assert.Contains(path, e.Message);
            Assert.Contains("Line 3", e.Message);
            File.WriteAllText(path, "input,output\n1,2\n");
            Assert.Equal([new Usage(1, 2, 0)], Calibration.ReadUsage(path, Models.ExampleA().Description));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("", new[] { "empty", "header" })]
    [InlineData("customer,input,output\nc1,1,2\n", new[] { "Line 1", "cached_input" })]
    [InlineData("input,cached_input,output,INPUT\n1,2,3,4\n", new[] { "Line 1", "'input'", "2 times" })]
    [InlineData("input,cached_input,output\n1,2,3\n1,abc,3\n", new[] { "Line 3", "'cached_input'", "'abc'", "not a number" })]
    [InlineData("input,cached_input,output\n1,2,-3\n", new[] { "Line 2", "'output'", "'-3'", "negative" })]
    [InlineData("input,cached_input,output\n1,NaN,3\n", new[] { "Line 2", "'cached_input'", "'NaN'", "finite" })]
    [InlineData("input,cached_input,output\n1,2,Infinity\n", new[] { "Line 2", "'output'", "'Infinity'", "finite" })]
    [InlineData("input,cached_input,output\n1,2\n", new[] { "Line 2", "'output'", "missing" })]
    [InlineData("input,cached_input,output,fine_tuning\n1,2,3,1,5\n1,2,3,\n", new[] { "Line 3", "'fine_tuning'", "''", "not a number" })]
    [InlineData("input,cached_input,output\n1,2,\"3\n", new[] { "Line 2", "quoted" })]
    public void ReadUsage_reports_bad_tables_by_line_column_and_text(string csv, string[] parts)
    {
        var model = Builder().WithValues(Distribution.Uniform, 0, 1).Build();
        var e = Assert.Throws<FormatException>(() => Calibration.ReadUsage(new StringReader(csv), model.Description));
        foreach (string part in parts) Assert.Contains(part, e.Message);
    }

    private static double[] Sample(Random random, int count, Func<Random, double> draw) => [.. Enumerable.Range(0, count).Select(_ => draw(random))];

    [Fact]
    public void FitValues_picks_the_family_the_sample_was_drawn_from()
    {
        var random = new Random(20261201);
        double[] exponential = Sample(random, 5000, r => -Math.Log(1 - r.NextDouble()) / 2);
        double[] logNormal = [.. Normals(random, 5000).Select(z => Math.Exp(0.5 + 0.8 * z))];
        double[] uniform = Sample(random, 5000, r => 0.2 + 0.8 * r.NextDouble());

        var e = Calibration.FitValues(exponential);
        Assert.Equal(Distribution.Exponential, e.Family);
        Assert.Equal(1 / exponential.Average(), e.Distribution.Parameters[0], 1e-10);
        var l = Calibration.FitValues(logNormal);
        Assert.Equal(Distribution.LogNormal, l.Family);
        var u = Calibration.FitValues(uniform);
        Assert.Equal(Distribution.Uniform, u.Family);
        Assert.Equal([uniform.Min(), uniform.Max()], u.Distribution.Parameters);

        foreach (var fit in new[] { e, l, u })
        {
            Assert.True(fit.KolmogorovSmirnov <= fit.CriticalDistance);
            Assert.Equal(1.36 / Math.Sqrt(5000), fit.CriticalDistance, 1e-15);
            Assert.Equal(fit.Candidates.Min(c => c.Aic), fit.Candidates.Single(c => c.Family == fit.Family).Aic);
            Assert.True(fit.Candidates.Count >= 5, string.Join("; ", fit.Candidates.Select(c => $"{c.Family} {c.Aic}")));
        }
    }

    [Fact]
    public void FitValues_falls_back_to_the_empirical_law_for_a_bimodal_sample_and_can_be_forced()
    {
        var random = new Random(20261202);
        double[] bimodal = Sample(random, 5000, r => r.NextDouble() < 0.6 ? 0.1 + 0.2 * r.NextDouble() : 0.8 + 0.2 * r.NextDouble());
        var fit = Calibration.FitValues(bimodal);
        Assert.Null(fit.Family);
        Assert.Equal("Empirical(n = 5000)", fit.Distribution.ToString());
        Assert.True(fit.Candidates.All(c => c.KolmogorovSmirnov > fit.CriticalDistance));
        Assert.True(fit.KolmogorovSmirnov <= 1.0 / 70 + 1.0 / 5000, $"empirical KS {fit.KolmogorovSmirnov}");

        Assert.Equal(Distribution.Pareto, Calibration.FitValues(bimodal, family: Distribution.Pareto).Family);
        Assert.Null(Calibration.FitValues([0.5, 1, 2, 3], empirical: true).Family);
        Assert.Equal("empirical", Assert.Throws<ArgumentException>(() => Calibration.FitValues(bimodal, Distribution.Uniform, empirical: true)).ParamName);
    }

    [Fact]
    public void FitValues_counts_zeros_out_and_rejects_bad_entries_by_index()
    {
        var fit = Calibration.FitValues([0, 0.2, 0, 0.4, 0.9, 0.5]);
        Assert.Equal(2, fit.ZeroCount);
        Assert.Equal(4, fit.SampleSize);
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.FitValues([0.1, 0.2, double.NaN]));
        Assert.Equal("thetas", nan.ParamName);
        Assert.Contains("Entry 2", nan.Message);
        Assert.Contains("Entry 0", Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.FitValues([-1, 0.2])).Message);
        Assert.Equal("thetas", Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.FitValues([double.PositiveInfinity, 0.2])).ParamName);
        Assert.Equal("thetas", Assert.Throws<ArgumentException>(() => Calibration.FitValues([0, 0, 0.3])).ParamName);
        Assert.Equal("thetas", Assert.Throws<ArgumentException>(() => Calibration.FitValues([0.3, 0.3])).ParamName);
    }
}
