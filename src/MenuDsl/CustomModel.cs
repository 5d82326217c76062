using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// A pricing model built at run time on a <see cref="CustomTechnology"/> (<see cref="PricingModel.Custom(CustomTechnology)"/>): the first
/// best by Newton's method on v's derivatives, the rent ∫ q(k, s) dk by adaptive quadrature (model.md §3). A custom
/// technology has no index θ, so there are no packages.
/// </summary>
public sealed class CustomModel : IPricingModel
{
    private readonly ValueScaleMenu menu;

    internal CustomModel(ModelDescription description, TechnologyCore technology) => menu = new ValueScaleMenu(description, technology);

    /// <inheritdoc/>
    public ModelDescription Description => menu.Description;

    /// <inheritdoc/>
    public double ReserveValue => menu.ReserveValue;

    /// <inheritdoc/>
    public double VirtualValue(double value) => menu.VirtualValue(value);

    /// <inheritdoc/>
    public Allocation Efficient(double value, double scale) => menu.Efficient(value, scale);

    /// <inheritdoc/>
    public Contract Contract(double value, double scale) => menu.Contract(value, scale);

    /// <inheritdoc/>
    public TwoPartTariff Tariff(double value, double scale) => menu.Tariff(value, scale);
}
