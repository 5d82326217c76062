using System;
using System.Linq;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Distributions;

/// <summary>
/// TypeDistribution.Empirical: a piecewise-linear distribution function through equal-count bins of a sample. Checked
/// against the sample's own ECDF and against closed forms of the law the sample was drawn from.
/// </summary>
public sealed class EmpiricalDistributionTests
{
    private static double[] Draw(int seed, int count, Func<Random, double> draw)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => draw(random))];
    }

    [Fact]
    public void Empirical_cdf_matches_the_ecdf_within_one_bin()
    {
        double[] sample = Draw(20261130, 10000, r => -Math.Log(1 - r.NextDouble()) / 3);
        var d = TypeDistribution.Empirical(sample);
        Assert.Equal("Empirical(n = 10000)", d.ToString());
        Assert.Null(d.Kind);
        Assert.Empty(d.Parameters);
        Assert.Equal((sample.Min(), sample.Max()), d.Support);
        double[] sorted = [.. sample.OrderBy(x => x)];
        double bin = 1.0 / 100; // ⌊√10000⌋ = 100 bins
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = d.Cdf(sorted[i]);
            Assert.True(f >= (double)i / sorted.Length - bin - 1e-12 && f <= (i + 1.0) / sorted.Length + bin + 1e-12, $"F({sorted[i]}) = {f} at rank {i}");
        }
        Assert.Equal(0, d.Cdf(sorted[0]));
        Assert.Equal(1, d.Cdf(sorted[^1]));
        Assert.Equal(0, d.Cdf(-1));
        Assert.Equal(0, d.Pdf(sorted[^1] + 1));

        // Quantile inverts the CDF; the density integrates to one (midpoint rule is exact on each constant piece, so
        // split the support finely); φ̄ is non-decreasing and equals t at the top.
        foreach (double u in new[] { 0.001, 0.1, 0.37, 0.5, 0.9, 0.999 })
            Assert.Equal(u, d.Cdf(d.Quantile(u)), 1e-12);
        Assert.Equal(sorted[0], d.Quantile(0));
        Assert.Equal(sorted[^1], d.Quantile(1));
        double lo = sorted[0], hi = sorted[^1];
        int steps = 200000;
        double mass = Enumerable.Range(0, steps).Sum(k => d.Pdf(lo + (k + 0.5) * (hi - lo) / steps)) * (hi - lo) / steps;
        Assert.Equal(1, mass, 2e-3);
        double previous = double.NegativeInfinity;
        for (int k = 0; k <= 2000; k++)
        {
            double t = lo + k * (hi - lo) / 2000, phi = d.VirtualValue(t);
            Assert.True(double.IsFinite(phi) && phi >= previous - 1e-9 * Math.Max(1, Math.Abs(previous)), $"φ̄({t}) = {phi} after {previous}");
            previous = phi;
        }
        Assert.Equal(hi, d.VirtualValue(hi), 1e-12);
    }

    [Fact]
    public void Empirical_irons_a_bimodal_sample()
    {
        double[] sample = Draw(20261203, 4000, r => r.NextDouble() < 0.8 ? r.NextDouble() : 3 + 0.2 * r.NextDouble());
        var d = TypeDistribution.Empirical(sample);
        Assert.NotEmpty(d.PoolingIntervals);
        // Some raw virtual value falls (the sparse stretch between the modes), and the ironed one does not.
        double lo = d.Support.Lower, hi = d.Support.Upper;
        double[] grid = [.. Enumerable.Range(0, 4001).Select(k => lo + k * (hi - lo) / 4000)];
        Assert.Contains(Enumerable.Range(1, grid.Length - 1), k => d.RawVirtualValue(grid[k]) < d.RawVirtualValue(grid[k - 1]) - 1e-6);
        for (int k = 1; k < grid.Length; k++) Assert.True(d.VirtualValue(grid[k]) >= d.VirtualValue(grid[k - 1]) - 1e-9);
    }

    [Fact]
    public void Empirical_handles_ties()
    {
        // Values on a grid of tenths: many equal order statistics, so equal bin edges merge.
        double[] sample = Draw(20261204, 2500, r => Math.Round(r.NextDouble() * 10) / 10);
        var d = TypeDistribution.Empirical(sample);
        Assert.Equal((0.0, 1.0), d.Support);
        double previous = 0;
        for (int k = 0; k <= 1000; k++)
        {
            double t = k / 1000.0, f = d.Cdf(t);
            Assert.True(f >= previous && double.IsFinite(d.Pdf(t)) && d.Pdf(t) > 0, $"t = {t}");
            previous = f;
        }
        // At a grid value the law sits within the tie's mass of the ECDF (a tie holds about a tenth of the sample).
        foreach (double v in new[] { 0.2, 0.5, 0.8 })
        {
            double below = sample.Count(x => x < v) / 2500.0, upTo = sample.Count(x => x <= v) / 2500.0;
            Assert.InRange(d.Cdf(v), below - 0.02, upTo + 0.02);
        }
        Assert.NotNull(TypeDistribution.Empirical([1.0, 2.0]));
        Assert.Equal(0.5, TypeDistribution.Empirical([1.0, 1, 2, 2]).Cdf(1.5), 1e-12);
    }

    [Fact]
    public void Empirical_rejects_bad_samples_by_name_index_and_value()
    {
        var nan = Assert.Throws<ArgumentOutOfRangeException>(() => TypeDistribution.Empirical([0.1, 0.2, 0.3, double.NaN]));
        Assert.Equal("sample", nan.ParamName);
        Assert.Contains("Entry 3", nan.Message);
        Assert.Contains("NaN", nan.Message);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => TypeDistribution.Empirical([0.1, -0.5]));
        Assert.Contains("Entry 1", negative.Message);
        Assert.Contains("-0.5", negative.Message);
        Assert.Equal("sample", Assert.Throws<ArgumentOutOfRangeException>(() => TypeDistribution.Empirical([double.PositiveInfinity, 1])).ParamName);
        Assert.Equal("sample", Assert.Throws<ArgumentOutOfRangeException>(() => TypeDistribution.Empirical([double.NegativeInfinity, 1])).ParamName);
        Assert.Equal("sample", Assert.Throws<ArgumentException>(() => TypeDistribution.Empirical([0.4])).ParamName);
        Assert.Equal("sample", Assert.Throws<ArgumentException>(() => TypeDistribution.Empirical([0.4, 0.4, 0.4])).ParamName);
        Assert.Throws<ArgumentNullException>(() => TypeDistribution.Empirical(null!));
    }

    [Fact]
    public void A_model_on_an_empirical_uniform_sample_earns_the_uniform_models_profit()
    {
        // Example A without scales: w ~ U[0, 1], φ = 2w − 1, q = A0² φ (model.md §9 with s = 1), so the expected profit is
        // ∫_{½}^1 (φ q − C(q)) dw with C = q²/(2 A0²): A0² ∫ (2w − 1)²/2 dw = A0²/12.
        // A plain sample's own noise moves this profit by about CV(ψ)/√n ≈ 1.6/√n (ψ = A0²(2w − 1)²/2 above ½), 0.8% at
        // n = 40 000; so the estimator's bias is measured on a jittered sample (one uniform draw per stratum [k/n, (k+1)/n)),
        // and a plain sample of 200 000 (noise ≈ 0.36%) is held to the 1%.
        double a0Squared = Math.Pow(Math.Pow(0.3, 0.3) * Math.Pow(0.1, 0.2), 2);
        double Profit(double[] sample) =>
            PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(TypeDistribution.Empirical(sample)).Build().ExpectedProfit();
        var random = new Random(20261205);
        double[] jittered = [.. Enumerable.Range(0, 40000).Select(k => (k + random.NextDouble()) / 40000)];
        double[] plain = [.. Enumerable.Range(0, 200000).Select(_ => random.NextDouble())];
        double fromJittered = Profit(jittered), fromPlain = Profit(plain);
        Assert.True(Math.Abs(fromJittered / (a0Squared / 12) - 1) <= 1e-3, $"jittered sample: {fromJittered} vs uniform {a0Squared / 12}");
        Assert.True(Math.Abs(fromPlain / (a0Squared / 12) - 1) <= 0.01, $"plain sample: {fromPlain} vs uniform {a0Squared / 12}");
    }

    [Fact]
    public void Every_member_of_a_model_on_an_empirical_law_is_finite()
    {
        // Fine-tuning in play (cheap tokens, θ̂ ≈ 0.626) and a bimodal sample that needs ironing.
        double[] sample = Draw(20261206, 3000, r => r.NextDouble() < 0.7 ? 0.5 * r.NextDouble() : 0.8 + 0.4 * r.NextDouble());
        var law = TypeDistribution.Empirical(sample);
        var model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(0.1, 0.1, 0.1).WithValues(law).WithScales(Distribution.Uniform, 0.2, 1).Build();
        Assert.True(double.IsFinite(model.ReserveValue) && double.IsFinite(model.FineTuningThreshold));
        double lo = law.Support.Lower, hi = law.Support.Upper;
        foreach (double w in Enumerable.Range(0, 41).Select(k => lo + k * (hi - lo) / 40))
            foreach (double s in new[] { 0.2, 0.6, 1.0 })
            {
                var c = model.Contract(w, s);
                var t = model.Tariff(w, s);
                var a = model.Efficient(w, s);
                var p = model.Package(model.Theta(w, s));
                var pt = model.PackageTariff(model.Theta(w, s));
                double[] numbers = [c.Quality, c.Transfer, c.Profit, c.BuyerUtility, t.Fee, a.Quality, a.Surplus, p.Quality, p.Transfer, p.Profit,
                    model.VirtualValue(w), model.Theta(w, s), pt.Fee];
                Assert.All(numbers, x => Assert.True(double.IsFinite(x), $"w = {w}, s = {s}: {string.Join(", ", numbers)}"));
                Assert.True(c.BuyerUtility >= -1e-9 * Math.Max(1, c.Transfer), $"participation at w = {w}, s = {s}");
            }
        double profit = model.ExpectedProfit(), packages = model.ExpectedPackageProfit();
        Assert.True(double.IsFinite(profit) && profit > 0 && double.IsFinite(packages) && packages > 0 && packages <= profit * (1 + 1e-9));
        var audit = MenuAudit.Audit(model);
        Assert.True(double.IsFinite(audit.MaxRegret), audit.ToString());
        Assert.True(audit.DirectRegret <= 1e-6, audit.ToString());
    }
}
