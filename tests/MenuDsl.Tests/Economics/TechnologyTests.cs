using System;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// CES (model.md §8): the closed form (Cobb-Douglas in the CES composite) against the same v solved numerically as a
/// custom technology with derivatives written by hand, against a brute-force maximisation, and in the limit r → 0
/// against Cobb-Douglas; and the typed <see cref="ModelDescription.Technology"/>.
/// </summary>
public class TechnologyTests(ITestOutputHelper output)
{
    private const double Share = 0.6, Degree = 0.5, Gamma = 0.15, Base = 1.0;

    // Expensive tokens: nobody with w ≤ 2 fine-tunes. Cheap fine-tuning: the upper types do, the lower ones do not.
    private static readonly (double X, double Y, double Z) NoFineTuning = (1, 2, 5), SomeFineTuning = (0.01, 0.02, 0.3);

    private static readonly TypeDistribution Uniform = TypeDistribution.Uniform(0, 1), Beta = TypeDistribution.Beta(2, 3, 0, 2);
    private static readonly TypeDistribution Scales = TypeDistribution.Uniform(0.2, 1);

    private static readonly double[] Levels = [0.05, 0.3, 0.55, 0.7, 0.85, 0.99];

    private static ModelBuilder<T> With<T>(ModelBuilder<T> builder, (double X, double Y, double Z) costs, TypeDistribution values, bool scales)
        where T : class, IPricingModel
    {
        var b = builder.WithCosts(costs.X, costs.Y, costs.Z).WithValues(values);
        return scales ? b.WithScales(Scales) : b;
    }

    public static TheoryData<double, bool, bool, bool> CesCases()
    {
        var data = new TheoryData<double, bool, bool, bool>();
        foreach (double r in new[] { -1, -0.3, 0.4 })
            foreach (bool fineTuning in new[] { false, true })
                foreach (bool uniform in new[] { true, false })
                    foreach (bool scales in new[] { false, true })
                        data.Add(r, fineTuning, uniform, scales);
        return data;
    }

    [Theory]
    [MemberData(nameof(CesCases))]
    public void Ces_closed_form_agrees_with_the_numeric_path_on_every_member(double r, bool fineTuning, bool uniform, bool scales)
    {
        var costs = fineTuning ? SomeFineTuning : NoFineTuning;
        var values = uniform ? Uniform : Beta;
        var closed = With(PricingModel.Ces(Share, r, Degree, Gamma, Base), costs, values, scales).Build();
        var numeric = With(PricingModel.Custom(Technologies.Ces(Share, r, Degree, Gamma, Base)), costs, values, scales).Build();
        Assert.IsType<CustomModel>(numeric);

        double[] ws = Agreement.Quantiles(values, Levels);
        double[] ss = scales ? Agreement.Quantiles(Scales, 0.05, 0.5, 0.95) : [1.0];
        var agreement = Agreement.Of(closed, numeric, Base, ws, ss);
        output.WriteLine($"r = {r}, fine-tuning {fineTuning}, uniform {uniform}, scales {scales}: {agreement}");

        // The cases are what they claim: fine-tuning happens for some types and not others, or for none.
        var tunes = (from w in ws from s in ss select closed.Efficient(w, s).FineTunes).ToArray();
        output.WriteLine("fine-tunes: " + string.Join(" ", tunes.Select(t => t ? 1 : 0)) + "; contracts: "
            + string.Join(" ", from w in ws from s in ss select closed.Contract(w, s).FineTuning > 0 ? 1 : 0));
        if (fineTuning)
        {
            Assert.Contains(true, tunes);
            Assert.Contains(false, tunes);
        }
        else Assert.DoesNotContain(true, tunes);
        Assert.True(agreement.Worst <= 1e-8, agreement.ToString());
    }

    public static TheoryData<double> Substitutions => new() { -1, -0.3, 0.4 };

    /// <summary>
    /// The first best of the closed form against a brute-force maximisation of s (w v − c_x x − c_y y) − c_z z written
    /// here: nested golden-section searches over ln x, ln y and ln(b + z) (the objective is jointly concave, so each
    /// nested maximum is unimodal in its coordinate; z = 0 is the lower end of the outer bracket).
    /// </summary>
    [Theory]
    [MemberData(nameof(Substitutions))]
    public void Ces_first_best_matches_brute_force(double r)
    {
        var (cx, cy, cz) = SomeFineTuning;
        var model = PricingModel.Ces(Share, r, Degree, Gamma, Base).WithCosts(cx, cy, cz).WithValues(Distribution.Uniform, 0, 2)
            .WithScales(Scales).Build();
        double V(double x, double y, double z) => Math.Pow(Share * Math.Pow(x, r) + (1 - Share) * Math.Pow(y, r), Degree / r) * Math.Pow(Base + z, Gamma);
        bool sawFineTuning = false, sawNone = false;
        double worst = 0;
        foreach (var (w, s) in new[] { (0.3, 1.0), (0.6, 0.5), (1.0, 1.0), (1.5, 0.3), (2.0, 1.0) })
        {
            double Objective(double lx, double ly, double t)
            {
                double x = Math.Exp(lx), y = Math.Exp(ly), z = Math.Exp(t) - Base;
                return s * (w * V(x, y, z) - cx * x - cy * y) - cz * z;
            }
            double bestLx = 0, bestLy = 0;
            double OverY(double lx, double t) => Golden(ly => Objective(lx, ly, t), -25, 25, out bestLy);
            double OverXy(double t) => Golden(lx => OverY(lx, t), -25, 25, out bestLx);
            Golden(OverXy, Math.Log(Base), Math.Log(Base) + 25, out double bestT);
            // Recover the inner arguments at the optimum.
            OverXy(bestT);
            OverY(bestLx, bestT);
            double x = Math.Exp(bestLx), y = Math.Exp(bestLy), bz = Math.Exp(bestT);
            Assert.InRange(bestLx, -24, 24);
            Assert.InRange(bestLy, -24, 24);
            double quality = s * V(x, y, bz - Base), surplus = Objective(bestLx, bestLy, bestT);

            var e = model.Efficient(w, s);
            double[] errors =
            [
                Relative(x, e.Input), Relative(y, e.Output), Relative(bz, Base + e.FineTuning), Relative(quality, e.Quality),
                Relative(surplus, e.Surplus),
            ];
            output.WriteLine($"r = {r}, (w, s) = ({w}, {s}): brute force x = {x:R}, y = {y:R}, b + z = {bz:R}; errors {string.Join(", ", errors.Select(d => d.ToString("G3")))}");
            worst = Math.Max(worst, errors.Max());
            Assert.All(errors, d => Assert.True(d <= 1e-6, $"(w, s) = ({w}, {s}): relative error {d:G3}"));
            Assert.Equal(bz - Base > 1e-6, e.FineTunes);
            if (e.FineTunes) sawFineTuning = true; else sawNone = true;
        }
        output.WriteLine($"worst {worst:G3}");
        Assert.True(sawFineTuning && sawNone, "the types should include some that fine-tune and some that do not");
    }

    /// <summary>Golden-section search for the maximum of a unimodal function on [lo, hi]; returns the maximum.</summary>
    private static double Golden(Func<double, double> f, double lo, double hi, out double argmax)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = lo, b = hi, c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = f(c), fd = f(d);
        for (int i = 0; i < 70; i++)
        {
            if (fc >= fd) { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = f(d); }
        }
        // The ends count too: the maximum may be at the corner (z = 0).
        (argmax, double best) = fc >= fd ? (c, fc) : (d, fd);
        double fa = f(lo);
        if (fa >= best) (argmax, best) = (lo, fa);
        return best;
    }

    private static double Relative(double expected, double actual) =>
        Math.Abs(expected - actual) / Math.Max(Math.Abs(expected), Math.Abs(actual));

    /// <summary>
    /// CES tends to Cobb-Douglas with α = share·degree, β = (1 − share)·degree as r → 0 (model.md §8), on every member
    /// of <see cref="IIndexModel"/>, with fine-tuning for some types: the error shrinks with r.
    /// </summary>
    [Fact]
    public void Ces_tends_to_cobb_douglas_as_substitution_tends_to_zero()
    {
        var (cx, cy, cz) = SomeFineTuning;
        IIndexModel Build(ModelBuilder<IIndexModel> b) => b.WithCosts(cx, cy, cz).WithValues(Uniform).WithScales(Scales).Build();
        var cd = Build(PricingModel.CobbDouglas(Share * Degree, (1 - Share) * Degree, Gamma, Base));
        double[] ws = Agreement.Quantiles(Uniform, Levels);
        double[] ss = Agreement.Quantiles(Scales, 0.05, 0.5, 0.95);
        Assert.Contains(true, from w in ws from s in ss select cd.Efficient(w, s).FineTunes);
        Assert.Contains(false, from w in ws from s in ss select cd.Efficient(w, s).FineTunes);

        double Error(double r)
        {
            var agreement = Agreement.OfIndex(cd, Build(PricingModel.Ces(Share, r, Degree, Gamma, Base)), Base, ws, ss);
            output.WriteLine($"r = {r}: {agreement}");
            return agreement.Worst;
        }
        double coarse = Math.Max(Error(1e-4), Error(-1e-4));
        double fine = Math.Max(Error(1e-6), Error(-1e-6));
        Assert.True(fine < 1e-4, $"error at |r| = 1e-6: {fine:G3}");
        Assert.True(fine < coarse, $"error at |r| = 1e-6 ({fine:G3}) is not below that at 1e-4 ({coarse:G3})");
    }

    [Fact]
    public void Description_types_the_technology_per_builder()
    {
        var cd = PricingModel.CobbDouglas(0.3, 0.2, 0.1, 2).WithCosts(1, 2, 5).WithValues(Uniform).Build().Description;
        var ces = PricingModel.Ces(Share, -0.3, Degree, Gamma, 2).WithCosts(1, 2, 5).WithValues(Uniform).Build().Description;
        var technology = Technologies.Ces(Share, -0.3, Degree, Gamma, 2);
        var custom = PricingModel.Custom(technology).WithCosts(1, 2, 5).WithValues(Uniform).Build().Description;

        Assert.Equal(new CobbDouglasTechnology(0.3, 0.2, 0.1, 2), cd.Technology);
        Assert.Equal(new CesTechnology(Share, -0.3, Degree, Gamma, 2), ces.Technology);
        Assert.Same(technology, custom.Technology);
        Assert.Equal(("CobbDouglas", "Ces", "Custom"), (cd.ProductionFunction, ces.ProductionFunction, custom.ProductionFunction));

        Assert.Equal((0.3, 0.2, 0.1, 2.0), (cd.Alpha, cd.Beta, cd.Gamma, cd.BaseQuality));
        Assert.Equal((Gamma, 2.0), (ces.Gamma, ces.BaseQuality));
        foreach (var (description, member) in new[] { (ces, "Alpha"), (ces, "Beta"), (custom, "Alpha"), (custom, "Beta"), (custom, "Gamma"), (custom, "BaseQuality") })
        {
            Func<double> read = member switch
            {
                "Alpha" => () => description.Alpha,
                "Beta" => () => description.Beta,
                "Gamma" => () => description.Gamma,
                _ => () => description.BaseQuality,
            };
            var e = Assert.Throws<InvalidOperationException>(() => read());
            Assert.Contains(member, e.Message);
            Assert.Contains(description.Technology.Name, e.Message);
        }

        // ToString never throws, and shows each technology's own parameters.
        Assert.Contains("Alpha = 0.3", cd.ToString());
        Assert.Contains("Substitution = -0.3", ces.ToString());
        Assert.Contains("Custom", custom.ToString());
        Assert.Contains("CES(", custom.ToString());
        Assert.Contains("InputCost = 1", ces.ToString());
    }
}
