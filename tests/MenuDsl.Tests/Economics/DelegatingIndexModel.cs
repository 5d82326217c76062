using MenuDsl;

namespace MenuDsl.Tests.Economics;

/// <summary>An index model that forwards every member to another; tests override the members they tamper with.</summary>
internal abstract class DelegatingIndexModel(IIndexModel inner) : IIndexModel
{
    protected IIndexModel Inner { get; } = inner;
    public ModelDescription Description => Inner.Description;
    public double ReserveValue => Inner.ReserveValue;
    public double FineTuningThreshold => Inner.FineTuningThreshold;
    public Allocation Efficient(double value, double scale) => Inner.Efficient(value, scale);
    public double VirtualValue(double value) => Inner.VirtualValue(value);
    public virtual Contract Contract(double value, double scale) => Inner.Contract(value, scale);
    public virtual TwoPartTariff Tariff(double value, double scale) => Inner.Tariff(value, scale);
    public double Theta(double value, double scale) => Inner.Theta(value, scale);
    public PackageContract Package(double theta) => Inner.Package(theta);
    public TwoPartTariff PackageTariff(double theta) => Inner.PackageTariff(theta);
    public virtual SpendPlan CommittedSpend(double theta) => Inner.CommittedSpend(theta);
}
