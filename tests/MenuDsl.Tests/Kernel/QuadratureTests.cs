using System;
using System.Linq;
using MathNet.Numerics.Integration;
using Xunit;

namespace MenuDsl.Tests.Kernel;

/// <summary>
/// The pair quadrature behind the numeric law of θ (<see cref="Quadrature.IntegratePairSmoothingEnds"/>): its rule
/// against MathNet's copy of QUADPACK's and against exact moments, and its integrals against closed forms.
/// </summary>
public class QuadratureTests
{
    [Fact]
    public void Kronrod_rule_is_QUADPACKs_31_point_rule()
    {
        // MathNet lists the non-negative nodes from the centre out, with Gauss weights for the centre and every other node.
        var mathNet = new GaussKronrodRule(31);
        var nodes = mathNet.KronrodAbscissas.Reverse().ToArray();
        var kronrod = mathNet.KronrodWeights.Reverse().ToArray();
        var gauss = mathNet.GaussWeights.Reverse().ToArray();
        Assert.Equal(nodes.Length, Quadrature.KronrodNodes.Length);
        for (int i = 0; i < nodes.Length; i++)
        {
            Assert.Equal(nodes[i], Quadrature.KronrodNodes[i], 1e-15);
            Assert.Equal(kronrod[i], Quadrature.KronrodWeights[i], 1e-15);
        }
        Assert.Equal(gauss.Length, Quadrature.GaussWeights.Length);
        for (int i = 0; i < gauss.Length; i++) Assert.Equal(gauss[i], Quadrature.GaussWeights[i], 1e-15);
    }

    [Fact]
    public void Kronrod_and_Gauss_rules_integrate_polynomials_of_their_degree_exactly()
    {
        // ∫₋₁¹ x^k dx = 2/(k + 1) for even k, 0 for odd k: the Kronrod rule is exact to degree 46, the Gauss rule to 29.
        double[] x = Quadrature.KronrodNodes, wk = Quadrature.KronrodWeights, wg = Quadrature.GaussWeights;
        int centre = x.Length - 1;
        for (int k = 0; k <= 46; k++)
        {
            double exact = k % 2 == 0 ? 2.0 / (k + 1) : 0, kronrod = wk[centre] * Math.Pow(0, k), gauss = wg[^1] * Math.Pow(0, k);
            for (int i = 0; i < centre; i++)
            {
                double both = Math.Pow(x[i], k) + Math.Pow(-x[i], k);
                kronrod += wk[i] * both;
                if (i % 2 == 1) gauss += wg[i / 2] * both;
            }
            Assert.True(Math.Abs(kronrod - exact) <= 1e-14, $"Kronrod rule, x^{k}: {kronrod:R} vs {exact:R}");
            if (k <= 29) Assert.True(Math.Abs(gauss - exact) <= 1e-14, $"Gauss rule, x^{k}: {gauss:R} vs {exact:R}");
        }
        // Degree 30 is past the Gauss rule: the error estimate sees it.
        double gauss30 = 0;
        for (int i = 1; i < centre; i += 2) gauss30 += 2 * wg[i / 2] * Math.Pow(x[i], 30);
        Assert.True(Math.Abs(gauss30 - 2.0 / 31) > 1e-12);
    }

    [Fact]
    public void Pairs_match_closed_forms_each_to_its_own_size()
    {
        // Smooth pieces split at 1 and 2; a tiny second integrand keeps its own relative accuracy.
        var (exp, tiny) = Quadrature.IntegratePairSmoothingEnds(x => (Math.Exp(x), 1e-30 * Math.Cos(x)), 0, 3, [1, 2], "a test",
            PairTolerance.Each, 0, 1e-8);
        Assert.Equal(Math.Exp(3) - 1, exp, 1e-13 * Math.Exp(3));
        Assert.True(Math.Abs(tiny - 1e-30 * Math.Sin(3)) <= 1e-13 * 1e-30 * Math.Sin(3), $"tiny: {tiny:R}");

        // An integrable singularity at a breakpoint: the smoothed ends absorb x^(−½).
        var (root, inverseRoot) = Quadrature.IntegratePairSmoothingEnds(x => (Math.Sqrt(x), 1 / Math.Sqrt(x)), 0, 1, [], "a test",
            PairTolerance.Each, 0, 1e-8);
        Assert.Equal(2.0 / 3, root, 1e-13);
        Assert.Equal(2.0, inverseRoot, 1e-9);
    }

    [Fact]
    public void A_shared_tolerance_holds_both_to_their_sum()
    {
        // F = x/2 and 1 − F of a uniform law on [0, 2] at 2·(1 − 1e-9): both exact to 1e-12 in probability.
        double t = 2 * (1 - 1e-9);
        var (cdf, survival) = Quadrature.IntegratePairSmoothingEnds(x => (x <= t ? 0.5 : 0, x > t ? 0.5 : 0), 0, 2, [t], "a test",
            PairTolerance.Sum, 0, 1e-8);
        Assert.Equal(t / 2, cdf, 1e-12);
        Assert.Equal(1 - t / 2, survival, 1e-12);
    }

    [Fact]
    public void A_divergent_or_undefined_integral_throws()
    {
        Assert.Throws<InvalidOperationException>(() => Quadrature.IntegratePairSmoothingEnds(x => (1, 1 / (x * x)), 0, 1, [], "a divergent integral",
            PairTolerance.Each, 0, 1e-8));
        Assert.Throws<InvalidOperationException>(() => Quadrature.IntegratePairSmoothingEnds(x => (double.NaN, 1), 0, 1, [], "an undefined integral",
            PairTolerance.Each, 0, 1e-8));
    }
}
