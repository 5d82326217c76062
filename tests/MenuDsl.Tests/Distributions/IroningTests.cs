using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using Xunit;

namespace MenuDsl.Tests.Distributions;

/// <summary>
/// Myerson ironing of the virtual value (model.md §6): where φ drops, types are pooled at the average of φ over
/// the pool. Every expectation is computed here from MathNet's uniform laws, not from the kernel.
/// </summary>
public class IroningTests
{
    // Pool ends come from a golden-section search on a function that is flat to second order at its minimum, so
    // they are only exact to ~1e-8; φ has slope 2 for uniform mixtures, so φ at a computed end is within ~1e-7.
    private const double EndTolerance = 1e-6;

    /// <summary>A mixture of uniform laws, with f, F and φ computed from MathNet, plus the same law built by the library.</summary>
    private sealed class UniformMixture
    {
        private readonly (double W, double Lo, double Hi)[] parts;
        private readonly ContinuousUniform[] laws;

        public UniformMixture(params (double W, double Lo, double Hi)[] parts)
        {
            double total = parts.Sum(p => p.W);
            this.parts = parts.Select(p => (p.W / total, p.Lo, p.Hi)).ToArray();
            laws = parts.Select(p => new ContinuousUniform(p.Lo, p.Hi)).ToArray();
            Dist = TypeDistribution.Mixture(parts.Select(p => (p.W, TypeDistribution.Uniform(p.Lo, p.Hi))).ToArray());
            Breaks = parts.SelectMany(p => new[] { p.Lo, p.Hi }).Distinct().OrderBy(x => x).ToArray();
        }

        public TypeDistribution Dist { get; }
        public double[] Breaks { get; }
        public double Lower => Breaks[0];
        public double Upper => Breaks[^1];

        public double Pdf(double t) => Enumerable.Range(0, laws.Length).Sum(i => parts[i].W * laws[i].Density(t));
        public double Cdf(double t) => Enumerable.Range(0, laws.Length).Sum(i => parts[i].W * laws[i].CumulativeDistribution(t));

        // One-sided densities, for φ's limits at a break point.
        private double PdfLeft(double t) => parts.Where(p => p.Lo < t && t <= p.Hi).Sum(p => p.W / (p.Hi - p.Lo));
        private double PdfRight(double t) => parts.Where(p => p.Lo <= t && t < p.Hi).Sum(p => p.W / (p.Hi - p.Lo));

        /// <summary>
        /// φ = t − (1 − F)/f; in a gap (f = 0) the value at the gap's left end, and where one component ends as
        /// another begins the density of the one that continues (the library's documented conventions).
        /// </summary>
        public double Phi(double t)
        {
            double f = PdfRight(t) > 0 ? PdfRight(t) : Pdf(t);
            if (f > 0) return t - (1 - Cdf(t)) / f;
            double gapLo = parts.Select(p => p.Hi).Where(h => h < t).Max();
            return gapLo - (1 - Cdf(gapLo)) / Pdf(gapLo);
        }

        /// <summary>
        /// φ just left / right of t in quantile order. Left of the upper end of a gap it is −∞: the rent earned
        /// across the gap is a point mass of φ there (model.md §6).
        /// </summary>
        public double PhiLeft(double t)
        {
            if (PdfLeft(t) == 0 && t > Lower) return double.NegativeInfinity;
            return t - (1 - Cdf(t)) / PdfLeft(t);
        }

        public double PhiRight(double t)
        {
            if (PdfRight(t) == 0 && t < Upper) t = parts.Select(p => p.Lo).Where(l => l > t).Min();
            return t - (1 - Cdf(t)) / PdfRight(t);
        }

        /// <summary>Whether t is strictly inside a maximal interval of positive density (both sides carry types).</summary>
        public bool IsInteriorOfSupport(double t) => PdfLeft(t) > 0 && PdfRight(t) > 0;

        /// <summary>
        /// ∫_a^b φ dF: Gauss-Kronrod over the pieces of [a, b] where f &gt; 0, plus the point mass
        /// −(l₂ − h₁)(1 − F(h₁)) of each gap (h₁, l₂) that [a, b] spans.
        /// </summary>
        public double IntegralOfPhi(double a, double b)
        {
            var cuts = Breaks.Where(x => x > a && x < b).Prepend(a).Append(b).ToArray();
            double sum = 0;
            for (int i = 1; i < cuts.Length; i++)
            {
                double p = cuts[i - 1], q = cuts[i];
                if (q <= p) continue;
                if (Pdf(0.5 * (p + q)) == 0)
                {
                    if (p >= a && q <= b) sum -= (q - p) * (1 - Cdf(p));
                    continue;
                }
                sum += GaussKronrodRule.Integrate(x => Phi(x) * Pdf(x), p, q, out _, out _, 1e-14);
            }
            return sum;
        }

        public override string ToString() => string.Join(" + ", parts.Select(p => $"{p.W:R}·U[{p.Lo:R}, {p.Hi:R}]"));
    }

    /// <summary>Points spread over [lo, hi] (offset from the ends, so they avoid break points).</summary>
    private static double[] Grid(double lo, double hi, int n) =>
        Enumerable.Range(0, n).Select(i => lo + (i + 0.5) / n * (hi - lo)).ToArray();

    /// <summary>
    /// The ironing contract: ironed φ non-decreasing everywhere on the support's hull (gaps included), equal to the
    /// raw φ off the pools, and on each pool [a, b] at level k: ∫_a^b φ dF = k (F(b) − F(a)) and tangency at the ends
    /// (φ(a⁻) ≤ k ≤ φ(a⁺), the same at b; equality where φ is continuous).
    /// </summary>
    private static void AssertIroned(UniformMixture m, int gridPoints = 4000)
    {
        var d = m.Dist;
        var pools = d.PoolingIntervals;
        string context = m.ToString();
        double scale = 1 + Math.Abs(m.Lower) + Math.Abs(m.Upper);

        var grid = Grid(m.Lower, m.Upper, gridPoints)
            .Concat(pools.SelectMany(p => new[] { p.Lower, p.Upper, p.Lower - 1e-9, p.Upper + 1e-9 }))
            .Where(t => t >= m.Lower && t <= m.Upper).OrderBy(t => t).ToArray();
        double previous = double.NegativeInfinity, previousAt = double.NaN;
        foreach (double t in grid)
        {
            double ironed = d.VirtualValue(t);
            Assert.True(ironed >= previous - 1e-6 * scale,
                $"{context}: ironed φ decreases from {previous:R} at {previousAt:R} to {ironed:R} at {t:R}");
            previous = ironed;
            previousAt = t;

            if (!pools.Any(p => t >= p.Lower && t <= p.Upper))
            {
                double raw = m.Phi(t);
                Assert.True(Math.Abs(ironed - raw) <= 1e-12 * (scale + Math.Abs(raw)),
                    $"{context}: off the pools ironed φ({t:R}) = {ironed:R} but raw φ = {raw:R}");
            }
        }

        foreach (var (a, b, k) in pools)
        {
            Assert.True(a < b && a >= m.Lower && b <= m.Upper, $"{context}: pool [{a:R}, {b:R}] is not inside the support");
            // The level is the average of φ over the pool's types.
            double integral = m.IntegralOfPhi(a, b);
            double mass = m.Cdf(b) - m.Cdf(a);
            Assert.True(mass > 0, $"{context}: pool [{a:R}, {b:R}] holds no types");
            Assert.True(Math.Abs(integral - k * mass) <= 1e-10 * scale,
                $"{context}: pool [{a:R}, {b:R}]: ∫φ dF = {integral:R} but k·ΔF = {k * mass:R} (k = {k:R})");
            // Tangency: H − k·u is minimal at both ends, so φ crosses k there.
            foreach (double end in new[] { a, b })
            {
                // An end of the support is a corner of H, not a tangency.
                if (end - m.Lower <= 1e-9 * scale || m.Upper - end <= 1e-9 * scale) continue;
                double left = m.PhiLeft(end), right = m.PhiRight(end);
                // A computed end may sit a hair on the wrong side of a jump of φ: then test the jump itself.
                double nearest = m.Breaks.OrderBy(x => Math.Abs(x - end)).First();
                if (Math.Abs(nearest - end) <= 1e-7 * scale) { left = m.PhiLeft(nearest); right = m.PhiRight(nearest); }
                Assert.True(left <= k + EndTolerance * scale && right >= k - EndTolerance * scale,
                    $"{context}: pool [{a:R}, {b:R}] at level {k:R} is not tangent at {end:R} (φ⁻ = {left:R}, φ⁺ = {right:R})");
            }
        }

        // Pools are disjoint and ordered, with rising levels.
        for (int i = 1; i < pools.Count; i++)
        {
            Assert.True(pools[i - 1].Upper <= pools[i].Lower, $"{context}: pools overlap");
            Assert.True(pools[i - 1].Level <= pools[i].Level + 1e-9, $"{context}: pool levels decrease");
        }
    }

    [Fact]
    public void Dense_segment_next_to_a_sparse_one_is_ironed_across_the_gap()
    {
        // 0.9·U[0,1] + 0.1·U[2,10]: φ = 2t − 10/9 on [0,1] (0.889 at 1) and 2t − 10 on [2,10] (−6 at 2), and the
        // gap (1, 2) is a point mass −(2 − 1)(1 − F(1)) = −0.1 of φ at F(1) = 0.9.
        var m = new UniformMixture((0.9, 0, 1), (0.1, 2, 10));
        Assert.True(m.Phi(1) > 0.88 && m.Phi(2.0000001) < -5.99);
        Assert.False(m.Dist.IsCertifiedRegular);
        AssertIroned(m);

        // By hand: tangency φ(a) = φ(b) = k gives a = (k + 10/9)/2, b = (k + 10)/2, and the pool's level is the
        // average of φ over it, point mass included: H(b) − H(a) = k (F(b) − F(a)) with H(t) = −t(1 − F(t)).
        static double S(double t) => t <= 1 ? 1 - 0.9 * t : 0.0125 * (10 - t);
        static double Gap(double k)
        {
            double a = (k + 10.0 / 9) / 2, b = (k + 10) / 2;
            return -b * S(b) + a * S(a) - k * (S(a) - S(b));
        }
        double k = Bisect(Gap, -1, 0.5);
        var pool = Assert.Single(m.Dist.PoolingIntervals);
        Assert.Equal(k, pool.Level, 1e-9);
        Assert.Equal((k + 10.0 / 9) / 2, pool.Lower, 1e-6);
        Assert.Equal((k + 10) / 2, pool.Upper, 1e-6);
        // The independent discrete computation: one pool w ∈ [0.517, 4.96] at φ̄ = −0.0764.
        Assert.Equal(-0.0764, pool.Level, 4);
        Assert.Equal(0.517, pool.Lower, 3);
        Assert.Equal(4.96, pool.Upper, 2);
        // The whole gap is pooled, and only types with φ = 2t − 10 > 0 are served.
        Assert.Equal(pool.Level, m.Dist.VirtualValue(1.5), 1e-15);
        var model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(m.Dist).Build();
        Assert.Equal(5, model.ReserveValue, 9);
    }

    [Fact]
    public void Gap_below_a_distant_dense_component_pools_everything_below_it()
    {
        // 0.22·U[0,1] + 0.34·U[0,0.5] + 0.44·U[3,4]: the gap (1, 3) is a point mass −2·0.44 = −0.88 of φ at
        // F(1) = 0.56, larger than anything the types below can make up. The hull runs from (0, 0) straight to the
        // bottom of the drop, H(3) = −3·0.44: every type below the gap is pooled at −1.32/0.56, and the pool ends
        // at the gap's top, where φ = 2·3 − 4 = 2 is far above it.
        var m = new UniformMixture((0.22, 0, 1), (0.34, 0, 0.5), (0.44, 3, 4));
        var pool = Assert.Single(m.Dist.PoolingIntervals);
        Assert.Equal(-1.32 / 0.56, pool.Level, 1e-9);
        Assert.Equal(0, pool.Lower, 1e-9);
        Assert.Equal(3, pool.Upper, 1e-9);
        AssertIroned(m);
    }

    [Theory]
    [InlineData(0.9, 0.0, 1.0, 0.1, 2.0, 10.0)]
    [InlineData(0.5, 0.0, 1.0, 0.5, 1.5, 2.5)]
    [InlineData(0.3, 1.0, 2.0, 0.7, 4.0, 5.0)]
    [InlineData(0.8, 0.0, 0.5, 0.2, 0.6, 3.0)]
    public void Pools_match_pool_adjacent_violators_on_a_fine_discretisation(double w1, double lo1, double hi1, double w2, double lo2, double hi2)
    {
        var m = new UniformMixture((w1, lo1, hi1), (w2, lo2, hi2));
        var reference = DiscreteIroning(m, 200_000);
        var pools = m.Dist.PoolingIntervals;
        Assert.Equal(reference.Count, pools.Count);
        // A pool end is known to the discretisation's cell width.
        double cell = (m.Upper - m.Lower) / 200_000 * 4;
        for (int i = 0; i < pools.Count; i++)
        {
            Assert.Equal(reference[i].Lower, pools[i].Lower, cell);
            Assert.Equal(reference[i].Upper, pools[i].Upper, cell);
            Assert.Equal(reference[i].Level, pools[i].Level, 1e-4);
        }
    }

    /// <summary>
    /// The independent check of model.md §6: types on a fine grid of the support intervals (a cell's mass at its top
    /// point), discrete virtual values t_i − (t_{i+1} − t_i)(1 − F_i)/p_i, ironed by pool-adjacent-violators.
    /// Pools are the maximal runs of two or more cells at one level; a pool's ends are its first and last types, and
    /// a pool that reaches across a gap covers it.
    /// </summary>
    private static List<(double Lower, double Upper, double Level)> DiscreteIroning(UniformMixture m, int cells)
    {
        var support = m.Breaks.Zip(m.Breaks.Skip(1)).Where(p => m.Pdf(0.5 * (p.First + p.Second)) > 0).ToArray();
        double length = support.Sum(p => p.Second - p.First);
        var types = new List<double> { m.Lower };
        foreach (var (lo, hi) in support)
        {
            int n = Math.Max(1, (int)Math.Round(cells * (hi - lo) / length));
            for (int i = 1; i <= n; i++) types.Add(lo + (hi - lo) * i / n);
        }
        types = types.Distinct().ToList();
        int count = types.Count;
        var phi = new double[count];
        var mass = new double[count];
        for (int i = 0; i < count; i++)
        {
            mass[i] = i == 0 ? 0 : m.Cdf(types[i]) - m.Cdf(types[i - 1]);
            double next = i + 1 < count ? types[i + 1] : types[i];
            phi[i] = types[i] - (next - types[i]) * (1 - m.Cdf(types[i])) / Math.Max(mass[i], 1e-300);
        }
        // PAV over the types that carry mass, weighted by mass.
        var blocks = new List<(int First, int Last, double Weight, double Level)>();
        for (int i = 1; i < count; i++)
        {
            blocks.Add((i, i, mass[i], phi[i]));
            while (blocks.Count >= 2 && blocks[^2].Level >= blocks[^1].Level)
            {
                var (a, b) = (blocks[^2], blocks[^1]);
                double weight = a.Weight + b.Weight;
                blocks.RemoveRange(blocks.Count - 2, 2);
                blocks.Add((a.First, b.Last, weight, (a.Level * a.Weight + b.Level * b.Weight) / weight));
            }
        }
        // A pool that ends at the bottom of a gap holds the gap's types too (they have no mass of their own).
        double CoverGap(double upper) => support.Where(p => p.First > upper).Select(p => p.First).DefaultIfEmpty(upper).Min() is var next
            && m.Pdf(0.5 * (upper + next)) == 0 ? next : upper;
        return blocks.Where(b => b.Last - b.First >= 8)
            .Select(b => (types[b.First - 1], CoverGap(types[b.Last]), b.Level)).ToList();
    }

    private static double Bisect(Func<double, double> f, double lo, double hi)
    {
        double flo = f(lo);
        Assert.True(flo * f(hi) < 0, "the bracket must hold a sign change");
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi), fm = f(mid);
            if ((fm < 0) == (flo < 0)) { lo = mid; flo = fm; } else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    [Theory]
    [InlineData(0.7, 0.3, 4, 9.485, 9.5)]
    [InlineData(89.0 / 90, 14.0 / 29, 3.911955572320358, 9.48460552614228, 9.5)] // found by the property test below
    [InlineData(0.25, 40.0 / 67, 0, 7.984255590949547, 8)]                         // ditto
    public void Narrow_pool_near_the_top_is_found(double w1, double w2, double lo2, double hi2, double hi1)
    {
        // w1·U[0, hi1] + w2·U[lo2, hi2] with hi2 just below hi1: f drops at hi2 and φ with it, by ~0.01. The pool
        // around hi2 holds a few 1e-4 of the mass, less than the spacing of a 2048-point quantile grid, so it is
        // only found if the grid has a point at (or near) the kink hi2.
        var m = new UniformMixture((w1, 0, hi1), (w2, lo2, hi2));
        Assert.True(m.PhiLeft(hi2) > m.PhiRight(hi2), "the reference φ drops at hi2");
        Assert.NotEmpty(m.Dist.PoolingIntervals);
        AssertIroned(m);
    }

    [Fact]
    public void Overlapping_uniforms_are_ironed_exactly_when_phi_drops()
    {
        // 0.5·U[0,1] + 0.5·U[0.5,1.5]: whether φ is monotone is decided here on the reference φ, then the library
        // must pool iff it is not.
        var m = new UniformMixture((0.5, 0, 1), (0.5, 0.5, 1.5));
        var grid = Grid(m.Lower, m.Upper, 3001);
        bool monotone = grid.Zip(grid.Skip(1)).All(p => m.Phi(p.Second) >= m.Phi(p.First));
        Assert.Equal(!monotone, m.Dist.PoolingIntervals.Count > 0);
        AssertIroned(m);

        // It is not monotone: the second component ends at 1, halving f, so φ drops from 0.75 to 0.5. Closed-form
        // pool: a = (k + 1.25)/2, b = (k + 1.5)/2, (1 − a)² = ½(b − 1)², so k = (0.5 + 0.75√2)/(1 + √2).
        Assert.False(monotone);
        double k = (0.5 + 0.75 * Math.Sqrt(2)) / (1 + Math.Sqrt(2));
        var pool = Assert.Single(m.Dist.PoolingIntervals);
        Assert.Equal(k, pool.Level, 1e-9);
        Assert.Equal((k + 1.25) / 2, pool.Lower, 1e-6);
        Assert.Equal((k + 1.5) / 2, pool.Upper, 1e-6);
    }

    [Fact]
    public void Mixture_with_a_monotone_virtual_value_has_no_pools()
    {
        // 0.5·U[0,1] + 0.5·U[1,2] is U[0,2]; φ = 2t − 2 is increasing, so nothing may be pooled.
        var m = new UniformMixture((0.5, 0, 1), (0.5, 1, 2));
        var grid = Grid(m.Lower, m.Upper, 3000); // even count: no grid point on the shared end 1, see below
        Assert.True(grid.Zip(grid.Skip(1)).All(p => m.Phi(p.Second) >= m.Phi(p.First)));
        Assert.Empty(m.Dist.PoolingIntervals);
        AssertIroned(m);
        Assert.Equal(2 * 1.3 - 2, m.Dist.VirtualValue(1.3), 1e-12);
    }

    [Fact]
    public void Touching_components_do_not_count_the_density_twice_at_the_shared_end()
    {
        // 0.5·U[0,1] + 0.5·U[1,2] is exactly U[0,2], so φ(t) = 2t − 2 for every type, t = 1 included. Adding the
        // closed-support densities of both parts at t = 1 would give f(1) = 1 and an isolated φ(1) = 0.5, above
        // φ(1 + ε) ≈ 0: a non-monotone virtual value at a type the menu serves.
        var d = TypeDistribution.Mixture((0.5, TypeDistribution.Uniform(0, 1)), (0.5, TypeDistribution.Uniform(1, 2)));
        Assert.Equal(1.0, d.Cdf(1) * 2, 1e-15);
        Assert.Equal(0.0, d.VirtualValue(1), 1e-12);
        Assert.True(d.VirtualValue(1) <= d.VirtualValue(1 + 1e-9), "ironed φ must not drop just above the shared end");
    }

    [Fact]
    public void Power_law_below_one_is_ironed_near_its_lower_end()
    {
        // F = √(t − 1) on [1, 2]: with v = F(t), φ = 1 − 2v + 3v², decreasing for v < 1/3. In quantile space
        // H(v) = v − v² + v³, whose convex hull leaves it along the tangent from the origin, touching at v = 1/2:
        // pool [1, 1.25] at level H'(1/2) = 0.75.
        var d = TypeDistribution.Power(0.5, 1, 2);
        Assert.False(d.IsCertifiedRegular);
        static double Phi(double t) { double v = Math.Sqrt(t - 1); return 1 - 2 * v + 3 * v * v; }

        var pool = Assert.Single(d.PoolingIntervals);

        // The lowest type t = 1 (raw φ = 1) belongs to the pool too: its ironed φ must not exceed the pool's.
        double previous = double.NegativeInfinity, previousAt = double.NaN;
        foreach (double t in Grid(1, 2, 5000).Prepend(1.0).Append(2.0))
        {
            double ironed = d.VirtualValue(t);
            Assert.True(ironed >= previous - 1e-9, $"ironed φ decreases from {previous:R} at {previousAt:R} to {ironed:R} at {t:R}");
            previous = ironed;
            previousAt = t;
            if (t > pool.Upper) Assert.Equal(Phi(t), ironed, 1e-12);
        }

        Assert.Equal(1, pool.Lower, 1e-9);
        Assert.Equal(1.25, pool.Upper, 1e-6);
        Assert.Equal(0.75, pool.Level, 1e-9);
    }

    [Fact]
    public void Random_two_component_uniform_mixtures_are_ironed()
    {
        var interval = Gen.Select(Gen.Double[0, 10], Gen.Double[0, 10], (x, y) => (Lo: Math.Min(x, y), Hi: Math.Max(x, y)))
            .Where(i => i.Hi - i.Lo >= 0.05);
        var gen = Gen.Select(Gen.Double[0.05, 1], interval, Gen.Double[0.05, 1], interval);
        gen.Check((w1, i1, w2, i2) => AssertIroned(new UniformMixture((w1, i1.Lo, i1.Hi), (w2, i2.Lo, i2.Hi)), 1500), iter: 500, seed: "0IroningMix1");
    }
}

/// <summary>∫ φ̄ dF in closed form (what the plan designer's centroids use) against quadrature of the ironed φ̄.</summary>
public sealed class IronedCumulativeVirtualValueTests
{
    [Fact]
    public void Equals_the_integral_of_the_ironed_virtual_value_inside_and_outside_pools()
    {
        // The README mixture: a dense low segment and a sparse high one. The pool spans the gap (1, 2), so the gap's
        // point mass in φ (model.md §6) is averaged into the pool's level and ∫ φ̄ dF is a plain integral of φ̄ f.
        var d = TypeDistribution.Mixture((0.9, TypeDistribution.Uniform(0, 1)), (0.1, TypeDistribution.Uniform(2, 10))).Core;
        var pool = Assert.Single(d.PoolingIntervals);
        Assert.True(pool.Lower < 1 && pool.Upper > 2, $"pool [{pool.Lower}, {pool.Upper}]");
        double[] points = [0.3, pool.Lower, 0.5 * (pool.Lower + 1), 1.5, pool.Upper, 6, 10];
        foreach (double t in points)
        {
            double expected = 0;
            foreach (var (a, b) in new[] { (0.0, 1.0), (2.0, 10.0) })
                if (t > a)
                    expected += MathNet.Numerics.Integration.GaussKronrodRule.Integrate(
                        x => d.VirtualValue(x) * d.Pdf(x), a, Math.Min(t, b), out _, out _, 1e-13, 20, 61);
            Assert.True(Math.Abs(d.IronedCumulativeVirtualValue(t) - expected) <= 1e-7, $"t = {t}: {d.IronedCumulativeVirtualValue(t)} vs {expected}");
        }
    }
}
