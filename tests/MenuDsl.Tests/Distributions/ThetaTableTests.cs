using System;
using MenuDsl.Kernel;
using Xunit;

namespace MenuDsl.Tests.Distributions;

/// <summary>
/// The tables that make package calls cheap on a numeric law of θ (issue 12): the Chebyshev table of φ̄_θ and the
/// cumulative package rent schedule, each against the direct adaptive quadrature at seeded points, to the bounds the
/// code states (<see cref="DistributionCore.VirtualValueTableTolerance"/> × max(a, b − a) on t's piece [a, b] for φ̄; 10⁻⁹ θ Q(θ) for the rent,
/// so 2·10⁻⁹ θ Q(θ) between the schedule and the direct quadrature, each within its own bound).
/// </summary>
public class ThetaTableTests
{
    private const double Delta = 0.5;

    public static TheoryData<string> Laws => new() { "beta", "lognormal", "truncated-normal", "ironed-mixture", "pareto" };

    private static DistributionCore Law(string name)
    {
        var scales = TypeDistribution.Uniform(0.2, 1);
        var values = name switch
        {
            "beta" => TypeDistribution.Beta(2, 3, 0, 2),
            "lognormal" => TypeDistribution.LogNormal(0, 0.5),
            "truncated-normal" => TypeDistribution.TruncatedNormal(1, 0.5, 0, 3),
            // A dense low segment beside a sparse high one: φ_θ drops, so the law of θ is ironed.
            "ironed-mixture" => TypeDistribution.Mixture((0.85, TypeDistribution.Uniform(0, 1)), (0.15, TypeDistribution.Uniform(2, 3))),
            "pareto" => TypeDistribution.Pareto(1, 3),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        return ThetaDistributions.For(values, scales, Delta).Core;
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Tabulated_virtual_value_matches_the_direct_quadrature(string name)
    {
        var law = Law(name);
        Assert.True(law.TabulatesVirtualValue);
        var table = law.VirtualValueTable;
        Assert.NotNull(table);
        Assert.Equal(law.ReserveValue, table!.Lower);
        Assert.Equal(law.Top, table.Upper);
        Assert.Equal(0, table.Size.Direct);
        double Bound(double t) => table.PieceAt(t) is { } piece
            ? ChebyshevTable.PieceTolerance(piece.Lower, piece.Upper, DistributionCore.VirtualValueTableTolerance)
            : throw new InvalidOperationException($"{t:R} is outside the table");
        var random = new Random(12);
        // 60 seeded points per law (300 over the five laws), plus the pools' ends and points just inside the table.
        for (int i = 0; i < 60; i++)
        {
            double t = i switch
            {
                0 => table.Lower,
                1 => table.Upper,
                2 => table.Lower + 1e-9 * (table.Upper - table.Lower),
                _ => table.Lower + random.NextDouble() * (table.Upper - table.Lower),
            };
            double tabulated = law.VirtualValue(t), direct = law.DirectVirtualValue(t);
            Assert.True(Math.Abs(tabulated - direct) <= Bound(t), $"{name}: φ̄({t:R}) tabulated {tabulated:R}, direct {direct:R}, error {Math.Abs(tabulated - direct):E2} > {Bound(t):E2}");
        }
        foreach (var pool in law.PoolingIntervals)
            foreach (double t in new[] { pool.Lower, 0.5 * (pool.Lower + pool.Upper), pool.Upper })
                if (t >= table.Lower && t <= table.Upper)
                    Assert.True(Math.Abs(law.VirtualValue(t) - pool.Level) <= Bound(t), $"{name}: pooled φ̄({t:R}) = {law.VirtualValue(t):R}, pool level {pool.Level:R}");
    }

    [Fact]
    public void The_mixture_law_is_really_ironed()
    {
        // Otherwise the ironed case above would test nothing about pools.
        Assert.NotEmpty(Law("ironed-mixture").PoolingIntervals);
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void Rent_schedule_matches_the_direct_quadrature(string name)
    {
        var law = Law(name);
        // θ̂ ≈ 1.61: items fine-tune inside each law's served range, so the schedule crosses the switch.
        var technology = new CobbDouglasCore(0.3, 0.2, 0.1, 1, 1, 2, 0.05);
        double Quality(double k) => technology.Quality(law.VirtualValue(k), 1);
        double reserve = law.ReserveValue, level = technology.FineTuningVirtualValue(1);
        var schedule = new RentSchedule(law, Quality, reserve, level);
        var random = new Random(21);
        double top = law.Top;
        for (int i = 0; i < 40; i++)
        {
            // Mostly the served range; a few just above the reserve, and a few past the top of an unbounded law.
            double theta = i switch
            {
                0 => reserve,
                1 => reserve + 1e-7 * (top - reserve),
                2 => double.IsPositiveInfinity(law.Upper) ? 1.5 * top : top,
                _ => reserve + random.NextDouble() * (top - reserve),
            };
            double tabulated = schedule.At(theta);
            double direct = Screening.Rent(law, Quality, reserve, theta, level, "the rent");
            double scale = theta * Quality(theta);
            Assert.True(Math.Abs(tabulated - direct) <= 2e-9 * scale + 1e-300,
                $"{name}: U({theta:R}) schedule {tabulated:R}, direct {direct:R}, error {Math.Abs(tabulated - direct):E2} > 2e-9·θQ = {2e-9 * scale:E2}");
        }
    }
}
