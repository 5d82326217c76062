using MenuDsl;

namespace MenuDsl.Examples.TwoTypes;

// Two buyer types instead of distributions (model.md §7). Both models share the technology v = x^0.25 y^0.25 z'^0.10
// with z' = 1 + z and token costs (1, 1, 1); only the two [TypeProfile]s differ. The generator solves each two-item
// menu exactly at build time, and MENU010 (an info diagnostic) names H and the regime while you type.

/// <summary>
/// Value-scale types that are ordered: a keen buyer (value 1.5 on every task) and a casual one (value 1.0 on half of
/// its tasks, nothing on the rest). The keen buyer values everything at least as much, so it would gladly take the
/// casual buyer's bundle at the casual buyer's price: its incentive constraint binds and it keeps a rent.
/// </summary>
[PricingModel]
[CobbDouglas(0.25, 0.25, 0.10)]
[TokenCosts(1.0, 1.0, 1.0)]
[TypeProfile(0.5, Value = 1.5, Scale = 1.0)]
[TypeProfile(0.5, Value = 1.0, Scale = 0.5)]
public partial class OrderedBuyers;

/// <summary>
/// Task profiles that are not ordered: a specialist values the first half of its tasks at 2.0 and the second at 0.6,
/// a generalist values all tasks at 1.0. Neither values every task more, so the usual rent to H would be negative:
/// both types keep zero rents and L's bundle is distorted just enough that H is indifferent to it.
/// </summary>
[PricingModel]
[CobbDouglas(0.25, 0.25, 0.10)]
[TokenCosts(1.0, 1.0, 1.0)]
[TypeProfile(0.5, TaskValues = new[] { 2.0, 0.6 })]
[TypeProfile(0.5, TaskValues = new[] { 1.0, 1.0 })]
public partial class TaskSpecialists;
