using System;
using System.Globalization;

namespace MenuDsl;

/// <summary>
/// The one check that a type's item is representable in double precision, for runtime-built and generated models
/// (through <see cref="Generation.GeneratedModelSupport"/>). Types far out in an unbounded tail (w = 1e300 under an
/// exponential law) or models with huge exponents 1/ε have items whose quality overflows; their transfer is then
/// ∞ − ∞. Rather than return NaN or ±∞, the item is refused, naming the argument. Plain comparisons only: it runs on
/// every call.
/// </summary>
internal static class Representable
{
    // False for NaN and ±∞.
    private static bool Finite(double x) => x >= -double.MaxValue && x <= double.MaxValue;

    public static Contract Contract(Contract c, double value)
    {
        if (Finite(c.Quality) && Finite(c.Input) && Finite(c.Output) && Finite(c.FineTuning) && Finite(c.Transfer)
            && Finite(c.Cost) && Finite(c.BuyerUtility) && Finite(c.Profit))
            return c;
        throw Overflow("contract", "value", "w", value, First(("quality", c.Quality), ("input", c.Input), ("output", c.Output),
            ("fine-tuning", c.FineTuning), ("cost", c.Cost), ("transfer", c.Transfer), ("buyer utility", c.BuyerUtility), ("profit", c.Profit)));
    }

    public static PackageContract Package(PackageContract p, double theta)
    {
        if (Finite(p.Quality) && Finite(p.InputTokens) && Finite(p.OutputTokens) && Finite(p.FineTuning) && Finite(p.Transfer)
            && Finite(p.Cost) && Finite(p.BuyerUtility) && Finite(p.Profit))
            return p;
        throw Overflow("package", "theta", "θ", theta, First(("quality", p.Quality), ("input tokens", p.InputTokens), ("output tokens", p.OutputTokens),
            ("fine-tuning", p.FineTuning), ("cost", p.Cost), ("transfer", p.Transfer), ("buyer utility", p.BuyerUtility), ("profit", p.Profit)));
    }

    public static Allocation Allocation(Allocation a, double value)
    {
        if (Finite(a.Quality) && Finite(a.Input) && Finite(a.Output) && Finite(a.FineTuning) && Finite(a.Surplus)) return a;
        throw Overflow("efficient allocation", "value", "w", value, First(("quality", a.Quality), ("input", a.Input), ("output", a.Output),
            ("fine-tuning", a.FineTuning), ("surplus", a.Surplus)));
    }

    /// <summary>
    /// A tariff with unit prices must have finite prices, fee and markup; the no-sale item and a pool's bundle have
    /// infinite prices by design.
    /// </summary>
    public static TwoPartTariff Tariff(TwoPartTariff t, double value) => Tariff(t, value, "tariff", "value", "w");

    /// <summary>As <see cref="Tariff(TwoPartTariff, double)"/>, for the package tariff of θ.</summary>
    public static TwoPartTariff PackageTariff(TwoPartTariff t, double theta) => Tariff(t, theta, "package tariff", "theta", "θ");

    private static TwoPartTariff Tariff(TwoPartTariff t, double type, string item, string argument, string symbol)
    {
        if ((Finite(t.Fee) && Finite(t.Markup) && Finite(t.InputPrice) && Finite(t.OutputPrice) && Finite(t.FineTuningPrice))
            || t.IsNoSale || t.Included is not null)
            return t;
        throw Overflow(item, argument, symbol, type, First(("markup", t.Markup),
            ("input price", t.InputPrice), ("output price", t.OutputPrice), ("fine-tuning price", t.FineTuningPrice), ("fee", t.Fee)));
    }

    private static (string Name, double Value) First(params (string Name, double Value)[] fields)
    {
        foreach (var field in fields)
            if (!Finite(field.Value)) return field;
        return fields[0];
    }

    private static ArgumentOutOfRangeException Overflow(string item, string argument, string symbol, double type, (string Name, double Value) field) =>
        new(argument, type,
            $"The {item} of {symbol} = {Text(type)} overflows double precision ({field.Name} = {Text(field.Value)}); types this large are outside what the model can price.");

    private static string Text(double x) =>
        double.IsPositiveInfinity(x) ? "∞" : double.IsNegativeInfinity(x) ? "−∞" : double.IsNaN(x) ? "NaN" : x.ToString("R", CultureInfo.InvariantCulture);
}
