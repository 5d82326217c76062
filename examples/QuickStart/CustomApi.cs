using System;
using MenuDsl;

namespace QuickStart;

/// <summary>
/// A production function written by hand: input and output tokens are complements (elasticity of substitution 2/3),
/// and fine-tuning raises quality by (1 + z)^0.1. The generator differentiates V at build time and emits a Newton
/// solver on the exact derivatives; the analyzers check that V is increasing, concave and complementary. Every buyer
/// runs all tasks (no scale distribution): with scales, bounded rent growth cannot be verified at compile time for a
/// custom technology (MENU007) and the audit is what checks the menu.
/// </summary>
[PricingModel]
[TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
public partial class CustomApi
{
    private const double InputWeight = 0.6, Degree = 0.4, FineTuning = 0.1;

    [ProductionFunction]
    private static double V(double x, double y, double z) =>
        Math.Pow(InputWeight / Math.Sqrt(x) + (1 - InputWeight) / Math.Sqrt(y), -2 * Degree) * Math.Pow(1 + z, FineTuning);
}
