using MenuDsl;

namespace QuickStart;

/// <summary>
/// The default model of the API contract: a Cobb-Douglas LLM with token costs (1, 2, 5), values w ~ U[0, 1] and
/// scales s ~ U[0.2, 1]. The source generator completes this class with its optimal menu.
/// </summary>
[PricingModel]
[CobbDouglas(0.30, 0.20, 0.10, BaseQuality = 1.0)]
[TokenCosts(1.0, 2.0, 5.0)]
[ValueDistribution(Distribution.Uniform, 0.0, 1.0)]
[ScaleDistribution(Distribution.Uniform, 0.2, 1.0)]
public partial class ChatApi;
