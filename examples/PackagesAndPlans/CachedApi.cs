using MenuDsl;

namespace MenuDsl.Examples.PackagesAndPlans;

/// <summary>
/// An LLM API priced per token class: input, cached input and output tokens, each with its own cost, and fine-tuning.
/// Quality per task is v = x_input^0.20 · x_cached^0.05 · x_output^0.20 · (1 + z)^0.10, Cobb-Douglas over the classes,
/// so a buyer is summarised by its index θ = w·s^δ with δ = 1 − 0.45 = 0.55. Values w ~ U[0, 1], scales s ~ U[0.2, 1].
/// Costs are per token; fine-tuning is cheap enough that the keenest, largest buyers fine-tune. The source generator
/// completes this class (an <see cref="IIndexModel"/>) with every constant folded into the code.
/// </summary>
[PricingModel]
[TokenClass("input", 0.20, 0.03)]
[TokenClass("cached_input", 0.05, 0.003)]
[TokenClass("output", 0.20, 0.12)]
[FineTuning(0.10, 0.15, BaseQuality = 1.0)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class CachedApi;
