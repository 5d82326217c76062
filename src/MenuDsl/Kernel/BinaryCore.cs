using System;
using System.Collections.Generic;

namespace MenuDsl.Kernel;

/// <summary>Which constraints shape the optimal two-type menu (model.md §7).</summary>
internal enum BinaryRegimeKind
{
    /// <summary>Efficient bundles at their gross values: neither type wants the other's.</summary>
    FullExtraction,
    /// <summary>H's incentive constraint binds: H efficient with a rent, L efficient for its task-wise virtual values.</summary>
    HighIncentiveBinding,
    /// <summary>Profiles not ordered: H's participation binds too, both rents are zero and L is distorted along w_L − t (w_H − w_L).</summary>
    ZeroRentsDistorted,
}

/// <summary>One item of the two-type menu: the bundle over the task segments, its transfer and cost, the buyer's rent.</summary>
internal sealed record BinaryItemCore(SegmentedBundle Bundle, double Transfer, double Cost, double BuyerUtility);

/// <summary>The optimal two-type menu.</summary>
/// <param name="Regime">Which constraints bind.</param>
/// <param name="High">Which declared type is H: 0 the first, 1 the second.</param>
/// <param name="First">The first declared type's item.</param>
/// <param name="Second">The second declared type's item.</param>
/// <param name="ExpectedProfit">f_1 (T_1 − C_1) + f_2 (T_2 − C_2).</param>
/// <param name="Distortion">t: L's bundle is efficient for w_L − t (w_H − w_L); 0 at full extraction, f_H/f_L when H's incentive constraint binds.</param>
/// <param name="IncentiveRent">
/// Why the regime: H's rent from L's bundle ∫(w_H − w_L) v(q_L), with q_L efficient at full extraction (≤ 0: nobody
/// wants the other's bundle) and efficient for t = f_H/f_L otherwise (&gt; 0: H's incentive constraint binds; &lt; 0: zero rents).
/// </param>
internal sealed record BinaryMenuCore(BinaryRegimeKind Regime, int High, BinaryItemCore First, BinaryItemCore Second, double ExpectedProfit,
    double Distortion, double IncentiveRent);

/// <summary>
/// The binary environment solved exactly (model.md §7): two task-value profiles on common segments with
/// probabilities. Candidates in the order of the paper — full extraction; H efficient and L efficient for the
/// task-wise virtual values w_L − (f_H/f_L)(w_H − w_L) (zero where negative) with H's rent ∫(w_H − w_L) q_L;
/// where that rent is negative (profiles not ordered), zero rents with L distorted along w_L − t (w_H − w_L), t
/// solving ∫(w_H − w_L) q_L(t) = 0 — each checked against every incentive and participation constraint; the most
/// profitable feasible one is the menu.
/// </summary>
internal static class BinaryCore
{
    /// <summary>Constraints hold up to this share of the largest gross value: rounding of the first bests.</summary>
    private const double Slack = 1e-9;

    public static BinaryMenuCore Solve(TechnologyCore technology, double[] widths, double[] first, double[] second, double firstProbability, double secondProbability)
    {
        double[][] profiles = [first, second];
        double[] probabilities = [firstProbability, secondProbability];
        var efficient = new[] { technology.FirstBest(widths, first), technology.FirstBest(widths, second) };
        double scale = Math.Max(Math.Max(Value(widths, first, efficient[0]), Value(widths, second, efficient[1])), 1e-300);

        var candidates = new List<BinaryMenuCore>();
        // Full extraction: each efficient bundle at its own gross value. H is the type with the larger gross value.
        int higher = HigherValue();
        var extraction = Menu(BinaryRegimeKind.FullExtraction, higher, efficient[0], efficient[1], 0, 0, 0,
            Rent(profiles[higher], profiles[1 - higher], efficient[1 - higher]));
        if (Feasible(extraction)) return extraction;

        for (int high = 0; high < 2; high++)
        {
            int low = 1 - high;
            double[] wH = profiles[high], wL = profiles[low];
            // Only a type that wants the other's efficient bundle at full extraction can be the one whose constraint binds.
            if (!(Rent(wH, wL, efficient[low]) > Slack * scale)) continue;
            double ratio = probabilities[high] / probabilities[low];
            var distorted = technology.FirstBest(widths, Virtual(wH, wL, ratio));
            double rent = Rent(wH, wL, distorted);
            if (rent >= 0)
            {
                candidates.Add(Order(BinaryRegimeKind.HighIncentiveBinding, high, efficient[high], distorted, rent, ratio, rent));
                continue;
            }
            // Rent(t) falls from > 0 at t = 0 to < 0 at t = f_H/f_L: the t where H is just indifferent.
            double t = Numeric.FirstTrue(k => Rent(wH, wL, technology.FirstBest(widths, Virtual(wH, wL, k))) <= 0, 0, ratio);
            candidates.Add(Order(BinaryRegimeKind.ZeroRentsDistorted, high, efficient[high], technology.FirstBest(widths, Virtual(wH, wL, t)), 0, t, rent));
        }

        BinaryMenuCore? best = null;
        foreach (var candidate in candidates)
            if (Feasible(candidate) && (best is null || candidate.ExpectedProfit > best.ExpectedProfit)) best = candidate;
        return best ?? throw new ArithmeticException(
            "no candidate menu of the binary environment satisfies every incentive and participation constraint; the technology may violate the model's assumptions (concave v, complements)");

        int HigherValue() => Value(widths, second, efficient[1]) > Value(widths, first, efficient[0]) ? 1 : 0;

        // H's rent from L's bundle: ∫ (w_H − w_L) v(q_L).
        double Rent(double[] wH, double[] wL, SegmentedBundle lowBundle)
        {
            double sum = 0;
            for (int i = 0; i < widths.Length; i++) sum += widths[i] * (wH[i] - wL[i]) * lowBundle.Tasks[i].Quality;
            return sum;
        }

        BinaryMenuCore Order(BinaryRegimeKind regime, int high, SegmentedBundle highBundle, SegmentedBundle lowBundle, double highRent, double distortion, double incentiveRent) =>
            high == 0 ? Menu(regime, 0, highBundle, lowBundle, highRent, 0, distortion, incentiveRent) : Menu(regime, 1, lowBundle, highBundle, 0, highRent, distortion, incentiveRent);

        // L pays its gross value; H pays its gross value less its rent.
        BinaryMenuCore Menu(BinaryRegimeKind regime, int high, SegmentedBundle firstBundle, SegmentedBundle secondBundle, double firstRent, double secondRent,
            double distortion, double incentiveRent)
        {
            var one = Item(first, firstBundle, firstRent);
            var two = Item(second, secondBundle, secondRent);
            double profit = firstProbability * (one.Transfer - one.Cost) + secondProbability * (two.Transfer - two.Cost);
            return new BinaryMenuCore(regime, high, one, two, profit, distortion, incentiveRent);
        }

        BinaryItemCore Item(double[] profile, SegmentedBundle bundle, double rent) =>
            new(bundle, Value(widths, profile, bundle) - rent, Cost(technology, widths, bundle), rent);

        bool Feasible(BinaryMenuCore menu)
        {
            var items = new[] { menu.First, menu.Second };
            for (int k = 0; k < 2; k++)
            {
                double own = Value(widths, profiles[k], items[k].Bundle) - items[k].Transfer;
                double other = Value(widths, profiles[k], items[1 - k].Bundle) - items[1 - k].Transfer;
                if (own < -Slack * scale || other > own + Slack * scale) return false;
            }
            return true;
        }
    }

    /// <summary>The task-wise virtual values w_L − t (w_H − w_L), zero where negative.</summary>
    private static double[] Virtual(double[] wH, double[] wL, double t)
    {
        var virtualValues = new double[wL.Length];
        for (int i = 0; i < wL.Length; i++) virtualValues[i] = Math.Max(0, wL[i] - t * (wH[i] - wL[i]));
        return virtualValues;
    }

    /// <summary>∫ w v over the segments: what a buyer with task values <paramref name="profile"/> gets from the bundle.</summary>
    public static double Value(double[] widths, double[] profile, SegmentedBundle bundle)
    {
        double sum = 0;
        for (int i = 0; i < widths.Length; i++) sum += widths[i] * profile[i] * bundle.Tasks[i].Quality;
        return sum;
    }

    /// <summary>The seller's cost: tokens on every task of every segment, plus the shared fine-tuning.</summary>
    public static double Cost(TechnologyCore technology, double[] widths, SegmentedBundle bundle)
    {
        double sum = technology.FineTuningCost * bundle.FineTuning;
        for (int i = 0; i < widths.Length; i++)
            sum += widths[i] * technology.TokenSpend(bundle.Tasks[i].Input, bundle.Tasks[i].Output);
        return sum;
    }

    /// <summary>
    /// The common refinement of two step profiles on [0, 1] (segment widths and values, zero beyond their total width):
    /// one width per piece and each profile's value on it.
    /// </summary>
    public static (double[] Widths, double[] First, double[] Second) Refine(double[] firstWidths, double[] firstValues, double[] secondWidths, double[] secondValues)
    {
        var cuts = new SortedSet<double> { 0, 1 };
        foreach (var widths in new[] { firstWidths, secondWidths })
        {
            double at = 0;
            foreach (double w in widths) { at += w; if (at < 1) cuts.Add(at); }
        }
        var points = new List<double>(cuts);
        var pieces = new List<double>();
        var one = new List<double>();
        var two = new List<double>();
        for (int i = 1; i < points.Count; i++)
        {
            double width = points[i] - points[i - 1];
            if (!(width > 0)) continue;
            double middle = 0.5 * (points[i - 1] + points[i]);
            pieces.Add(width);
            one.Add(At(firstWidths, firstValues, middle));
            two.Add(At(secondWidths, secondValues, middle));
        }
        return (pieces.ToArray(), one.ToArray(), two.ToArray());
    }

    private static double At(double[] widths, double[] values, double task)
    {
        double end = 0;
        for (int i = 0; i < widths.Length; i++)
        {
            end += widths[i];
            if (task < end) return values[i];
        }
        return 0;
    }
}
