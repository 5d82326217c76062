using System;
using MenuDsl.Kernel;
using Xunit;

namespace MenuDsl.Tests.Distributions;

/// <summary>
/// Piecewise-affine φ_θ (issue "Performance": closed-form package rents where θ's law allows). For w ~ U[0, wh],
/// s ~ U[sl, sh] and δ = ½ the law of θ = w√s has φ_θ affine on [Lower, wh√sl] and on [wh√sl, Upper]; the pieces are
/// checked against φ = t − (1 − F)/f of the closed-form law, and the closed-form rent against a plain composite Simpson
/// rule over the technology's quality — no kernel quadrature involved.
/// </summary>
public class AffinePieceTests
{
    public static TheoryData<double, double, double> Laws => new()
    {
        { 1.0, 0.2, 1.0 },   // api.md's default model
        { 2.0, 0.1, 0.8 },
        { 1.0, 0.0, 1.0 },   // model.md §4: one piece, φ_θ = (3θ − 1)/2
        { 3.0, 0.5, 0.9 },
    };

    [Theory]
    [MemberData(nameof(Laws))]
    public void The_pieces_are_the_law_s_own_virtual_value(double wh, double sl, double sh)
    {
        var law = new UniformThetaCore(0, wh, sl, sh, 1 - 0.3 - 0.2); // δ as the model computes it, one ulp below ½
        var pieces = law.AffinePieces;
        Assert.NotNull(pieces);
        Assert.Equal(sl > 0 ? 2 : 1, pieces!.Length);
        Assert.Equal(law.Lower, pieces[0].Lower, 15);
        Assert.Equal(law.Upper, pieces[^1].Upper, 15);
        for (int k = 1; k < pieces.Length; k++)
        {
            Assert.Equal(pieces[k - 1].Upper, pieces[k].Lower);
            Assert.True(Math.Abs(pieces[k - 1].Phi.At(pieces[k].Lower) - pieces[k].Phi.At(pieces[k].Lower)) <= 1e-14, "continuous at the kink");
        }
        var random = new Random(20261130);
        foreach (var piece in pieces)
            for (int i = 0; i < 100; i++)
            {
                // Inside the piece, away from its ends where F's formula switches branches.
                double t = piece.Lower + (0.001 + 0.998 * random.NextDouble()) * (piece.Upper - piece.Lower);
                double direct = t - law.Survival(t) / law.Pdf(t);
                Assert.True(Math.Abs(piece.Phi.At(t) - direct) <= 1e-12 * (1 + Math.Abs(direct)), $"t = {t:R}: piece {piece.Phi.At(t):R}, law {direct:R}");
            }
    }

    [Fact]
    public void Other_laws_of_theta_have_no_pieces()
    {
        Assert.Null(new UniformThetaCore(0.1, 1, 0.2, 1, 0.5).AffinePieces);  // values not from 0
        Assert.Null(new UniformThetaCore(0, 1, 0.2, 1, 0.6).AffinePieces);    // δ ≠ ½
        Assert.Single(new UniformCore(0, 1).AffinePieces!);                    // an affine law: one piece
    }

    [Theory]
    [MemberData(nameof(Laws))]
    public void The_closed_form_rent_is_the_integral_of_the_quality(double wh, double sl, double sh)
    {
        // Cheap fine-tuning so that θ crosses the switch on the support when wh is large.
        foreach (var technology in new[] { new CobbDouglasCore(0.3, 0.2, 0.1, 1, 1, 2, 5), new CobbDouglasCore(0.3, 0.2, 0.1, 1, 0.01, 0.02, 0.05) })
        {
            var law = new UniformThetaCore(0, wh, sl, sh, technology.Delta);
            var pieces = law.AffinePieces!;
            double Phi(double t) { foreach (var p in pieces) if (t <= p.Upper) return p.Phi.At(t); return pieces[^1].Phi.At(t); }
            double Quality(double t) => technology.Quality(Math.Max(0, Phi(t)), 1);
            foreach (double fraction in new[] { 0.3, 0.5, 0.75, 0.9, 1.0 })
            {
                double theta = law.Lower + fraction * (law.Upper - law.Lower);
                double expected = Simpson(Quality, law.Lower, theta, pieces, technology);
                double actual = AffinePiece.Rent(pieces, technology, 1, theta);
                Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(expected, 1e-12), $"θ = {theta:R}: closed form {actual:R}, Simpson {expected:R}");
            }
        }
    }

    // Composite Simpson split at the kinks of the integrand (the pieces' ends, φ = 0 and the fine-tuning switch).
    private static double Simpson(Func<double, double> f, double from, double to, AffinePiece[] pieces, CobbDouglasCore technology)
    {
        var cuts = new System.Collections.Generic.List<double> { from, to };
        foreach (var p in pieces)
        {
            cuts.Add(p.Lower);
            cuts.Add((0 - p.Phi.Intercept) / p.Phi.Slope);
            cuts.Add((technology.FineTuningThreshold - p.Phi.Intercept) / p.Phi.Slope);
        }
        cuts.RemoveAll(c => !(c >= from && c <= to));
        cuts.Sort();
        double sum = 0;
        for (int k = 1; k < cuts.Count; k++)
        {
            double a = cuts[k - 1], b = cuts[k];
            if (!(b > a)) continue;
            const int n = 20000;
            double h = (b - a) / n, part = f(a) + f(b);
            for (int i = 1; i < n; i++) part += (i % 2 == 1 ? 4 : 2) * f(a + i * h);
            sum += part * h / 3;
        }
        return sum;
    }
}
