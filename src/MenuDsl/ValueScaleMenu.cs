using System;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// The value-scale screening menu of any technology (model.md §3), shared by every runtime-built model: item (w, s) is
/// the first-best bundle of value φ̄(w) on s tasks, T = w q − ∫ q(k, s) dk, and the tariff that implements it.
/// </summary>
internal sealed class ValueScaleMenu
{
    public ValueScaleMenu(ModelDescription description, TechnologyCore technology)
    {
        Description = description;
        Technology = technology;
        Values = description.Values.Core;
        ReserveValue = Generation.GeneratedModelSupport.ReserveValue(description.Values);
    }

    public ModelDescription Description { get; }
    public TechnologyCore Technology { get; }
    public DistributionCore Values { get; }
    public double ReserveValue { get; }

    public double VirtualValue(double value) => Values.VirtualValue(CheckValue(value));

    public Allocation Efficient(double value, double scale)
    {
        try
        {
            var bundle = Technology.FirstBest(CheckValue(value), CheckScale(scale));
            if (bundle.Quality == 0) return default;
            return Representable.Allocation(new Allocation(bundle.InputTokens / scale, bundle.OutputTokens / scale, bundle.FineTuning,
                bundle.Quality, value * bundle.Quality - bundle.Cost, bundle.FineTunes), value);
        }
        catch (ArithmeticException e) when (FromSolver(e)) { throw Failed(nameof(Efficient), value, scale, e); }
    }

    public Contract Contract(double value, double scale)
    {
        try { return ContractOf(value, scale); }
        catch (ArithmeticException e) when (FromSolver(e)) { throw Failed(nameof(Contract), value, scale, e); }
    }

    public TwoPartTariff Tariff(double value, double scale)
    {
        try
        {
            return Tariffs.OfContract(Values, value, scale, ContractOf(value, scale), Technology.InputCost, Technology.OutputCost, Technology.FineTuningCost);
        }
        catch (ArithmeticException e) when (FromSolver(e)) { throw Failed(nameof(Tariff), value, scale, e); }
    }

    private Contract ContractOf(double value, double scale)
    {
        CheckValue(value);
        CheckScale(scale);
        double phi = Values.VirtualValue(value);
        if (!(phi > 0) || scale == 0) return default;
        var bundle = Technology.FirstBest(phi, scale);
        double rent = Rent(Values, ReserveValue, value, scale);
        double transfer = value * bundle.Quality - rent;
        return Representable.Contract(new Contract(bundle.Quality, bundle.InputTokens / scale, bundle.OutputTokens / scale, bundle.FineTuning,
            transfer, bundle.Cost, rent, transfer - bundle.Cost), value);
    }

    /// <summary>
    /// A numeric first best (<see cref="CustomCore"/>) that cannot be solved throws a bare ArithmeticException deep in the
    /// kernel; exceptions of the user's own v (e.g. DivideByZeroException) pass unchanged.
    /// </summary>
    internal static bool FromSolver(ArithmeticException e) => e.GetType() == typeof(ArithmeticException);

    /// <summary>Names the member and the type it was called with, keeping the solver's reason as the inner exception.</summary>
    private static InvalidOperationException Failed(string member, double value, double scale, ArithmeticException e) =>
        new($"{member}(value = {Families.Format(value)}, scale = {Families.Format(scale)}): {e.Message}.", e);

    /// <summary>
    /// U = ∫ q(k, s) dk from the reserve value to the type, for the values (contracts) or for θ (packages, s = 1).
    /// Closed form for an index technology with a (piecewise) affine φ; otherwise quadrature split where q has kinks.
    /// </summary>
    public double Rent(DistributionCore d, double reserve, double type, double scale)
    {
        if (Technology is CobbDouglasCore index && d.AffinePieces is { } pieces)
            return AffinePiece.Rent(pieces, index, scale, type);
        return Screening.Rent(d, k => Technology.Quality(d.VirtualValue(k), scale), reserve, type,
            Technology.FineTuningVirtualValue(scale), "the rent", Technology.Accuracy);
    }

    public double CheckValue(double value) => Guard.InSupport(Description.Values, value, nameof(value));

    public double CheckScale(double scale) => Guard.Scale(Description.Scales, scale, nameof(scale));
}
