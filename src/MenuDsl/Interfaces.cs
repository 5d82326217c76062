using System;

namespace MenuDsl;

/// <summary>A pricing model: first best, virtual values, the optimal screening menu and its two-part tariffs.</summary>
public interface IPricingModel
{
    /// <summary>The declared parameters as data.</summary>
    ModelDescription Description { get; }

    /// <summary>The first-best allocation of type (w, s).</summary>
    Allocation Efficient(double value, double scale);

    /// <summary>φ(w) = w − (1 − F(w)) / f(w), ironed where it is not non-decreasing.</summary>
    double VirtualValue(double value);

    /// <summary>The lowest value served: types below it (φ ≤ 0) get the empty contract.</summary>
    double ReserveValue { get; }

    /// <summary>The optimal screening contract of type (w, s), allocation contractible per task.</summary>
    Contract Contract(double value, double scale);

    /// <summary>The two-part tariff with task cap that implements <see cref="Contract"/>.</summary>
    TwoPartTariff Tariff(double value, double scale);

    /// <summary>
    /// The menu on a grid: <c>destination[i * scales.Length + j] = Contract(values[i], scales[j])</c>. Generated models
    /// with closed forms specialise it (checks once per row and column, s^δ once per scale, no allocation per item);
    /// <see cref="MenuGrid.ContractGridParallel"/> splits the rows over cores.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> does not hold values.Length × scales.Length items.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value or scale is one <see cref="Contract"/> refuses: named <c>values</c> or <c>scales</c> with its index.</exception>
    void ContractGrid(ReadOnlySpan<double> values, ReadOnlySpan<double> scales, Span<Contract> destination)
    {
        MenuGrid.CheckShape(values.Length, scales.Length, destination.Length);
        for (int i = 0; i < values.Length; i++)
            for (int j = 0; j < scales.Length; j++)
            {
                try
                {
                    destination[i * scales.Length + j] = Contract(values[i], scales[j]);
                }
                catch (ArgumentOutOfRangeException e) when (e.ParamName is "value" or "scale")
                {
                    throw MenuGrid.OutOfRange(e, e.ParamName == "value" ? i : j);
                }
            }
    }
}

/// <summary>A model whose types are summarised by the index θ (Cobb-Douglas): adds fine-tuning and packages.</summary>
public interface IIndexModel : IPricingModel
{
    /// <summary>θ = w s^(1 − α − β).</summary>
    double Theta(double value, double scale);

    /// <summary>θ̂: a buyer fine-tunes in the first best iff θ &gt; θ̂.</summary>
    double FineTuningThreshold { get; }

    /// <summary>The optimal token-package menu item of representative type θ.</summary>
    PackageContract Package(double theta);

    /// <summary>The two-part tariff (no task cap) that implements <see cref="Package"/>.</summary>
    TwoPartTariff PackageTariff(double theta);

    /// <summary>
    /// The committed-spend plan that implements <see cref="Package"/>: pay T(θ) for a budget C(Q(θ)) spent at marginal
    /// cost on any token mix.
    /// </summary>
    SpendPlan CommittedSpend(double theta)
    {
        var package = Package(theta);
        return new SpendPlan(package.Transfer, package.Cost, package.Quality);
    }
}
