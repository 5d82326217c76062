using System;
using MenuDsl;
using Xunit;
using static MenuDsl.Tests.Economics.ExampleATests;

namespace MenuDsl.Tests.Economics;

/// <summary>The closed forms of model.md §2–§3 against numeric optimisation of the underlying problems.</summary>
public class FirstBestTests
{
    public static TheoryData<double, double, double, double, double, double, double, double, double> Cases => new()
    {
        // α, β, γ, b, c_x, c_y, c_z, w, s — types on both sides of θ̂.
        { 0.3, 0.2, 0.1, 1.0, 0.1, 0.1, 0.1, 0.4, 1.0 },   // θ = .4 < θ̂ ≈ .626
        { 0.3, 0.2, 0.1, 1.0, 0.1, 0.1, 0.1, 0.95, 1.0 },  // θ = .95 > θ̂
        { 0.3, 0.2, 0.1, 1.0, 0.1, 0.1, 0.1, 0.9, 0.36 },  // θ = .9 · .6 = .54 < θ̂
        { 0.25, 0.25, 0.2, 0.5, 0.2, 0.3, 0.05, 1.5, 0.8 },
        { 0.2, 0.3, 0.15, 2.0, 1.0, 0.5, 0.2, 3.0, 0.5 },
        { 0.2, 0.3, 0.15, 2.0, 1.0, 0.5, 0.2, 0.5, 0.5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EfficientAllocationMaximisesSurplus(double alpha, double beta, double gamma, double b, double cx, double cy, double cz, double w, double s)
    {
        var model = Build(alpha, beta, gamma, b, cx, cy, cz);
        var allocation = model.Efficient(w, s);

        // Surplus of a value-scale type with per-task (x, y) and fine-tuning z: s (w v − c_x x − c_y y) − c_z z.
        double Surplus(double x, double y, double z) =>
            s * (w * Math.Pow(x, alpha) * Math.Pow(y, beta) * Math.Pow(b + z, gamma) - cx * x - cy * y) - cz * z;

        // For fixed z, maximise over (log x, log y) with Nelder-Mead; then maximise over z ≥ 0 by golden section.
        // Nested golden-section searches on log x and log y (the surplus is unimodal in each).
        double BestGivenZ(double z)
        {
            double x0 = Math.Log(allocation.Input), y0 = Math.Log(allocation.Output);
            double BestY(double lx) => Surplus(Math.Exp(lx), Math.Exp(Search.ArgMin(
                ly => -Surplus(Math.Exp(lx), Math.Exp(ly), z), y0 - 6, y0 + 6, 80)), z);
            return BestY(Search.ArgMin(lx => -BestY(lx), x0 - 6, x0 + 6, 80));
        }
        double zMax = 10 * (allocation.FineTuning + b);
        double zStar = Search.ArgMin(z => -BestGivenZ(z), 0, zMax, 80);
        double numeric = Math.Max(BestGivenZ(zStar), BestGivenZ(0));

        AssertRelative(numeric, allocation.Surplus, 1e-7);
        Assert.True(allocation.Surplus >= numeric - 1e-12 * Math.Abs(numeric), "the closed form must not be beaten");
        // The closed-form allocation itself attains its surplus, and fine-tuning is chosen exactly when θ > θ̂.
        AssertRelative(allocation.Surplus, Surplus(allocation.Input, allocation.Output, allocation.FineTuning), 1e-12);
        Assert.Equal(model.Theta(w, s) > model.FineTuningThreshold, allocation.FineTunes);
        Assert.Equal(allocation.FineTunes, zStar > 1e-6 * (b + 1) && BestGivenZ(zStar) > BestGivenZ(0));
        AssertRelative(s * Math.Pow(allocation.Input, alpha) * Math.Pow(allocation.Output, beta) * Math.Pow(b + allocation.FineTuning, gamma),
            allocation.Quality, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CostFunctionIsTheMinimumCostOfQuality(double alpha, double beta, double gamma, double b, double cx, double cy, double cz, double w, double s)
    {
        var core = new MenuDsl.Kernel.CobbDouglasCore(alpha, beta, gamma, b, cx, cy, cz);
        double q = core.FirstBest(w, s).Quality; // a quality on either side of q̂(s)
        foreach (double quality in new[] { q, 0.3 * q, 3 * q })
        {
            // min s c_x x + s c_y y + c_z z s.t. s x^α y^β (b+z)^γ = q, with y eliminated.
            double CostOf(double logX, double z)
            {
                double x = Math.Exp(logX);
                double y = Math.Pow(quality / (s * Math.Pow(x, alpha) * Math.Pow(b + z, gamma)), 1 / beta);
                double cost = s * cx * x + s * cy * y + cz * z;
                return double.IsFinite(cost) ? cost : double.MaxValue; // overflow far from the optimum
            }
            double BestGivenZ(double z) => CostOf(Search.ArgMin(lx => CostOf(lx, z), Math.Log(quality) - 20, Math.Log(quality) + 20, 100), z);
            double zMax = 10 * (b + quality / Math.Pow(s, 1 - alpha - beta));
            double numeric = Math.Min(BestGivenZ(0), BestGivenZ(Search.ArgMin(BestGivenZ, 0, zMax, 100)));
            AssertRelative(numeric, core.Cost(quality, s), 1e-7);
            Assert.True(core.Cost(quality, s) <= numeric * (1 + 1e-12));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ScreeningBundleCostsTheCostFunction(double alpha, double beta, double gamma, double b, double cx, double cy, double cz, double w, double s)
    {
        // The menu item is the first-best bundle of value φ; its cost is C(q, s) and C_q(q, s) = φ.
        var core = new MenuDsl.Kernel.CobbDouglasCore(alpha, beta, gamma, b, cx, cy, cz);
        var bundle = core.FirstBest(w, s);
        AssertRelative(core.Cost(bundle.Quality, s), bundle.Cost, 1e-12);
        double h = 1e-6 * bundle.Quality;
        double marginal = (core.Cost(bundle.Quality + h, s) - core.Cost(bundle.Quality - h, s)) / (2 * h);
        AssertRelative(w, marginal, 1e-6);
        // s C_s = −δ q C_q (model.md §3).
        double k = 1e-6 * s;
        double cs = (core.Cost(bundle.Quality, s + k) - core.Cost(bundle.Quality, s - k)) / (2 * k);
        AssertRelative(-core.Delta * bundle.Quality * marginal, s * cs, 1e-5);
    }

    private static IIndexModel Build(double alpha, double beta, double gamma, double b, double cx, double cy, double cz) =>
        PricingModel.CobbDouglas(alpha, beta, gamma, b).WithCosts(cx, cy, cz)
            .WithValues(Distribution.Uniform, 0, 5).WithScales(Distribution.Uniform, 0, 1).Build();
}
