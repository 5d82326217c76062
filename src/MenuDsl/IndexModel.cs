using System;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// A pricing model built at run time on a technology that summarises a buyer by θ = w s^δ: Cobb-Douglas
/// (<see cref="PricingModel.CobbDouglas"/>) or CES (<see cref="PricingModel.Ces"/>). Same semantics as a generated
/// model: closed forms where φ is affine, quadrature elsewhere.
/// </summary>
public sealed class IndexModel : IIndexModel
{
    private readonly ValueScaleMenu menu;
    private readonly CobbDouglasCore technology;
    private readonly Lazy<TypeDistribution> thetaLaw;
    private DistributionCore Thetas => thetaLaw.Value.Core;
    private readonly Lazy<double> packageReserve;
    private readonly Lazy<Func<double, double>> packageRents;

    internal IndexModel(ModelDescription description, CobbDouglasCore technology)
    {
        this.technology = technology;
        menu = new ValueScaleMenu(description, technology);
        thetaLaw = new(() => Generation.GeneratedModelSupport.Thetas(description.Values, description.Scales, technology.Delta));
        packageReserve = new(() => Generation.GeneratedModelSupport.ReserveValue(thetaLaw.Value));
        packageRents = new(() => Generation.GeneratedModelSupport.PackageRents(thetaLaw.Value, k => technology.Quality(Thetas.VirtualValue(k), 1),
            packageReserve.Value, technology.FineTuningVirtualValue(1)));
    }

    /// <inheritdoc/>
    public ModelDescription Description => menu.Description;

    /// <inheritdoc/>
    public double ReserveValue => menu.ReserveValue;

    /// <inheritdoc/>
    public double FineTuningThreshold => technology.FineTuningThreshold;

    /// <summary>The support of θ = w s^δ, the domain of <see cref="Package"/>.</summary>
    public (double Lower, double Upper) ThetaSupport => (Thetas.Lower, Thetas.Upper);

    /// <summary>The lowest θ served by the package menu.</summary>
    public double PackageReserveValue => packageReserve.Value;

    /// <summary>The ironed virtual value φ_θ of the distribution of θ.</summary>
    public double ThetaVirtualValue(double theta) => Thetas.VirtualValue(CheckTheta(theta));

    /// <inheritdoc/>
    public double Theta(double value, double scale) => technology.Theta(menu.CheckValue(value), menu.CheckScale(scale));

    /// <inheritdoc/>
    public double VirtualValue(double value) => menu.VirtualValue(value);

    /// <inheritdoc/>
    public Allocation Efficient(double value, double scale) => menu.Efficient(value, scale);

    /// <inheritdoc/>
    public Contract Contract(double value, double scale) => menu.Contract(value, scale);

    /// <inheritdoc/>
    public TwoPartTariff Tariff(double value, double scale) => menu.Tariff(value, scale);

    /// <inheritdoc/>
    public PackageContract Package(double theta)
    {
        CheckTheta(theta);
        double phi = Thetas.VirtualValue(theta);
        if (!(phi > 0)) return default;
        var bundle = technology.FirstBest(phi, 1);
        // Closed form for a (piecewise) affine φ_θ; otherwise the rent schedule tabulated once per model (as generated models do).
        double rent = Thetas.AffinePieces is not null ? menu.Rent(Thetas, packageReserve.Value, theta, 1) : packageRents.Value(theta);
        double transfer = theta * bundle.Quality - rent;
        return Representable.Package(new PackageContract(bundle.Quality, bundle.InputTokens, bundle.OutputTokens, bundle.FineTuning,
            transfer, bundle.Cost, rent, transfer - bundle.Cost), theta);
    }

    /// <inheritdoc/>
    public TwoPartTariff PackageTariff(double theta) =>
        Tariffs.OfPackage(Thetas, theta, Package(theta), technology.InputCost, technology.OutputCost, technology.FineTuningCost);

    private double CheckTheta(double theta) => Guard.InSupport(thetaLaw.Value, theta, nameof(theta));
}
