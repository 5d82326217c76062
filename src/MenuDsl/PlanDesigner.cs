using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// One published plan. A committed-spend plan charges <see cref="Fee"/> for a token <see cref="Budget"/> spent at the
/// listed per-token prices (marginal costs, <see cref="Markup"/> 1).
/// </summary>
/// <param name="Fee">What the plan costs the buyer.</param>
/// <param name="Markup">Per-token prices over marginal cost (1 for committed spend).</param>
/// <param name="Budget">The token spend included, at the listed prices (+∞ for a tariff: buy freely).</param>
/// <param name="InputPrice">Price per input token.</param>
/// <param name="OutputPrice">Price per output token.</param>
/// <param name="FineTuningPrice">Price per fine-tuning token.</param>
/// <param name="LowestType">The lowest θ that chooses this plan.</param>
/// <param name="Quality">Q, the quality the budget buys when spent optimally (for a tariff: what its lowest buyer buys).</param>
/// <param name="Share">The share of all buyers that choose this plan.</param>
public sealed record Plan(double Fee, double Markup, double Budget, double InputPrice, double OutputPrice, double FineTuningPrice,
    double LowestType, double Quality, double Share);

/// <summary>A menu of K plans and the profit it keeps relative to the optimal continuous package menu.</summary>
/// <param name="Plans">The plans, cheapest first.</param>
/// <param name="ExpectedProfit">Expected profit when every type picks its best plan (or none).</param>
/// <param name="ContinuousProfit">Expected profit of the optimal package menu (<see cref="MenuMetrics.ExpectedPackageProfit"/>).</param>
public sealed record PlanMenu(IReadOnlyList<Plan> Plans, double ExpectedProfit, double ContinuousProfit)
{
    /// <summary>ExpectedProfit / ContinuousProfit: the share of the continuous menu's profit the K plans keep.</summary>
    public double Retained => ExpectedProfit / ContinuousProfit;
}

/// <summary>
/// Menus of a few plans, as providers publish them, for index models (docs/plans.md). A menu of K committed-spend
/// plans is a quantization of the optimal quality schedule: types θ with ironed virtual value ν are split into K
/// contiguous cells; a cell's quality solves C′(Q) = E[ν | cell]; cells end where types are indifferent,
/// ν(θ_k) = [C(Q_{k+1}) − C(Q_k)] / (Q_{k+1} − Q_k), and buyers start at ν(θ_0) = C(Q_1)/Q_1.
/// </summary>
public static class PlanDesigner
{
    // Types on the dynamic-programming grid.
    private const int GridSize = 1200;

    /// <summary>
    /// The optimal menu of <paramref name="count"/> committed-spend plans: the global optimum over contiguous cells of a
    /// quantile grid by dynamic programming (exact 1-D quantization), refined by the optimality conditions above.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not in 1…50.</exception>
    public static PlanMenu CommittedSpend(IIndexModel model, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (count < 1 || count > 50) throw new ArgumentOutOfRangeException(nameof(count), count, $"'count' must lie in 1…50 but is {count}.");
        var (technology, thetas) = Parts(model);
        return Choices(model, technology, thetas, Refine(technology, thetas, GridOptimum(technology, thetas, count)));
    }

    /// <summary>
    /// A menu of <paramref name="count"/> two-part tariffs: plan k charges a fee and sells every token at m_k times its
    /// cost, so type θ on it buys the first-best quality of value θ/m_k. The design starts from the committed-spend
    /// cells, with markups the cells' mean θ over mean ν, fees making each boundary type indifferent (the lowest
    /// indifferent to buying nothing), and climbs the expected profit by golden-section search over one boundary or
    /// markup at a time, keeping the markups falling (single crossing, so each cell is the set of types choosing it).
    /// A local optimum: compare <see cref="PlanMenu.Retained"/> with the committed-spend menu's.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not in 1…10.</exception>
    public static PlanMenu TwoPartTariffs(IIndexModel model, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (count < 1 || count > 10) throw new ArgumentOutOfRangeException(nameof(count), count, $"'count' must lie in 1…10 but is {count}.");
        var (technology, thetas) = Parts(model);
        var spend = CommittedSpend(model, count);
        int k = spend.Plans.Count;
        var bounds = new double[k + 1];
        for (int i = 0; i < k; i++) bounds[i] = spend.Plans[i].LowestType;
        bounds[k] = thetas.Upper;
        var markups = new double[k];
        for (int i = 0; i < k; i++)
        {
            double mass = thetas.Cdf(bounds[i + 1]) - thetas.Cdf(bounds[i]);
            double meanTheta = Expectations.Of(thetas, t => t < bounds[i + 1] ? t : 0, bounds[i], bounds[i + 1], "the mean type of a plan") / mass;
            double meanNu = (Integral(thetas, bounds[i + 1]) - Integral(thetas, bounds[i])) / mass;
            markups[i] = Math.Max(1, meanTheta / meanNu);
        }
        for (int i = 1; i < k; i++) markups[i] = Math.Min(markups[i], markups[i - 1]);

        var tariffs = new TariffDesign(technology, thetas, bounds, markups);
        tariffs.Climb();
        return tariffs.Menu(model.ExpectedPackageProfit());
    }

    /// <summary>K tariffs given by their cell boundaries and markups; fees follow from indifference.</summary>
    private sealed class TariffDesign(CobbDouglasCore technology, DistributionCore thetas, double[] bounds, double[] markups)
    {
        private int Count => markups.Length;

        // u_k(θ) = m_k S(θ/m_k) − p_k: buying freely at m_k·c nets m_k times the first-best surplus of value θ/m_k.
        private double Gross(int k, double theta) => markups[k] * technology.Surplus(theta / markups[k], 1);

        private double[] Fees()
        {
            var fees = new double[Count];
            fees[0] = Gross(0, bounds[0]);
            for (int k = 1; k < Count; k++) fees[k] = fees[k - 1] + Gross(k, bounds[k]) - Gross(k - 1, bounds[k]);
            return fees;
        }

        /// <summary>Expected profit when each cell's types take its tariff: fee plus (m − 1) times the cost of what they buy.</summary>
        public double Profit()
        {
            var fees = Fees();
            double total = 0;
            for (int k = 0; k < Count; k++)
            {
                double lo = bounds[k], hi = bounds[k + 1], m = markups[k], fee = fees[k];
                if (!(hi > lo)) continue;
                total += Expectations.Of(thetas, t => t < hi ? fee + (m - 1) * technology.FirstBest(t / m, 1).Cost : 0, lo, hi, "the profit of a tariff");
            }
            return total;
        }

        public void Climb()
        {
            double current = Profit();
            for (int round = 0; round < 40; round++)
            {
                double before = current;
                for (int k = 0; k < Count; k++)
                {
                    double below = k == 0 ? thetas.Lower : bounds[k - 1];
                    current = Maximise(x => bounds[k] = x, bounds[k], below, bounds[k + 1], current);
                }
                for (int k = 0; k < Count; k++)
                {
                    double floor = k == Count - 1 ? 1 : markups[k + 1], ceiling = k == 0 ? 4 * markups[0] : markups[k - 1];
                    current = Maximise(x => markups[k] = x, markups[k], floor, ceiling, current);
                }
                if (current - before <= 1e-13 * Math.Abs(current)) break;
            }
        }

        // Golden section of the profit over one coordinate in [lo, hi]; keeps the old value unless a better one is found.
        private double Maximise(Action<double> set, double old, double lo, double hi, double current)
        {
            double Value(double x) { set(x); return Profit(); }
            double best = Numeric.GoldenSectionMinimum(x => -Value(x), lo, hi);
            double found = Value(best);
            if (found > current) return found;
            set(old);
            return current;
        }

        /// <summary>The plans, with profit and shares from letting every type choose among them (or nothing).</summary>
        public PlanMenu Menu(double continuousProfit)
        {
            var fees = Fees();
            double Utility(int k, double theta) => Gross(k, theta) - fees[k];
            // Markups fall, so u_{k+1} − u_k rises in θ: plan k+1 takes over at one θ, found by bisection.
            var from = new double[Count + 1];
            from[0] = Numeric.FirstTrue(t => Utility(0, t) >= 0, thetas.Lower, Top());
            for (int k = 1; k < Count; k++) from[k] = Math.Max(from[k - 1], Numeric.FirstTrue(t => Utility(k, t) >= Utility(k - 1, t), thetas.Lower, Top()));
            from[Count] = thetas.Upper;
            var plans = new Plan[Count];
            double profit = 0;
            for (int k = 0; k < Count; k++)
            {
                double lo = from[k], hi = from[k + 1], m = markups[k], fee = fees[k];
                double share = hi > lo ? thetas.Cdf(hi) - thetas.Cdf(lo) : 0;
                if (hi > lo)
                    profit += Expectations.Of(thetas, t => t < hi ? fee + (m - 1) * technology.FirstBest(t / m, 1).Cost : 0, lo, hi, "the profit of a tariff");
                plans[k] = new Plan(fee, m, double.PositiveInfinity, m * technology.InputCost, m * technology.OutputCost, m * technology.FineTuningCost,
                    lo, technology.FirstBest(lo / m, 1).Quality, share);
            }
            return new PlanMenu(plans, profit, continuousProfit);
        }

        private double Top() => double.IsPositiveInfinity(thetas.Upper) ? thetas.Top * 1e3 : thetas.Upper;
    }

    /// <summary>The optimality conditions alone (Lloyd) from given qualities: a local optimum, for comparison with the global one.</summary>
    internal static PlanMenu CommittedSpendFrom(IIndexModel model, double[] startQualities)
    {
        var (technology, thetas) = Parts(model);
        return Choices(model, technology, thetas, Refine(technology, thetas, startQualities));
    }

    private static (CobbDouglasCore Technology, DistributionCore Thetas) Parts(IIndexModel model)
    {
        var d = model.Description;
        var technology = MenuMetrics.Index(d);
        var thetas = ThetaDistributions.For(d.Values, d.Scales, technology.Delta).Core;
        if (double.IsPositiveInfinity(thetas.ReserveValue))
            throw new ArgumentException("No type θ has a positive virtual value, so no plan would be bought.", nameof(model));
        return (technology, thetas);
    }

    /// <summary>The cell qualities of the best split of the grid into K cells above an excluded prefix.</summary>
    private static double[] GridOptimum(CobbDouglasCore technology, DistributionCore thetas, int count)
    {
        var (mass, nu) = Grid(thetas);
        int n = mass.Length;
        // Prefix sums of mass and of mass·ν: a cell's mean ν is their ratio.
        var massSum = new double[n + 1];
        var nuSum = new double[n + 1];
        for (int i = 0; i < n; i++) { massSum[i + 1] = massSum[i] + mass[i]; nuSum[i + 1] = nuSum[i] + mass[i] * nu[i]; }
        double Mean(int from, int to) => massSum[to] > massSum[from] ? (nuSum[to] - nuSum[from]) / (massSum[to] - massSum[from]) : 0;
        // A cell's profit is its mass times max_Q (ν̄ Q − C(Q)): the first-best surplus of value ν̄.
        double Cell(int from, int to)
        {
            double mean = Mean(from, to);
            return mean > 0 ? (massSum[to] - massSum[from]) * technology.Surplus(mean, 1) : 0;
        }
        var best = new double[count + 1, n + 1];
        var cut = new int[count + 1, n + 1];
        for (int k = 1; k <= count; k++)
            for (int j = k; j <= n; j++)
            {
                best[k, j] = double.NegativeInfinity;
                // Cell k is [i, j); k − 1 cells (or the excluded prefix when k = 1) end at i.
                for (int i = k - 1; i < j; i++)
                {
                    double value = (k == 1 ? 0 : best[k - 1, i]) + Cell(i, j);
                    if (value > best[k, j]) { best[k, j] = value; cut[k, j] = i; }
                }
            }
        var qualities = new double[count];
        for (int k = count, j = n; k >= 1; k--)
        {
            int i = cut[k, j];
            double mean = Mean(i, j);
            qualities[k - 1] = mean > 0 ? technology.FirstBest(mean, 1).Quality : 0;
            j = i;
        }
        return qualities;
    }

    /// <summary>
    /// Grid types with their mass and ν: equal-mass quantile midpoints where quantiles are cheap; where they are root
    /// searches (a numeric law of θ), equal steps in θ up to the numeric top with masses from the CDF.
    /// </summary>
    private static (double[] Mass, double[] Nu) Grid(DistributionCore thetas)
    {
        var mass = new double[GridSize];
        var nu = new double[GridSize];
        if (!thetas.HasCostlyQuantile)
        {
            for (int i = 0; i < GridSize; i++) { mass[i] = 1.0 / GridSize; nu[i] = thetas.VirtualValue(thetas.Quantile((i + 0.5) / GridSize)); }
            return (mass, nu);
        }
        double lo = thetas.Lower, step = (thetas.Top - lo) / GridSize, below = 0;
        for (int i = 0; i < GridSize; i++)
        {
            double above = i == GridSize - 1 ? 1 : thetas.Cdf(lo + (i + 1) * step);
            mass[i] = above - below;
            nu[i] = thetas.VirtualValue(lo + (i + 0.5) * step);
            below = above;
        }
        return (mass, nu);
    }

    /// <summary>
    /// Alternates the two optimality conditions (boundaries from qualities, qualities from the cells' mean ν), each an
    /// exact maximisation given the other, so the profit never falls; stops when the qualities settle.
    /// </summary>
    private static double[] Refine(CobbDouglasCore technology, DistributionCore thetas, double[] qualities)
    {
        var q = qualities.Where(x => x > 0).Distinct().OrderBy(x => x).ToArray();
        for (int round = 0; round < 500; round++)
        {
            var bounds = Boundaries(technology, thetas, q);
            var next = new double[q.Length];
            for (int k = 0; k < q.Length; k++)
            {
                double lo = bounds[k], hi = bounds[k + 1];
                double mass = thetas.Cdf(hi) - thetas.Cdf(lo);
                double mean = mass > 0 ? (Integral(thetas, hi) - Integral(thetas, lo)) / mass : 0;
                next[k] = mean > 0 ? technology.FirstBest(mean, 1).Quality : q[k];
            }
            double change = 0;
            for (int k = 0; k < q.Length; k++) change = Math.Max(change, Math.Abs(next[k] - q[k]) / q[k]);
            q = next;
            if (change < 1e-13) break;
        }
        return q;
    }

    // ∫ ν dF up to t; at an unbounded top, the whole integral (t·(1 − F(t)) → 0 for a finite mean).
    private static double Integral(DistributionCore thetas, double t) =>
        double.IsPositiveInfinity(t) ? thetas.Lower : thetas.IronedCumulativeVirtualValue(t);

    /// <summary>θ_0 … θ_K: where ν reaches C(Q_1)/Q_1, then each [C(Q_{k+1}) − C(Q_k)]/(Q_{k+1} − Q_k); θ_K is the top.</summary>
    private static double[] Boundaries(CobbDouglasCore technology, DistributionCore thetas, double[] q)
    {
        var bounds = new double[q.Length + 1];
        double Level(int k) => k == 0
            ? technology.Cost(q[0], 1) / q[0]
            : (technology.Cost(q[k], 1) - technology.Cost(q[k - 1], 1)) / (q[k] - q[k - 1]);
        for (int k = 0; k < q.Length; k++) bounds[k] = TypeReaching(thetas, Level(k));
        bounds[q.Length] = thetas.Upper;
        return bounds;
    }

    // The lowest θ whose ironed virtual value reaches the level (ν is non-decreasing); the top when none does.
    private static double TypeReaching(DistributionCore thetas, double level)
    {
        double top = thetas.Top;
        while (double.IsPositiveInfinity(thetas.Upper) && thetas.VirtualValue(top) < level && top < 1e300) top *= 2;
        return thetas.VirtualValue(top) < level ? thetas.Upper : thetas.FirstTypeReaching(level, thetas.Lower, top);
    }

    /// <summary>
    /// Prices the plans (t_1 = θ_0 Q_1, t_{k+1} = t_k + θ_k (Q_{k+1} − Q_k)) and evaluates them by letting every type pick
    /// its best plan: the upper envelope of the lines θ Q_k − t_k and 0, not the formulas the plans came from.
    /// </summary>
    private static PlanMenu Choices(IIndexModel model, CobbDouglasCore technology, DistributionCore thetas, double[] q)
    {
        var bounds = Boundaries(technology, thetas, q);
        var fees = new double[q.Length];
        fees[0] = bounds[0] * q[0];
        for (int k = 1; k < q.Length; k++) fees[k] = fees[k - 1] + bounds[k] * (q[k] - q[k - 1]);

        // Type θ picks argmax_k θ Q_k − t_k if positive: with Q increasing, plan k wins from the largest of the
        // indifference points with the plans below it (and with buying nothing) up to the smallest with those above.
        var lowest = new double[q.Length];
        var highest = new double[q.Length];
        for (int k = 0; k < q.Length; k++)
        {
            double lo = fees[k] / q[k], hi = double.PositiveInfinity;
            for (int j = 0; j < k; j++) lo = Math.Max(lo, (fees[k] - fees[j]) / (q[k] - q[j]));
            for (int j = k + 1; j < q.Length; j++) hi = Math.Min(hi, (fees[j] - fees[k]) / (q[j] - q[k]));
            lowest[k] = Math.Max(lo, thetas.Lower);
            highest[k] = Math.Min(hi, thetas.Upper);
        }
        var plans = new Plan[q.Length];
        double profit = 0;
        for (int k = 0; k < q.Length; k++)
        {
            double share = highest[k] > lowest[k] ? thetas.Cdf(highest[k]) - thetas.Cdf(lowest[k]) : 0;
            double budget = technology.Cost(q[k], 1);
            profit += share * (fees[k] - budget);
            plans[k] = new Plan(fees[k], 1, budget, technology.InputCost, technology.OutputCost, technology.FineTuningCost, lowest[k], q[k], share);
        }
        return new PlanMenu(plans, profit, model.ExpectedPackageProfit());
    }
}
