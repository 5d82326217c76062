using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>The two-part tariffs that implement menu items (model.md §5), for runtime-built and generated models.</summary>
internal static class Tariffs
{
    /// <summary>The item of an excluded type: no fee, and no tokens at any price.</summary>
    public static TwoPartTariff NoSale(double cap) =>
        new(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 0, cap, double.PositiveInfinity);

    /// <summary>
    /// The tariff for the item of <paramref name="type"/> under <paramref name="law"/> (values, or θ for packages):
    /// unit prices m·c with m = type/φ̄(type) and the fee that leaves the item's transfer; inside a pool, the pool's
    /// bundle at its common payment, since tariffs with rising markups across a pool are not incentive compatible.
    /// </summary>
    public static TwoPartTariff Implementing(DistributionCore law, double type, TokenBundle item, double transfer, double cost,
        double cap, double inputCost, double outputCost, double fineTuningCost)
    {
        if (item.Quality == 0) return NoSale(cap);
        if (law.IsPooled(type))
            return new TwoPartTariff(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, transfer, cap, double.PositiveInfinity)
            {
                Included = item,
            };
        double markup = type / law.VirtualValue(type);
        return new TwoPartTariff(markup * inputCost, markup * outputCost, markup * fineTuningCost, transfer - markup * cost, cap, markup);
    }
}
