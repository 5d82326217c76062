using System;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// A Cobb-Douglas pricing model built at run time (<see cref="PricingModel.CobbDouglas"/>). Same semantics as a
/// generated model: closed forms where φ is affine, quadrature elsewhere.
/// </summary>
public sealed class CobbDouglasModel : IIndexModel
{
    private readonly CobbDouglasCore technology;
    private readonly DistributionCore values;
    private readonly Lazy<TypeDistribution> thetaLaw;
    private DistributionCore Thetas => thetaLaw.Value.Core;
    private readonly Lazy<double> packageReserve;

    internal CobbDouglasModel(ModelDescription description)
    {
        Description = description;
        technology = new CobbDouglasCore(description.Alpha, description.Beta, description.Gamma, description.BaseQuality,
            description.InputCost, description.OutputCost, description.FineTuningCost);
        values = description.Values.Core;
        ReserveValue = Generation.GeneratedModelSupport.ReserveValue(description.Values);
        thetaLaw = new(() => Generation.GeneratedModelSupport.Thetas(description.Values, description.Scales, technology.Delta));
        packageReserve = new(() => Generation.GeneratedModelSupport.ReserveValue(thetaLaw.Value));
    }

    /// <inheritdoc/>
    public ModelDescription Description { get; }

    /// <inheritdoc/>
    public double ReserveValue { get; }

    /// <inheritdoc/>
    public double FineTuningThreshold => technology.FineTuningThreshold;

    /// <summary>The support of θ = w s^δ, the domain of <see cref="Package"/>.</summary>
    public (double Lower, double Upper) ThetaSupport => (Thetas.Lower, Thetas.Upper);

    /// <summary>The lowest θ served by the package menu.</summary>
    public double PackageReserveValue => packageReserve.Value;

    /// <summary>The ironed virtual value φ_θ of the distribution of θ.</summary>
    public double ThetaVirtualValue(double theta) => Thetas.VirtualValue(CheckTheta(theta));

    /// <inheritdoc/>
    public double Theta(double value, double scale) => technology.Theta(CheckValue(value), CheckScale(scale));

    /// <inheritdoc/>
    public double VirtualValue(double value) => values.VirtualValue(CheckValue(value));

    /// <inheritdoc/>
    public Allocation Efficient(double value, double scale)
    {
        var bundle = technology.FirstBest(CheckValue(value), CheckScale(scale));
        if (bundle.Quality == 0) return default;
        return Representable.Allocation(new Allocation(bundle.InputTokens / scale, bundle.OutputTokens / scale, bundle.FineTuning,
            bundle.Quality, value * bundle.Quality - bundle.Cost, bundle.FineTunes), value);
    }

    /// <inheritdoc/>
    public Contract Contract(double value, double scale)
    {
        CheckValue(value);
        CheckScale(scale);
        double phi = values.VirtualValue(value);
        if (!(phi > 0) || scale == 0) return default;
        var bundle = technology.FirstBest(phi, scale);
        double rent = Rent(values, ReserveValue, value, scale);
        double transfer = value * bundle.Quality - rent;
        return Representable.Contract(new Contract(bundle.Quality, bundle.InputTokens / scale, bundle.OutputTokens / scale, bundle.FineTuning,
            transfer, bundle.Cost, rent, transfer - bundle.Cost), value);
    }

    /// <inheritdoc/>
    public TwoPartTariff Tariff(double value, double scale)
    {
        return Tariffs.OfContract(values, value, scale, Contract(value, scale),
            technology.InputCost, technology.OutputCost, technology.FineTuningCost);
    }

    /// <inheritdoc/>
    public PackageContract Package(double theta)
    {
        CheckTheta(theta);
        double phi = Thetas.VirtualValue(theta);
        if (!(phi > 0)) return default;
        var bundle = technology.FirstBest(phi, 1);
        double rent = Rent(Thetas, packageReserve.Value, theta, 1);
        double transfer = theta * bundle.Quality - rent;
        return Representable.Package(new PackageContract(bundle.Quality, bundle.InputTokens, bundle.OutputTokens, bundle.FineTuning,
            transfer, bundle.Cost, rent, transfer - bundle.Cost), theta);
    }

    /// <inheritdoc/>
    public TwoPartTariff PackageTariff(double theta)
    {
        return Tariffs.OfPackage(Thetas, theta, Package(theta),
            technology.InputCost, technology.OutputCost, technology.FineTuningCost);
    }

    /// <summary>
    /// U = ∫ q(k, s) dk from the reserve value to the type, for the values (contracts) or for θ (packages, s = 1).
    /// Closed form when φ is affine; otherwise quadrature split where q has kinks.
    /// </summary>
    private double Rent(DistributionCore d, double reserve, double type, double scale)
    {
        if (d.AffineVirtualValue is { } affine)
            return (technology.QualityIntegral(affine.At(type), scale) - technology.QualityIntegral(affine.ServedFrom(d.Lower), scale)) / affine.Slope;
        return Screening.Rent(d, k => technology.Quality(d.VirtualValue(k), scale), reserve, type,
            technology.FineTuningVirtualValue(scale), "the rent");
    }

    private double CheckValue(double value) => Guard.InSupport(Description.Values, value, nameof(value));

    private double CheckScale(double scale) => Guard.Scale(Description.Scales, scale, nameof(scale));

    private double CheckTheta(double theta) => Guard.InSupport(thetaLaw.Value, theta, nameof(theta));
}
