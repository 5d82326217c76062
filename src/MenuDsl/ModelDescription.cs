using System;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>The declared parameters of a pricing model, as data.</summary>
/// <param name="ProductionFunction">The production function's name, e.g. "CobbDouglas".</param>
/// <param name="Alpha">α, exponent of input tokens.</param>
/// <param name="Beta">β, exponent of output tokens.</param>
/// <param name="Gamma">γ, exponent of b + z.</param>
/// <param name="BaseQuality">b, base-model quality.</param>
/// <param name="InputCost">c_x.</param>
/// <param name="OutputCost">c_y.</param>
/// <param name="FineTuningCost">c_z.</param>
/// <param name="Values">F_w, the distribution of values per task.</param>
/// <param name="Scales">F_s, the distribution of scales; null when every buyer has s = 1.</param>
public sealed record ModelDescription(
    string ProductionFunction,
    double Alpha,
    double Beta,
    double Gamma,
    double BaseQuality,
    double InputCost,
    double OutputCost,
    double FineTuningCost,
    TypeDistribution Values,
    TypeDistribution? Scales)
{
    /// <summary>The kernel's technology for these parameters (what the metrics and the audit evaluate).</summary>
    internal CobbDouglasCore CobbDouglas => ProductionFunction == "CobbDouglas"
        ? new CobbDouglasCore(Alpha, Beta, Gamma, BaseQuality, InputCost, OutputCost, FineTuningCost)
        : throw new NotSupportedException($"Only Cobb-Douglas models are evaluated so far, not '{ProductionFunction}'.");
}
