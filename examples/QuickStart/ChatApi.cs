using MenuDsl;

namespace QuickStart;

/// <summary>
/// A Cobb-Douglas LLM, v = x^0.3 y^0.2 (1 + z)^0.1, with token costs (0.03, 0.06, 0.15) — cheap enough that the
/// larger, keener buyers fine-tune (θ̂ ≈ 0.48) — values w ~ U[0, 1] and scales s ~ U[0.2, 1]. The source generator
/// completes this class with its optimal menu.
/// </summary>
[PricingModel]
[CobbDouglas(0.30, 0.20, 0.10, BaseQuality = 1.0)]
[TokenCosts(0.03, 0.06, 0.15)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class ChatApi;
