using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MenuDsl.Kernel;

namespace MenuDsl.Generation;

/// <summary>
/// Entry points for code emitted by the MenuDsl source generator (runtime-built models use them too): argument checks and
/// the numeric parts (ironing, quadrature, the law of θ) that cannot be folded into closed forms. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedModelSupport
{
    /// <summary>Checks that <paramref name="value"/> is a finite type in the support of <paramref name="values"/>.</summary>
    public static double CheckValue(TypeDistribution values, double value) => Guard.InSupport(values, value, nameof(value));

    /// <summary>Checks a scale against the declared scale distribution, or that it is 1 when none is declared.</summary>
    public static double CheckScale(TypeDistribution? scales, double scale) => Guard.Scale(scales, scale, nameof(scale));

    /// <summary>
    /// The exception for a value that generated code found outside the support by its folded comparisons (the same set
    /// <see cref="CheckValue"/> refuses, which throws its own, naming <c>value</c>). Generated code writes
    /// <c>throw ValueRefusal(…)</c>, so the JIT knows the branch ends there and keeps it out of the hot path.
    /// </summary>
    public static ArgumentOutOfRangeException ValueRefusal(TypeDistribution values, double value)
    {
        CheckValue(values, value);
        return Mismatch(nameof(value), value); // reached only if the folded bounds and the support ever disagree
    }

    /// <summary>As <see cref="ValueRefusal"/>, for a scale outside the scale law's support (or not 1 without one).</summary>
    public static ArgumentOutOfRangeException ScaleRefusal(TypeDistribution? scales, double scale)
    {
        CheckScale(scales, scale);
        return Mismatch(nameof(scale), scale);
    }

    /// <summary>
    /// The exception for a tariff that generated code found to have a non-finite price or fee: <see cref="CheckedTariff"/>
    /// throws its own, naming <c>value</c> and the field.
    /// </summary>
    public static ArgumentOutOfRangeException TariffRefusal(TwoPartTariff tariff, double value)
    {
        CheckedTariff(tariff, value);
        return Mismatch(nameof(value), value);
    }

    private static ArgumentOutOfRangeException Mismatch(string name, double x) =>
        new(name, x, $"'{name}' = {x} failed a check of the generated model that the runtime's check passed; rebuild the model with this MenuDsl version.");

    /// <summary>Checks <c>values[index]</c> of a grid against <paramref name="law"/>; a refusal names <c>values</c> and the index.</summary>
    public static void CheckGridValue(TypeDistribution law, ReadOnlySpan<double> values, int index)
    {
        try { CheckValue(law, values[index]); }
        catch (ArgumentOutOfRangeException e) { throw MenuGrid.OutOfRange(e, index); }
    }

    /// <summary>Checks <c>scales[index]</c> of a grid against <paramref name="law"/> (null: s = 1); a refusal names <c>scales</c> and the index.</summary>
    public static void CheckGridScale(TypeDistribution? law, ReadOnlySpan<double> scales, int index)
    {
        try { CheckScale(law, scales[index]); }
        catch (ArgumentOutOfRangeException e) { throw MenuGrid.OutOfRange(e, index); }
    }

    /// <summary>Checks that <paramref name="theta"/> lies in the support of the law of θ.</summary>
    public static double CheckTheta(TypeDistribution thetas, double theta) => Guard.InSupport(thetas, theta, nameof(theta));

    /// <summary>The law of θ = w s^δ for independent values and scales (the values themselves without scales).</summary>
    public static TypeDistribution Thetas(TypeDistribution values, TypeDistribution? scales, double delta)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(delta > 0 && delta < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, $"'delta' = 1 − α − β must lie in (0, 1) but is {delta}.");
        return ThetaDistributions.For(values, scales, delta);
    }

    /// <summary>The reserve value of a distribution; throws when nobody would be served.</summary>
    public static double ReserveValue(TypeDistribution distribution)
    {
        double reserve = distribution.Core.ReserveValue;
        return double.IsPositiveInfinity(reserve)
            ? throw new ArgumentException($"No type of {distribution} has a positive virtual value, so nobody would be served.")
            : reserve;
    }

    /// <summary>
    /// The two-part tariff that implements <paramref name="contract"/>, the item of type (<paramref name="value"/>,
    /// <paramref name="scale"/>): prices m·c and a fee, or the pool's bundle for a pooled type.
    /// </summary>
    public static TwoPartTariff Tariff(TypeDistribution values, double value, double scale, Contract contract, double inputCost, double outputCost, double fineTuningCost)
    {
        ArgumentNullException.ThrowIfNull(values);
        Guard.InSupport(values, value, nameof(value));
        if (!(scale >= 0 && scale <= 1)) throw new ArgumentOutOfRangeException(nameof(scale), scale, $"'scale' must lie in [0, 1] but is {scale}.");
        return Tariffs.OfContract(values.Core, value, scale, contract, Guard.Positive(inputCost, nameof(inputCost)),
            Guard.Positive(outputCost, nameof(outputCost)), Guard.Positive(fineTuningCost, nameof(fineTuningCost)));
    }

    /// <summary>The two-part tariff (no task cap) that implements package <paramref name="package"/> of type θ.</summary>
    public static TwoPartTariff PackageTariff(TypeDistribution thetas, double theta, PackageContract package, double inputCost, double outputCost, double fineTuningCost)
    {
        ArgumentNullException.ThrowIfNull(thetas);
        Guard.InSupport(thetas, theta, nameof(theta));
        return Tariffs.OfPackage(thetas.Core, theta, package, Guard.Positive(inputCost, nameof(inputCost)),
            Guard.Positive(outputCost, nameof(outputCost)), Guard.Positive(fineTuningCost, nameof(fineTuningCost)));
    }

    /// <summary>
    /// <paramref name="contract"/>, the item of <paramref name="value"/>, when every field is finite; otherwise an
    /// <see cref="ArgumentOutOfRangeException"/> naming <c>value</c> and the field that overflows. Plain comparisons.
    /// </summary>
    public static Contract CheckedContract(Contract contract, double value) => Representable.Contract(contract, Guard.Finite(value, nameof(value)));

    /// <summary><paramref name="package"/>, the item of <paramref name="theta"/>, when every field is finite; else an exception naming <c>theta</c>.</summary>
    public static PackageContract CheckedPackage(PackageContract package, double theta) => Representable.Package(package, Guard.Finite(theta, nameof(theta)));

    /// <summary><paramref name="allocation"/>, the first best of <paramref name="value"/>, when every field is finite; else an exception naming <c>value</c>.</summary>
    public static Allocation CheckedAllocation(Allocation allocation, double value) => Representable.Allocation(allocation, Guard.Finite(value, nameof(value)));

    /// <summary>A tariff of <paramref name="value"/> with finite prices, fee and markup (or the no-sale item); else an exception naming <c>value</c>.</summary>
    public static TwoPartTariff CheckedTariff(TwoPartTariff tariff, double value) => Representable.Tariff(tariff, Guard.Finite(value, nameof(value)));

    /// <summary>A package tariff of <paramref name="theta"/> with finite prices, fee and markup (or the no-sale item); else an exception naming <c>theta</c>.</summary>
    public static TwoPartTariff CheckedPackageTariff(TwoPartTariff tariff, double theta) => Representable.PackageTariff(tariff, Guard.Finite(theta, nameof(theta)));

    /// <summary>
    /// One grid row of a value below the fine-tuning switch from <paramref name="unit"/>, the item per unit of s (model.md
    /// §3: quality, payment, cost, rent and profit ∝ s; tokens per task and fine-tuning fixed): each item is
    /// <c>new Contract(s·q, x, y, z, s·T, s·C, s·U, s·Π)</c>, bit for bit as generated code writes it for one type, and the
    /// empty contract where s = 0. With 256-bit vectors each item is two products and two stores.
    /// </summary>
    public static void FillAtScales(in Contract unit, ReadOnlySpan<double> scales, Span<Contract> row)
    {
        if (row.Length != scales.Length)
            throw new ArgumentException($"The row has {row.Length} items but there are {scales.Length} scales.", nameof(row));
        int j = 0;
        // The layout check keeps the vector path honest should Contract ever gain a field or reorder its eight.
        if (Vector256.IsHardwareAccelerated && ContractIsEightDoubles)
        {
            var first = Vector256.Create(unit.Quality, unit.Input, unit.Output, unit.FineTuning);
            var second = Vector256.Create(unit.Transfer, unit.Cost, unit.BuyerUtility, unit.Profit);
            var qualityLane = Vector256.Create(-1L, 0, 0, 0).AsDouble();
            ref double destination = ref Unsafe.As<Contract, double>(ref MemoryMarshal.GetReference(row));
            for (; j < scales.Length; j++)
            {
                double scale = scales[j];
                if (scale == 0) { row[j] = default; continue; }
                var s = Vector256.Create(scale);
                Vector256.ConditionalSelect(qualityLane, s * first, first).StoreUnsafe(ref destination, (nuint)j * 8);
                (s * second).StoreUnsafe(ref destination, (nuint)j * 8 + 4);
            }
        }
        for (; j < scales.Length; j++) row[j] = scales[j] == 0 ? default : AtScale(unit, scales[j]);
    }

    private static Contract AtScale(in Contract unit, double scale) =>
        new(scale * unit.Quality, unit.Input, unit.Output, unit.FineTuning, scale * unit.Transfer, scale * unit.Cost,
            scale * unit.BuyerUtility, scale * unit.Profit);

    private static readonly bool ContractIsEightDoubles = Unsafe.SizeOf<Contract>() == 8 * sizeof(double) && FieldsInOrder();

    private static bool FieldsInOrder()
    {
        var probe = new Contract(1, 2, 3, 4, 5, 6, 7, 8);
        var fields = MemoryMarshal.Cast<Contract, double>(new ReadOnlySpan<Contract>(in probe));
        for (int i = 0; i < 8; i++)
            if (fields[i] != i + 1) return false;
        return true;
    }

    /// <summary>
    /// The rent ∫ q(k) dk from <paramref name="reserve"/> to <paramref name="type"/> by quadrature, where
    /// <paramref name="quality"/> is the quality schedule and the item fine-tunes once φ̄ reaches
    /// <paramref name="switchLevel"/>.
    /// </summary>
    public static double Rent(TypeDistribution distribution, Func<double, double> quality, double reserve, double type, double switchLevel)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        Guard.InSupport(distribution, reserve, nameof(reserve));
        Guard.InSupport(distribution, type, nameof(type));
        Guard.NotNaN(switchLevel, nameof(switchLevel));
        return Screening.Rent(distribution.Core, quality, reserve, type, switchLevel, "the rent");
    }

    /// <summary>
    /// The package rent schedule θ ↦ ∫ <paramref name="quality"/> dk from <paramref name="reserve"/> to θ, tabulated
    /// once: cumulative integrals at nodes (the law's kinks, the pools' ends, the fine-tuning switch where φ̄ reaches
    /// <paramref name="switchLevel"/>, a grid of the served types), then one short adaptive quadrature per call. Its
    /// error is at most 10⁻⁹ θ Q(θ), as for <see cref="Rent"/>. Build it once per model and keep it.
    /// </summary>
    public static Func<double, double> PackageRents(TypeDistribution thetas, Func<double, double> quality, double reserve, double switchLevel)
    {
        ArgumentNullException.ThrowIfNull(thetas);
        ArgumentNullException.ThrowIfNull(quality);
        Guard.InSupport(thetas, reserve, nameof(reserve));
        Guard.NotNaN(switchLevel, nameof(switchLevel));
        return new RentSchedule(thetas.Core, quality, reserve, switchLevel).At;
    }
}
