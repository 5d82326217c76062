using System;
using System.Collections.Generic;
using System.Linq;
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
    private readonly DistributionCore? scales;
    private readonly Lazy<TypeDistribution> thetaLaw;
    private DistributionCore Thetas => thetaLaw.Value.Core;
    private readonly Lazy<double> packageReserve;

    internal CobbDouglasModel(ModelDescription description)
    {
        Description = description;
        technology = new CobbDouglasCore(description.Alpha, description.Beta, description.Gamma, description.BaseQuality,
            description.InputCost, description.OutputCost, description.FineTuningCost);
        values = description.Values.Core;
        scales = description.Scales?.Core;
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
        return new Allocation(bundle.InputTokens / scale, bundle.OutputTokens / scale, bundle.FineTuning,
            bundle.Quality, value * bundle.Quality - bundle.Cost, bundle.FineTunes);
    }

    /// <inheritdoc/>
    public Contract Contract(double value, double scale)
    {
        CheckValue(value);
        CheckScale(scale);
        double phi = values.VirtualValue(value);
        if (!(phi > 0) || scale == 0) return default;
        var bundle = technology.FirstBest(phi, scale);
        double rent = Rent(value, scale);
        double transfer = value * bundle.Quality - rent;
        return new Contract(bundle.Quality, bundle.InputTokens / scale, bundle.OutputTokens / scale, bundle.FineTuning,
            transfer, bundle.Cost, rent, transfer - bundle.Cost);
    }

    /// <inheritdoc/>
    public TwoPartTariff Tariff(double value, double scale)
    {
        var contract = Contract(value, scale);
        if (contract.Quality == 0) return NoSale(scale);
        double markup = value / values.VirtualValue(value);
        return new TwoPartTariff(markup * technology.InputCost, markup * technology.OutputCost, markup * technology.FineTuningCost,
            contract.Transfer - markup * contract.Cost, scale, markup);
    }

    /// <inheritdoc/>
    public PackageContract Package(double theta)
    {
        CheckTheta(theta);
        double phi = Thetas.VirtualValue(theta);
        if (!(phi > 0)) return default;
        var bundle = technology.FirstBest(phi, 1);
        double rent = PackageRent(theta);
        double transfer = theta * bundle.Quality - rent;
        return new PackageContract(bundle.Quality, bundle.InputTokens, bundle.OutputTokens, bundle.FineTuning,
            transfer, bundle.Cost, rent, transfer - bundle.Cost);
    }

    /// <inheritdoc/>
    public TwoPartTariff PackageTariff(double theta)
    {
        var package = Package(theta);
        if (package.Quality == 0) return NoSale(double.PositiveInfinity);
        double markup = theta / Thetas.VirtualValue(theta);
        return new TwoPartTariff(markup * technology.InputCost, markup * technology.OutputCost, markup * technology.FineTuningCost,
            package.Transfer - markup * package.Cost, double.PositiveInfinity, markup);
    }

    private static TwoPartTariff NoSale(double cap) =>
        new(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 0, cap, double.PositiveInfinity);

    /// <summary>
    /// U(w, s) = ∫ q(k, s) dk from the bottom of the served types to w. Closed form when φ is affine and not
    /// ironed; otherwise quadrature split where q has kinks (fine-tuning switch, pools, support ends).
    /// </summary>
    private double Rent(double value, double scale)
    {
        if (values.AffineVirtualValue is { } affine && values.IsCertifiedRegular)
        {
            double bottom = Math.Max(0, affine.At(values.Lower));
            return (technology.QualityIntegral(affine.At(value), scale) - technology.QualityIntegral(bottom, scale)) / affine.Slope;
        }
        return Screening.Rent(values, k => technology.Quality(values.VirtualValue(k), scale), ReserveValue, value,
            technology.FineTuningVirtualValue(scale), "the rent U(w, s)");
    }

    private double PackageRent(double theta)
    {
        var d = Thetas;
        if (d.AffineVirtualValue is { } affine && d.IsCertifiedRegular)
        {
            double bottom = Math.Max(0, affine.At(d.Lower));
            return (technology.QualityIntegral(affine.At(theta), 1) - technology.QualityIntegral(bottom, 1)) / affine.Slope;
        }
        return Screening.Rent(d, k => technology.Quality(d.VirtualValue(k), 1), packageReserve.Value, theta,
            technology.FineTuningThreshold, "the package rent U(θ)");
    }

    private double CheckValue(double value) => Guard.InSupport(Description.Values, value, nameof(value));

    private double CheckScale(double scale) => Guard.Scale(Description.Scales, scale, nameof(scale));

    private double CheckTheta(double theta) => Guard.InSupport(thetaLaw.Value, theta, nameof(theta));
}
