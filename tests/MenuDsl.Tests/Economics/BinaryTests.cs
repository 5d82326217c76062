using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// The binary environment (model.md §7, api.md §2 <see cref="IBinaryModel"/>): the library's menu against an
/// independent brute force (<see cref="BinaryBruteForce"/>: the convex program over qualities and transfers with
/// every incentive and participation constraint, no regime assumed), its constraints recomputed from the items'
/// fields, the invariants of each regime against a first best computed here, Cobb-Douglas by hand against the
/// closed form, and bad input.
/// </summary>
public class BinaryTests(ITestOutputHelper output)
{
    private const double Alpha = 0.25, Beta = 0.25, Gamma = 0.1, Base = 1;
    private const double CesShare = 0.6, CesSubstitution = -0.5, CesDegree = 0.5;

    /// <summary>c_z when fine-tuning is cheap: θ̂ = (c_x/α)^α (c_y/β)^β (c_z/γ)^δ ≈ 0.2 (about 6.3 at c_z = 1, above every θ here).</summary>
    private const double CheapFineTuning = 0.001;

    /// <summary>Library and brute-force profits agree to this share.</summary>
    private const double ProfitTolerance = 1e-6;

    /// <summary>Constraints recomputed from the items hold to this share of the largest transfer.</summary>
    private const double ConstraintTolerance = 1e-9;

    /// <summary>
    /// Pairs of profiles, each with the first type's probability p (the second's 1 − p):
    /// ordered value-scale types (2 vs 1: at p = ½ L's virtual value is exactly 0), value-scale types with scales ½
    /// and 1 (2 on half the tasks vs 1 on all: the first is just indifferent to the second's efficient bundle; 3 vs 1:
    /// L's virtual value rises on the tasks H does not run, so H's rent would be negative), model.md §7's unordered
    /// task profiles, and mirror-image task profiles (neither wants the other's bundle).
    /// </summary>
    public static readonly string[] Pairs = ["vs 2|1", "vs 1.5|1", "vs 2@.5|1", "vs 3@.5|1", "tasks 2,.6|1,1", "tasks 2,.1|.1,2"];

    private static readonly double[] Probabilities = [0.5, 0.3, 0.8];

    private static (TypeProfile First, TypeProfile Second) Profiles(string pair, double p) => pair switch
    {
        "vs 2|1" => (TypeProfile.ValueScale(p, 2), TypeProfile.ValueScale(1 - p, 1)),
        "vs 1.5|1" => (TypeProfile.ValueScale(p, 1.5), TypeProfile.ValueScale(1 - p, 1)),
        "vs 2@.5|1" => (TypeProfile.ValueScale(p, 2, 0.5), TypeProfile.ValueScale(1 - p, 1, 1)),
        "vs 3@.5|1" => (TypeProfile.ValueScale(p, 3, 0.5), TypeProfile.ValueScale(1 - p, 1, 1)),
        "tasks 2,.6|1,1" => (TypeProfile.Tasks(p, 2, 0.6), TypeProfile.Tasks(1 - p, 1, 1)),
        "tasks 2,.1|.1,2" => (TypeProfile.Tasks(p, 2, 0.1), TypeProfile.Tasks(1 - p, 0.1, 2)),
        _ => throw new ArgumentException($"Unknown pair {pair}.", nameof(pair)),
    };

    public static readonly string[] Families = ["CobbDouglas", "Ces", "Custom"];

    public static TheoryData<string, string, double, bool> Cases()
    {
        var data = new TheoryData<string, string, double, bool>();
        foreach (string family in Families)
            foreach (string pair in Pairs)
                foreach (double p in Probabilities)
                    foreach (bool fineTuning in new[] { false, true })
                        data.Add(family, pair, p, fineTuning);
        return data;
    }

    private static double FineTuningCost(bool fineTuning) => fineTuning ? CheapFineTuning : 1;

    /// <summary>The hand formulas of the family; a custom v is Cobb-Douglas written by hand, so it gets Cobb-Douglas's.</summary>
    private static HandTechnology Hand(string family, bool fineTuning) => family == "Ces"
        ? HandTechnology.Ces(CesShare, CesSubstitution, CesDegree, Gamma, Base, 1, 1, FineTuningCost(fineTuning))
        : HandTechnology.CobbDouglas(Alpha, Beta, Gamma, Base, 1, 1, FineTuningCost(fineTuning));

    private static IBinaryModel Library(string family, bool fineTuning, TypeProfile first, TypeProfile second)
    {
        double cz = FineTuningCost(fineTuning);
        return family switch
        {
            "CobbDouglas" => PricingModel.CobbDouglas(Alpha, Beta, Gamma, Base).WithCosts(1, 1, cz).BuildBinary(first, second),
            "Ces" => PricingModel.Ces(CesShare, CesSubstitution, CesDegree, Gamma, Base).WithCosts(1, 1, cz).BuildBinary(first, second),
            "Custom" => PricingModel.Custom(Technologies.CobbDouglas(Alpha, Beta, Gamma, Base)).WithCosts(1, 1, cz).BuildBinary(first, second),
            _ => throw new ArgumentException($"Unknown family {family}.", nameof(family)),
        };
    }

    /// <summary>A profile's value at a task (0 beyond its segments).</summary>
    private static double ValueAt(TypeProfile profile, double task)
    {
        double end = 0;
        for (int i = 0; i < profile.SegmentWidths.Count; i++)
        {
            end += profile.SegmentWidths[i];
            if (task < end) return profile.TaskValues[i];
        }
        return 0;
    }

    /// <summary>The pieces of [0, 1] cut at both profiles' segment ends, and each profile's value on them.</summary>
    private static (double[] Widths, double[][] Values) Refine(TypeProfile first, TypeProfile second)
    {
        var cuts = new List<double> { 0, 1 };
        foreach (var profile in new[] { first, second })
        {
            double end = 0;
            foreach (double width in profile.SegmentWidths) { end += width; if (end < 1 - 1e-12) cuts.Add(end); }
        }
        cuts.Sort();
        var points = cuts.Where((c, i) => i == 0 || c - cuts[i - 1] > 1e-12).ToList();
        var widths = new List<double>();
        var values = new List<double>[] { [], [] };
        for (int i = 1; i < points.Count; i++)
        {
            double middle = 0.5 * (points[i - 1] + points[i]);
            widths.Add(points[i] - points[i - 1]);
            values[0].Add(ValueAt(first, middle));
            values[1].Add(ValueAt(second, middle));
        }
        return ([.. widths], [[.. values[0]], [.. values[1]]]);
    }

    private static double Relative(double expected, double actual, double scale) =>
        Math.Abs(expected - actual) / Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), scale);

    /// <summary>What one case gives: the library's and the brute force's profits and the regime.</summary>
    private sealed record Outcome(BinaryRegime Regime, double LibraryProfit, double BruteForceProfit, double GapBound)
    {
        public double Gap => Math.Abs(LibraryProfit - BruteForceProfit) / Math.Abs(BruteForceProfit);
    }

    /// <summary>Solves the case both ways and checks every property of the library's menu; the outcome for the summary.</summary>
    private static Outcome Check(string family, string pair, double p, bool fineTuning, bool perturb)
    {
        var (first, second) = Profiles(pair, p);
        return Check($"{family}, {pair}, p = {p}, fine-tuning {(fineTuning ? "cheap" : "dear")}", first, second, Hand(family, fineTuning),
            Library(family, fineTuning, first, second).BinaryMenu, fineTuning, perturb);
    }

    /// <summary>
    /// Checks the library's <paramref name="menu"/> for the two profiles against the hand technology and the brute
    /// force; <paramref name="mustFineTune"/>: some item fine-tunes (cheap fine-tuning).
    /// </summary>
    private static Outcome Check(string at, TypeProfile first, TypeProfile second, HandTechnology tech, BinaryMenu menu, bool mustFineTune, bool perturb)
    {
        var (widths, w) = Refine(first, second);
        double[] f = [first.Probability, second.Probability];
        int n = widths.Length;

        // Segments: the common refinement of both profiles.
        Assert.Equal(n, menu.SegmentWidths.Count);
        for (int i = 0; i < n; i++) Assert.True(Math.Abs(widths[i] - menu.SegmentWidths[i]) <= 1e-15, $"{at}: segment {i} width {menu.SegmentWidths[i]} vs {widths[i]}");

        // Items by type.
        var profiles = new[] { first, second };
        Assert.True(ReferenceEquals(menu.High.Profile, first) != ReferenceEquals(menu.Low.Profile, first), $"{at}: one item per type");
        Assert.True(ReferenceEquals(menu.High.Profile, second) != ReferenceEquals(menu.Low.Profile, second), $"{at}: one item per type");
        var items = profiles.Select(t => ReferenceEquals(menu.High.Profile, t) ? menu.High : menu.Low).ToArray();
        int high = ReferenceEquals(menu.High.Profile, first) ? 0 : 1, low = 1 - high;

        // Each item: v of its tokens is its quality, its cost is that of its tokens and the cheapest for its qualities; T − C = profit.
        double maxTransfer = items.Max(i => Math.Abs(i.Transfer));
        double maxQuality = items.Max(i => i.Quality.Max());
        foreach (var item in items)
        {
            Assert.Equal(n, item.Quality.Count);
            Assert.Equal(n, item.Input.Count);
            Assert.Equal(n, item.Output.Count);
            Assert.True(item.FineTuning >= 0, $"{at}: z = {item.FineTuning}");
            for (int i = 0; i < n; i++)
                Assert.True(Relative(tech.V(item.Input[i], item.Output[i], item.FineTuning), item.Quality[i], maxQuality) <= 1e-10,
                    $"{at}: quality {item.Quality[i]} vs v(tokens) {tech.V(item.Input[i], item.Output[i], item.FineTuning)}");
            double tokenCost = tech.TokenCost(widths, item.Input, item.Output, item.FineTuning);
            Assert.True(Relative(tokenCost, item.Cost, maxTransfer) <= 1e-10, $"{at}: cost {item.Cost} vs tokens' {tokenCost}");
            double cheapest = tech.Cost(tech.Aggregate(widths, [.. item.Quality])).G;
            Assert.True(Relative(cheapest, item.Cost, maxTransfer) <= 1e-9, $"{at}: cost {item.Cost} vs the cheapest for its qualities {cheapest}");
            Assert.Equal(item.Transfer - item.Cost, item.Profit);
        }
        double expected = f[0] * items[0].Profit + f[1] * items[1].Profit;
        Assert.True(Relative(expected, menu.ExpectedProfit, 0) <= 1e-12, $"{at}: expected profit {menu.ExpectedProfit} vs Σ f·profit {expected}");

        // Incentive and participation constraints, recomputed: U[k, j] = ∫ w_k v(item_j).
        var u = new double[2, 2];
        for (int k = 0; k < 2; k++)
            for (int j = 0; j < 2; j++)
                for (int i = 0; i < n; i++) u[k, j] += widths[i] * w[k][i] * items[j].Quality[i];
        double tolerance = ConstraintTolerance * maxTransfer;
        for (int k = 0; k < 2; k++)
        {
            double own = u[k, k] - items[k].Transfer, other = u[k, 1 - k] - items[1 - k].Transfer;
            Assert.True(own >= -tolerance, $"{at}: type {k} participation {own}");
            Assert.True(own >= other - tolerance, $"{at}: type {k} gets {own} from its item, {other} from the other");
            Assert.True(Math.Abs(own - items[k].BuyerUtility) <= tolerance, $"{at}: type {k} buyer utility {items[k].BuyerUtility} vs ∫ w v − T = {own}");
        }

        // The regime's invariants; bundles efficient where the regime says so, against the first best computed here.
        var efficient = new[] { tech.FirstBest(widths, w[0]), tech.FirstBest(widths, w[1]) };
        void Efficient(int k)
        {
            var e = efficient[k];
            double maxToken = Math.Max(e.Input.Max(), e.Output.Max());
            for (int i = 0; i < n; i++)
            {
                Assert.True(Relative(e.Quality[i], items[k].Quality[i], e.Quality.Max()) <= 1e-8, $"{at}: type {k} quality {items[k].Quality[i]} vs efficient {e.Quality[i]}");
                Assert.True(Relative(e.Input[i], items[k].Input[i], maxToken) <= 1e-8, $"{at}: type {k} input {items[k].Input[i]} vs efficient {e.Input[i]}");
                Assert.True(Relative(e.Output[i], items[k].Output[i], maxToken) <= 1e-8, $"{at}: type {k} output {items[k].Output[i]} vs efficient {e.Output[i]}");
            }
            Assert.True(Relative(tech.B + e.FineTuning, tech.B + items[k].FineTuning, 0) <= 1e-8, $"{at}: type {k} z {items[k].FineTuning} vs efficient {e.FineTuning}");
        }
        switch (menu.Regime)
        {
            case BinaryRegime.FullExtraction:
                Assert.True(Math.Abs(items[0].BuyerUtility) <= tolerance && Math.Abs(items[1].BuyerUtility) <= tolerance, $"{at}: rents {items[0].BuyerUtility}, {items[1].BuyerUtility}");
                Efficient(0);
                Efficient(1);
                break;
            case BinaryRegime.HighIncentiveBinding:
                double rent = 0;
                for (int i = 0; i < n; i++) rent += widths[i] * (w[high][i] - w[low][i]) * items[low].Quality[i];
                Assert.True(rent >= -tolerance, $"{at}: H's rent {rent}");
                Assert.True(Math.Abs(items[high].BuyerUtility - rent) <= tolerance, $"{at}: H's buyer utility {items[high].BuyerUtility} vs ∫(w_H − w_L) v(q_L) = {rent}");
                Assert.True(Math.Abs(items[low].BuyerUtility) <= tolerance, $"{at}: L's rent {items[low].BuyerUtility}");
                Efficient(high);
                break;
            case BinaryRegime.ZeroRentsDistorted:
                Assert.True(Math.Abs(items[0].BuyerUtility) <= tolerance && Math.Abs(items[1].BuyerUtility) <= tolerance, $"{at}: rents {items[0].BuyerUtility}, {items[1].BuyerUtility}");
                double fromLow = u[high, low] - items[low].Transfer;
                Assert.True(Math.Abs(fromLow) <= tolerance, $"{at}: H gets {fromLow} from L's item, 0 from its own");
                break;
            default:
                Assert.Fail($"{at}: regime {menu.Regime}");
                break;
        }

        // Fine-tuning: the first best and the brute force say where it happens.
        if (mustFineTune) Assert.True(items.Any(i => i.FineTuning > 0), $"{at}: nobody fine-tunes with c_z = {tech.FineTuningCost}");

        // The brute force: the library's profit is its optimum, and the library's transfers are the best for its allocation.
        double scale = efficient.Max(e => e.Quality.Select((q, i) => widths[i] * q).Sum() * w.Max(v => v.Max()));
        var brute = BinaryBruteForce.Solve(tech, widths, w, f, scale);
        var outcome = new Outcome(menu.Regime, menu.ExpectedProfit, brute.Profit, brute.GapBound);
        Assert.True(outcome.Gap <= ProfitTolerance, $"{at}: library profit {menu.ExpectedProfit:R}, brute force {brute.Profit:R} (gap {outcome.Gap:G3})");
        Assert.True(menu.ExpectedProfit <= brute.Profit + brute.GapBound + 1e-12 * scale,
            $"{at}: library profit {menu.ExpectedProfit:R} above the brute force's bound {brute.Profit + brute.GapBound:R}");
        double best = BinaryBruteForce.BestTransfers(u, [items[0].Cost, items[1].Cost], f);
        Assert.True(Relative(best, menu.ExpectedProfit, 0) <= 1e-9, $"{at}: library profit {menu.ExpectedProfit:R}, best transfers for its allocation give {best:R}");

        // The allocations agree with the brute force's (the program is strictly concave in the qualities). Compared
        // as q^(1/κ), the segment's token cost up to a factor: where the optimum is q = 0 the barrier leaves
        // q ≈ (t K)^(−κ/(1−κ)), visible in q for small κ but not in its cost.
        double Cost(double q) => Math.Pow(q, 1 / tech.Kappa);
        double maxCost = Cost(maxQuality);
        for (int k = 0; k < 2; k++)
        {
            for (int i = 0; i < n; i++)
                Assert.True(Relative(Cost(brute.Items[k].Quality[i]), Cost(items[k].Quality[i]), maxCost) <= 1e-5,
                    $"{at}: type {k} quality {items[k].Quality[i]} vs brute force {brute.Items[k].Quality[i]}");
            // b + z relative to the larger item's: an excluded item's barrier residue can fine-tune a little.
            Assert.True(Relative(tech.B + brute.Items[k].FineTuning, tech.B + items[k].FineTuning, tech.B + brute.Items.Max(i => i.FineTuning)) <= 1e-5,
                $"{at}: type {k} z {items[k].FineTuning} vs brute force {brute.Items[k].FineTuning}");
        }

        // Nothing in token space near the brute force's menu does better: tokens and z perturbed at random, transfers optimal.
        if (perturb)
        {
            double bruteBest = Math.Max(brute.Profit, BinaryBruteForce.BestTransfers(brute.Values, [brute.Items[0].Cost, brute.Items[1].Cost], f));
            var random = new Random(20261130);
            double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double reference = brute.Items.Max(b => Math.Max(b.Input.Max(), b.Output.Max()));
            int trials = 0;
            foreach (double sigma in new[] { 1e-2, 1e-3, 1e-4, 1e-6 })
                for (int trial = 0; trial < 50; trial++)
                {
                    var quality = new double[2][];
                    var cost = new double[2];
                    for (int k = 0; k < 2; k++)
                    {
                        var b = brute.Items[k];
                        double Token(double t) => t > 0 ? t * Math.Exp(sigma * Normal()) : sigma * reference * Math.Abs(Normal());
                        var x = b.Input.Select(Token).ToArray();
                        var y = b.Output.Select(Token).ToArray();
                        double z = Math.Max(0, b.FineTuning + sigma * (tech.B + b.FineTuning) * Normal());
                        quality[k] = [.. Enumerable.Range(0, n).Select(i => tech.V(x[i], y[i], z))];
                        cost[k] = tech.TokenCost(widths, x, y, z);
                    }
                    var values = new double[2, 2];
                    for (int k = 0; k < 2; k++)
                        for (int j = 0; j < 2; j++)
                            for (int i = 0; i < n; i++) values[k, j] += widths[i] * w[k][i] * quality[j][i];
                    double profit = BinaryBruteForce.BestTransfers(values, cost, f);
                    Assert.True(profit <= bruteBest + 1e-9 * Math.Abs(bruteBest), $"{at}: a perturbed menu (σ = {sigma}) makes {profit:R} > {bruteBest:R}");
                    trials++;
                }
            Assert.Equal(200, trials);
        }
        return outcome;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Binary_menu_is_the_brute_force_optimum_and_satisfies_every_constraint(string family, string pair, double p, bool fineTuning)
    {
        var outcome = Check(family, pair, p, fineTuning, perturb: true);
        output.WriteLine($"{family}, {pair}, p = {p}, fine-tuning {fineTuning}: {outcome.Regime}, library {outcome.LibraryProfit:R}, brute force {outcome.BruteForceProfit:R}, gap {outcome.Gap:G3} (bound {outcome.GapBound:G3})");
    }

    /// <summary>Every case, as a table: the profits both ways, the largest gap, and every regime seen for each family.</summary>
    [Fact]
    public void Every_regime_appears_and_the_largest_gap_is_small()
    {
        double worst = 0;
        string where = "nowhere";
        foreach (string family in Families)
        {
            var regimes = new HashSet<BinaryRegime>();
            foreach (string pair in Pairs)
                foreach (double p in Probabilities)
                    foreach (bool fineTuning in new[] { false, true })
                    {
                        var o = Check(family, pair, p, fineTuning, perturb: false);
                        regimes.Add(o.Regime);
                        output.WriteLine($"{family,-12} {pair,-16} p = {p,-4} {(fineTuning ? "cheap z" : "dear z "),-8} {o.Regime,-21} library {o.LibraryProfit,-22:R} brute force {o.BruteForceProfit,-22:R} gap {o.Gap:G3}");
                        if (o.Gap >= worst) { worst = o.Gap; where = $"{family}, {pair}, p = {p}, fine-tuning {fineTuning}"; }
                    }
            Assert.True(regimes.SetEquals(Enum.GetValues<BinaryRegime>()), $"{family}: regimes seen {string.Join(", ", regimes)}");
        }
        output.WriteLine($"largest relative gap {worst:G3} at {where}");
        Assert.True(worst <= ProfitTolerance, $"largest gap {worst} at {where}");
    }

    /// <summary>
    /// Random Cobb-Douglas and CES technologies (complements and substitutes) and costs with random task profiles on
    /// one to four equal segments (values in [0, 3], some zero), probabilities in [0.05, 0.95]: the same checks
    /// against the brute force. (Run once with 1,500 samples per family and up to five segments while writing it: all
    /// agreed, the largest gap 9e-11.)
    /// </summary>
    [Fact]
    public void Random_profiles_agree_with_the_brute_force()
    {
        var random = new Random(20261130);
        double Uniform(double lo, double hi) => lo + (hi - lo) * random.NextDouble();
        double[] Values(int count) => [.. Enumerable.Range(0, count).Select(_ => random.NextDouble() < 0.15 ? 0 : Math.Round(Uniform(0.1, 3), 3))];
        var regimes = new Dictionary<string, HashSet<BinaryRegime>> { ["CobbDouglas"] = [], ["Ces"] = [] };
        double worst = 0;
        string where = "nowhere";
        for (int sample = 0; sample < 300; sample++)
        {
            double alpha = Math.Round(Uniform(0.05, 0.45), 3), beta = Math.Round(Uniform(0.05, 0.45), 3), gamma = Math.Round(Uniform(0.05, 0.2), 3);
            if (alpha + beta + gamma >= 0.95) gamma = 0.02;
            double b = Math.Round(Uniform(0.2, 2), 3);
            double cx = Math.Round(Uniform(0.2, 2), 3), cy = Math.Round(Uniform(0.2, 2), 3), cz = new[] { 1, 0.01, 0.001 }[random.Next(3)];
            int segments = 1 + random.Next(4);
            double[] one = Values(segments), two = Values(segments);
            if (one.All(v => v == 0)) one[0] = 1;
            if (two.All(v => v == 0)) two[segments - 1] = 1;
            if (one.SequenceEqual(two)) two[0] += 0.5;
            double p = Math.Round(Uniform(0.05, 0.95), 2);
            var first = TypeProfile.Tasks(p, one);
            var second = TypeProfile.Tasks(1 - p, two);
            bool ces = sample % 2 == 1;
            // CES: share in [0.2, 0.8], r in [−2, 0.7] away from 0, degree α + β.
            double share = Math.Round(Uniform(0.2, 0.8), 2), r = Math.Round(Uniform(-2, 0.7), 2);
            if (Math.Abs(r) < 0.05) r = 0.3;
            var tech = ces ? HandTechnology.Ces(share, r, alpha + beta, gamma, b, cx, cy, cz) : HandTechnology.CobbDouglas(alpha, beta, gamma, b, cx, cy, cz);
            var builder = ces ? PricingModel.Ces(share, r, alpha + beta, gamma, b) : PricingModel.CobbDouglas(alpha, beta, gamma, b);
            var menu = builder.WithCosts(cx, cy, cz).BuildBinary(first, second).BinaryMenu;
            string at = $"sample {sample}: {tech}, w1 = ({string.Join(", ", one)}), w2 = ({string.Join(", ", two)}), p = {p}";
            var o = Check(at, first, second, tech, menu, mustFineTune: false, perturb: sample % 10 < 2);
            regimes[ces ? "Ces" : "CobbDouglas"].Add(o.Regime);
            if (o.Gap >= worst) { worst = o.Gap; where = at; }
        }
        output.WriteLine($"largest relative gap {worst:G3} at {where}");
        foreach (var (family, seen) in regimes)
            Assert.True(seen.SetEquals(Enum.GetValues<BinaryRegime>()), $"{family}: regimes seen {string.Join(", ", seen)}");
    }

    /// <summary>The regimes the hand reasoning of model.md §7 predicts for some cases (the brute force checks they are optimal).</summary>
    [Theory]
    [InlineData("vs 1.5|1", 0.5, BinaryRegime.HighIncentiveBinding)]
    [InlineData("vs 2@.5|1", 0.5, BinaryRegime.FullExtraction)]
    [InlineData("tasks 2,.1|.1,2", 0.3, BinaryRegime.FullExtraction)]
    [InlineData("tasks 2,.6|1,1", 0.5, BinaryRegime.ZeroRentsDistorted)]
    [InlineData("vs 3@.5|1", 0.5, BinaryRegime.ZeroRentsDistorted)]
    public void Regime_is_the_one_model_md_predicts(string pair, double p, BinaryRegime regime)
    {
        foreach (string family in Families)
            foreach (bool fineTuning in new[] { false, true })
            {
                var (first, second) = Profiles(pair, p);
                Assert.Equal(regime, Library(family, fineTuning, first, second).BinaryMenu.Regime);
            }
    }

    /// <summary>
    /// model.md §7's caveat, by hand: with w_H = (2, 0.6), w_L = (1, 1), f = ½, L's bundle efficient for the virtual
    /// values (0, 1.4) would leave H the rent ½ (1 · 0 − 0.4 q_2) &lt; 0; the menu has zero rents instead, and its
    /// profit beats what the formula's menu would make if H were made to participate.
    /// </summary>
    [Fact]
    public void Caveat_example_has_zero_rents()
    {
        var first = TypeProfile.Tasks(0.5, 2, 0.6);
        var second = TypeProfile.Tasks(0.5, 1, 1);
        var menu = PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 1, 1).BuildBinary(first, second).BinaryMenu;
        Assert.Equal(BinaryRegime.ZeroRentsDistorted, menu.Regime);
        Assert.Same(first, menu.High.Profile);
        Assert.Equal(0, menu.High.BuyerUtility, 12);
        Assert.Equal(0, menu.Low.BuyerUtility, 12);

        var tech = HandTechnology.CobbDouglas(0.25, 0.25, 0.1, 1, 1, 1, 1);
        double[] widths = [0.5, 0.5];
        var naive = tech.FirstBest(widths, [0, 1.4]);
        Assert.Equal(0, naive.Quality[0]);
        double rent = 0.5 * (2 - 1) * naive.Quality[0] + 0.5 * (0.6 - 1) * naive.Quality[1];
        Assert.True(rent < 0, $"rent {rent}");
        // L distorted towards w_L − t (w_H − w_L) = (1 − t, 1 + 0.4 t): more quality on the second half than L's efficient bundle.
        var lowEfficient = tech.FirstBest(widths, [1, 1]);
        Assert.True(menu.Low.Quality[0] < lowEfficient.Quality[0] && menu.Low.Quality[1] > lowEfficient.Quality[1],
            $"L's qualities {menu.Low.Quality[0]}, {menu.Low.Quality[1]} vs efficient {lowEfficient.Quality[0]}");
        // H is just indifferent to L's item: ∫ (w_H − w_L) q_L = 0.
        double indifference = 0.5 * (2 - 1) * menu.Low.Quality[0] + 0.5 * (0.6 - 1) * menu.Low.Quality[1];
        Assert.True(Math.Abs(indifference) <= 1e-9 * menu.High.Transfer, $"∫ (w_H − w_L) q_L = {indifference}");
    }

    /// <summary>Cobb-Douglas written by hand with exact derivatives gives the closed form's menu to 1e-8 on every field.</summary>
    [Theory]
    [MemberData(nameof(CustomCases))]
    public void Custom_cobb_douglas_by_hand_gives_the_closed_form_menu(string pair, double p, bool fineTuning)
    {
        var (first, second) = Profiles(pair, p);
        var closed = Library("CobbDouglas", fineTuning, first, second).BinaryMenu;
        var custom = Library("Custom", fineTuning, first, second).BinaryMenu;
        string at = $"{pair}, p = {p}, fine-tuning {fineTuning}";
        Assert.Equal(closed.Regime, custom.Regime);
        Assert.Same(closed.High.Profile, custom.High.Profile);
        Assert.Equal(closed.SegmentWidths, custom.SegmentWidths);
        double transfer = Math.Max(Math.Abs(closed.High.Transfer), Math.Abs(closed.Low.Transfer));
        double worst = 0;
        string where = "nowhere";
        void Compare(string what, double expected, double actual, double scale)
        {
            double error = Relative(expected, actual, scale);
            if (error >= worst) { worst = error; where = $"{what}: closed form {expected:R}, custom {actual:R}"; }
        }
        foreach (var (name, e, c) in new[] { ("High", closed.High, custom.High), ("Low", closed.Low, custom.Low) })
        {
            double quality = Math.Max(e.Quality.Max(), 1e-300), tokens = Math.Max(Math.Max(e.Input.Max(), e.Output.Max()), 1e-300);
            for (int i = 0; i < e.Quality.Count; i++)
            {
                Compare($"{name}.Quality[{i}]", e.Quality[i], c.Quality[i], quality);
                Compare($"{name}.Input[{i}]", e.Input[i], c.Input[i], tokens);
                Compare($"{name}.Output[{i}]", e.Output[i], c.Output[i], tokens);
            }
            Compare($"{name}.FineTuning (b + z)", Base + e.FineTuning, Base + c.FineTuning, 0);
            Compare($"{name}.Transfer", e.Transfer, c.Transfer, transfer);
            Compare($"{name}.Cost", e.Cost, c.Cost, transfer);
            Compare($"{name}.BuyerUtility", e.BuyerUtility, c.BuyerUtility, transfer);
        }
        Compare("ExpectedProfit", closed.ExpectedProfit, custom.ExpectedProfit, 0);
        output.WriteLine($"{at}: {closed.Regime}, worst {worst:G3} at {where}");
        Assert.True(worst <= 1e-8, $"{at}: {worst:G3} at {where}");
    }

    public static TheoryData<string, double, bool> CustomCases()
    {
        var data = new TheoryData<string, double, bool>();
        foreach (string pair in Pairs)
            foreach (double p in Probabilities)
                foreach (bool fineTuning in new[] { false, true })
                    data.Add(pair, p, fineTuning);
        return data;
    }

    /// <summary>The hand formulas of the brute force: the cheapest mix's unit cost K against a golden-section search over x/y.</summary>
    [Theory]
    [InlineData("CobbDouglas")]
    [InlineData("Ces")]
    public void Hand_technology_unit_cost_is_the_cheapest_mix(string family)
    {
        var tech = Hand(family, false);
        // Cost of g = 1 (aggregate m = 1) with x/y = e^r: scale (e^r, 1) until v(·, ·, 0) = b^γ.
        double Cost(double r)
        {
            double x = Math.Exp(r), y = 1;
            double scale = Math.Pow(tech.V(x, y, 0) / Math.Pow(tech.B, tech.Gamma), -1 / tech.Kappa);
            return tech.InputCost * x * scale + tech.OutputCost * y * scale;
        }
        double lo = -10, hi = 10, golden = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++)
        {
            double a = hi - golden * (hi - lo), b = lo + golden * (hi - lo);
            if (Cost(a) < Cost(b)) hi = b; else lo = a;
        }
        double best = Cost(0.5 * (lo + hi));
        Assert.True(Math.Abs(best - tech.K) <= 1e-9 * tech.K, $"{family}: K = {tech.K:R}, search {best:R}");
        var (x1, y1) = tech.Tokens(1);
        Assert.Equal(1 * Math.Pow(tech.B, tech.Gamma), tech.V(x1, y1, 0), 12);
        Assert.Equal(tech.K, tech.InputCost * x1 + tech.OutputCost * y1, 12);
    }

    // ---- Bad input ----

    [Fact]
    public void Probabilities_not_summing_to_one_are_refused()
    {
        var builder = PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 1, 1);
        Assert.Throws<ArgumentException>(() => builder.BuildBinary(TypeProfile.ValueScale(0.5, 2), TypeProfile.ValueScale(0.6, 1)));
        Assert.Throws<ArgumentException>(() => builder.BuildBinary(TypeProfile.Tasks(0.3, 2, 0.6), TypeProfile.Tasks(0.3, 1, 1)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    public void Probability_outside_the_open_unit_interval_is_refused(double probability)
    {
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => TypeProfile.ValueScale(probability, 1)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => TypeProfile.Tasks(probability, 1, 2)).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Bad_task_values_are_refused(double value)
    {
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => TypeProfile.ValueScale(0.5, value)).ParamName);
        Assert.Equal("taskValues", Assert.Throws<ArgumentOutOfRangeException>(() => TypeProfile.Tasks(0.5, value, 1)).ParamName);
        Assert.Equal("taskValues", Assert.Throws<ArgumentOutOfRangeException>(() => TypeProfile.Tasks(0.5, 1, value)).ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.PositiveInfinity)]
    public void Scale_outside_zero_one_is_refused(double scale) =>
        Assert.Equal("scale", Assert.Throws<ArgumentOutOfRangeException>(() => TypeProfile.ValueScale(0.5, 1, scale)).ParamName);

    [Fact]
    public void Empty_or_null_task_values_are_refused()
    {
        Assert.Equal("taskValues", Assert.Throws<ArgumentException>(() => TypeProfile.Tasks(0.5)).ParamName);
        Assert.Equal("taskValues", Assert.Throws<ArgumentNullException>(() => TypeProfile.Tasks(0.5, null!)).ParamName);
    }

    [Fact]
    public void Build_binary_needs_costs_and_no_distributions()
    {
        var first = TypeProfile.ValueScale(0.5, 2);
        var second = TypeProfile.ValueScale(0.5, 1);
        Assert.Throws<InvalidOperationException>(() => PricingModel.CobbDouglas(0.25, 0.25, 0.1).BuildBinary(first, second));
        Assert.Throws<InvalidOperationException>(() => PricingModel.Ces(0.6, -0.5, 0.5, 0.1).BuildBinary(first, second));
        Assert.Throws<InvalidOperationException>(() => PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 1, 1)
            .WithValues(Distribution.Uniform, 0, 1).BuildBinary(first, second));
        Assert.Throws<InvalidOperationException>(() => PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 1, 1)
            .WithScales(Distribution.Uniform, 0.2, 1).BuildBinary(first, second));
        Assert.Throws<InvalidOperationException>(() => PricingModel.Custom(Technologies.CobbDouglas(0.25, 0.25, 0.1, 1)).WithCosts(1, 1, 1)
            .WithValues(Distribution.Uniform, 0, 1).BuildBinary(first, second));
    }

    [Fact]
    public void Null_profiles_are_refused()
    {
        var builder = PricingModel.CobbDouglas(0.25, 0.25, 0.1).WithCosts(1, 1, 1);
        var profile = TypeProfile.ValueScale(0.5, 1);
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => builder.BuildBinary(null!, profile)).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => builder.BuildBinary(profile, null!)).ParamName);
    }
}
