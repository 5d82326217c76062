using System;
using System.Collections.Generic;
using System.Linq;
using MenuDsl.Kernel;
using Xunit;

namespace MenuDsl.Tests.Distributions;

/// <summary>
/// The certificate that lets a law of θ skip ironing for its served types
/// (<see cref="DistributionCore.IsCertifiedRegularWhereServed"/>): each family's claim that ln t has a log-concave
/// density against second differences of that log-density, and certified laws of θ against a full ironing.
/// </summary>
public class ServedRegularityTests
{
    public static TheoryData<string> Families => new(FamilyCases.Select(c => c.Name));

    private static readonly (string Name, DistributionCore Core)[] FamilyCases =
    [
        ("uniform [0, 1]", new UniformCore(0, 1)),
        ("uniform [0.5, 2]", new UniformCore(0.5, 2)),
        ("exponential 2", new ExponentialCore(2)),
        ("power c = 2 on [0, 1]", new PowerCore(2, 0, 1)),
        ("power c = 0.5 on [0, 1]", new PowerCore(0.5, 0, 1)),
        ("power c = 2 on [0.5, 2]", new PowerCore(2, 0.5, 2)),
        ("power c = 0.5 on [1, 2]", new PowerCore(0.5, 1, 2)),
        ("pareto 1, 3", new ParetoCore(1, 3)),
        ("beta 2, 3 on [0, 2]", new BetaCore(2, 3, 0, 2)),
        ("beta 0.5, 2 on [0, 1]", new BetaCore(0.5, 2, 0, 1)),
        ("beta 2, 0.5 on [0, 1]", new BetaCore(2, 0.5, 0, 1)),
        ("beta 0.5, 2 on [0.5, 2]", new BetaCore(0.5, 2, 0.5, 2)),
        ("beta 1.5, 1.5 on [0.5, 2]", new BetaCore(1.5, 1.5, 0.5, 2)),
        ("log-normal 0, 0.5", new LogNormalCore(0, 0.5)),
        ("truncated normal 1, 0.4 on [0.6, 3]", new TruncatedNormalCore(1, 0.4, 0.6, 3)),
        ("truncated normal 1, 0.4 on [0, 3]", new TruncatedNormalCore(1, 0.4, 0, 3)),
    ];

    [Theory]
    [MemberData(nameof(Families))]
    public void The_log_concavity_claim_matches_the_density(string name)
    {
        // ℓ(y) = ln(f(e^y) e^y), the log-density of ln t, on 2,000 steps of y across the body of the law (the 10⁻⁶ and
        // 1 − 10⁻⁶ quantiles, inside the support): concave exactly when no second difference is positive beyond rounding.
        var core = FamilyCases.Single(c => c.Name == name).Core;
        double from = Math.Log(Math.Max(core.Quantile(1e-6), core.Lower + 1e-9)), to = Math.Log(core.Quantile(1 - 1e-6));
        const int steps = 2000;
        double Ell(double y) => Math.Log(core.Pdf(Math.Exp(y))) + y;
        double largest = double.NegativeInfinity;
        for (int i = 1; i < steps; i++)
        {
            double h = (to - from) / steps, y = from + i * h;
            largest = Math.Max(largest, Ell(y - h) - 2 * Ell(y) + Ell(y + h));
        }
        Assert.True(largest <= 1e-10 == core.LogHasLogConcaveDensity,
            $"{name}: claims {core.LogHasLogConcaveDensity}, largest second difference of ln t's log-density {largest:E2}");
    }

    [Fact]
    public void Certified_laws_of_theta_have_no_served_pool_and_the_reserve_value_of_a_full_ironing()
    {
        var values = new DistributionCore[]
        {
            new BetaCore(2, 3, 0, 2), new LogNormalCore(0, 0.5), new ExponentialCore(1), new ParetoCore(1, 3),
            new TruncatedNormalCore(1, 0.4, 0.6, 3), new PowerCore(2, 0, 1), new UniformCore(0.5, 2),
        };
        var scales = new DistributionCore[] { new UniformCore(0.2, 1), new UniformCore(0, 1), new BetaCore(2, 2, 0, 1) };
        var random = new Random(20261201);
        for (int k = 0; k < 8; k++)
        {
            double delta = 0.2 + 0.6 * random.NextDouble();
            var (w, s) = (values[random.Next(values.Length)], scales[random.Next(scales.Length)]);
            AssertMatchesFullIroning(new NumericThetaCore(w, s, delta), $"law {k}, δ = {delta:R}", random);
        }
        // One with a pool below the reserve value (A_certified_law_still_irons_its_unserved_types).
        AssertMatchesFullIroning(new NumericThetaCore(new ExponentialCore(1), new UniformCore(0, 1), 0.5), "exponential × uniform from 0", random);
        AssertMatchesFullIroning(new UniformThetaCore(0, 1, 0, 1, 0.5), "uniform closed form on [0, 1]²", random);
        AssertMatchesFullIroning(new UniformThetaCore(0.5, 2, 0.2, 0.9, 0.4), "uniform closed form", random);
    }

    [Fact]
    public void A_certified_law_still_irons_its_unserved_types()
    {
        // Exponential values and scales from 0: φ_θ(t) → 0⁻ as t → 0 and dips before it rises, so the bottom is pooled
        // at a negative level; types there read the pool's level, from an ironing up to the reserve value when first
        // asked for, and it is the pool a full ironing finds.
        var law = new NumericThetaCore(new ExponentialCore(1), new UniformCore(0, 1), 0.5);
        Assert.True(law.IsCertifiedRegularWhereServed);
        var pool = IroningCore.Compute(new Uncertified(law)).Pools.First();
        Assert.True(pool.Level < 0);
        double inside = 0.5 * (pool.Lower + pool.Upper);
        Assert.Equal(pool.Level, law.VirtualValue(inside), 1e-12);
        Assert.True(law.RawVirtualValue(inside) != pool.Level);
        var found = Assert.Single(law.PoolingIntervals, p => p.Lower <= inside && inside <= p.Upper);
        Assert.Equal(pool.Lower, found.Lower, 1e-12);
        Assert.Equal(pool.Upper, found.Upper, 1e-9 * pool.Upper);
    }

    /// <summary>The same law without the certificate: ironed everywhere, as any law is.</summary>
    private sealed class Uncertified(DistributionCore law) : DistributionCore
    {
        public override double Lower => law.Lower;
        public override double Upper => law.Upper;
        public override double Pdf(double t) => law.Pdf(t);
        public override double Cdf(double t) => law.Cdf(t);
        public override double Survival(double t) => law.Survival(t);
        public override (double Cdf, double Survival) CdfAndSurvival(double t) => law.CdfAndSurvival(t);
        public override (double Pdf, double Survival) PdfAndSurvival(double t) => law.PdfAndSurvival(t);
        public override double Quantile(double u) => law.Quantile(u);
        public override IEnumerable<double> Kinks => law.Kinks;
        public override IEnumerable<double> IroningGrid(int size) => law.IroningGrid(size);
    }

    private static void AssertMatchesFullIroning(DistributionCore law, string name, Random random)
    {
        Assert.True(law.IsCertifiedRegularWhereServed, name);
        var pools = IroningCore.Compute(new Uncertified(law)).Pools;
        double Ironed(double t)
        {
            foreach (var pool in pools)
                if (t >= pool.Lower && t <= pool.Upper) return pool.Level;
            return law.RawVirtualValue(t);
        }
        double top = law.Top, fullReserve = Ironed(law.Lower) > 0 ? law.Lower : Numeric.FirstTrue(t => Ironed(t) > 0, law.Lower, top);
        Assert.Equal(fullReserve, law.ReserveValue, 1e-12 * fullReserve);
        foreach (var pool in pools)
            Assert.True(pool.Upper <= law.ReserveValue * (1 + 1e-9) && pool.Level <= 1e-9,
                $"{name}: pool [{pool.Lower:R}, {pool.Upper:R}] at {pool.Level:R} reaches the served types above {law.ReserveValue:R}");
        // Ironing only up to the reserve value finds the same pools.
        Assert.Equal(pools.Count, law.PoolingIntervals.Count);
        foreach (var (full, below) in pools.Zip(law.PoolingIntervals))
        {
            Assert.Equal(full.Lower, below.Lower, 1e-9 * Math.Max(1, full.Lower));
            Assert.Equal(full.Upper, below.Upper, 1e-9 * Math.Max(1, full.Upper));
            Assert.Equal(full.Level, below.Level, 1e-12);
        }
        for (int i = 0; i < 20; i++)
        {
            double t = law.ReserveValue + random.NextDouble() * (top - law.ReserveValue);
            Assert.Equal(Ironed(t), law.DirectVirtualValue(t), 1e-12 * Math.Max(1, Math.Abs(t)));
        }
    }
}
