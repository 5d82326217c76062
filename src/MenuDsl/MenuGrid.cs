using System;
using System.Threading.Tasks;

namespace MenuDsl;

/// <summary>Menus on a grid of types, filled in batches (<see cref="IPricingModel.ContractGrid"/>).</summary>
public static class MenuGrid
{
    /// <summary>
    /// <see cref="IPricingModel.ContractGrid"/> with the rows (values) split into blocks over the machine's cores:
    /// <c>destination[i * scales.Length + j] = Contract(values[i], scales[j])</c>, the same numbers as one thread.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="values">The values w, one row each.</param>
    /// <param name="scales">The scales s, one column each.</param>
    /// <param name="destination">values.Length × scales.Length items, row by row.</param>
    /// <param name="maxDegreeOfParallelism">At most this many threads; null for one per core.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> has the wrong length, or the degree is not ≥ 1.</exception>
    public static void ContractGridParallel(this IPricingModel model, double[] values, double[] scales, Contract[] destination, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(scales);
        ArgumentNullException.ThrowIfNull(destination);
        CheckShape(values.Length, scales.Length, destination.Length);
        int threads = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        if (threads < 1) throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "'maxDegreeOfParallelism' must be >= 1.");
        // A few blocks per thread balance rows of unequal cost (quadrature rents, fine-tuning) without per-row overhead.
        int blocks = Math.Min(values.Length, threads * 4);
        if (blocks == 0) return;
        int columns = scales.Length;
        var failures = new Exception?[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = threads }, block =>
        {
            int start = (int)((long)values.Length * block / blocks), end = (int)((long)values.Length * (block + 1) / blocks);
            try
            {
                model.ContractGrid(values.AsSpan(start, end - start), scales, destination.AsSpan(start * columns, (end - start) * columns));
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "values" && e.Data[IndexKey] is int row && e.Data[ReasonKey] is string reason)
            {
                failures[block] = Refusal("values", e.ActualValue, start + row, reason); // the block counts its rows from 0
            }
            catch (Exception e)
            {
                failures[block] = e;
            }
        });
        // The first failing block's exception, unwrapped: the one a single thread would have met first.
        foreach (var failure in failures)
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
    }

    /// <summary>
    /// A grid's refusal of one of its types: the single-type refusal <paramref name="refusal"/> (of <c>value</c> or
    /// <c>scale</c>) renamed after the grid's argument (<c>values</c> or <c>scales</c>) with the index.
    /// </summary>
    public static ArgumentOutOfRangeException OutOfRange(ArgumentOutOfRangeException refusal, int index)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        // Message carries " (Parameter 'value')" after the reason; the reason alone is kept.
        string reason = refusal.Message.Split(" (Parameter")[0];
        return Refusal(refusal.ParamName + "s", refusal.ActualValue, index, reason);
    }

    // The index and reason ride in Data, so a block's refusal can be renumbered for the whole grid.
    private const string IndexKey = "MenuDsl.GridIndex", ReasonKey = "MenuDsl.GridReason";

    private static ArgumentOutOfRangeException Refusal(string name, object? actual, int index, string reason)
    {
        var refusal = new ArgumentOutOfRangeException(name, actual, $"{name}[{index}]: {reason}");
        refusal.Data[IndexKey] = index;
        refusal.Data[ReasonKey] = reason;
        return refusal;
    }

    /// <summary>Throws unless a destination of <paramref name="destination"/> items holds the grid.</summary>
    public static void CheckShape(int values, int scales, int destination)
    {
        if ((long)values * scales != destination)
            throw new ArgumentException($"The destination holds {destination} contracts but the grid has {values} × {scales} = {(long)values * scales}.", nameof(destination));
    }
}
