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

    /// <summary>The tariff (task cap s) that implements <paramref name="contract"/>, the item of (w, s); refused by name if it overflows.</summary>
    public static TwoPartTariff OfContract(DistributionCore values, double value, double scale, Contract contract,
        double inputCost, double outputCost, double fineTuningCost) =>
        Representable.Tariff(Implementing(values, value, new TokenBundle(contract.Quality, contract.Input, contract.Output, contract.FineTuning),
            contract.Transfer, contract.Cost, scale, inputCost, outputCost, fineTuningCost), value);

    /// <summary>The tariff (no task cap) that implements <paramref name="package"/>, the item of θ; refused by name if it overflows.</summary>
    public static TwoPartTariff OfPackage(DistributionCore thetas, double theta, PackageContract package,
        double inputCost, double outputCost, double fineTuningCost) =>
        Representable.PackageTariff(Implementing(thetas, theta, new TokenBundle(package.Quality, package.InputTokens, package.OutputTokens, package.FineTuning),
            package.Transfer, package.Cost, double.PositiveInfinity, inputCost, outputCost, fineTuningCost), theta);
}
