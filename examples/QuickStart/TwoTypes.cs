using MenuDsl;

namespace QuickStart;

/// <summary>
/// The binary environment of model.md §7: two buyer types valuing the two halves of their tasks differently. The
/// profiles are not ordered, so the optimal menu leaves both types zero rents and distorts the low type's bundle.
/// The generator solves the menu at build time.
/// </summary>
[PricingModel]
[CobbDouglas(0.25, 0.25, 0.10)]
[TokenCosts(1.0, 1.0, 1.0)]
[TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })]
[TypeProfile(0.5, TaskValues = new[] { 1.0, 1.0 })]
public partial class TwoTypes;
