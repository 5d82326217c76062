using System;
using MenuDsl;

namespace MenuDsl.Examples.CustomTechnology;

/// <summary>
/// A technology written by hand: input and output tokens are strong complements (a CES aggregate with elasticity of
/// substitution 1/2, v grows like the harmonic mean of x and y) of degree 0.5, and fine-tuning multiplies quality by
/// (1 + z)^0.1. Values w ~ U[0, 1]; every buyer runs all tasks (no scale distribution: with scales, bounded rent growth
/// cannot be verified at compile time for a custom technology, MENU007). The generator reads the body, differentiates
/// it symbolically and emits a Newton solver on the exact gradient and Hessian; the analyzers sample V around the
/// declared types' first-best bundles and would warn if it were not increasing, concave or complementary.
/// </summary>
[PricingModel]
[TokenCosts(0.05, 0.20, 0.04)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
public partial class HarmonicApi
{
    /// <summary>Weight of input tokens in the aggregate.</summary>
    public const double InputWeight = 0.6;

    /// <summary>Degree of the token aggregate: doubling both kinds of tokens multiplies v by 2^Degree.</summary>
    public const double Degree = 0.5;

    /// <summary>Exponent of 1 + z.</summary>
    public const double FineTuningExponent = 0.1;

    /// <summary>v(x, y, z) per task: (0.6/x + 0.4/y)^(−0.5) · (1 + z)^0.1.</summary>
    [ProductionFunction]
    public static double V(double x, double y, double z) =>
        Math.Pow(InputWeight / x + (1 - InputWeight) / y, -Degree) * Math.Pow(1 + z, FineTuningExponent);
}
