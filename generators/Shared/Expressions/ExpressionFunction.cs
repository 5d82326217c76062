using MenuDsl.Kernel;

namespace MenuDsl.Shared.Expressions;

/// <summary>
/// A production function read from source, with its symbolic gradient and Hessian, as the kernel's
/// <see cref="IProductionFunction"/>: what the generator's planner and the analyzers evaluate at build time, with the
/// same derivatives the generated solver is emitted from.
/// </summary>
internal sealed class ExpressionFunction(Expr value) : IProductionFunction
{
    public Expr Body { get; } = value;
    public Gradient Derivatives { get; } = Differentiation.Gradient(value);
    public Hessian SecondDerivatives { get; } = Differentiation.Hessian(value);

    public double GradientAccuracy => 0;

    public double Value(double x, double y, double z) => Body.Evaluate(x, y, z);

    public (double X, double Y, double Z) Gradient(double x, double y, double z) =>
        (Derivatives.X.Evaluate(x, y, z), Derivatives.Y.Evaluate(x, y, z), Derivatives.Z.Evaluate(x, y, z));

    public (double XX, double XY, double XZ, double YY, double YZ, double ZZ) Hessian(double x, double y, double z) =>
        (SecondDerivatives.XX.Evaluate(x, y, z), SecondDerivatives.XY.Evaluate(x, y, z), SecondDerivatives.XZ.Evaluate(x, y, z),
         SecondDerivatives.YY.Evaluate(x, y, z), SecondDerivatives.YZ.Evaluate(x, y, z), SecondDerivatives.ZZ.Evaluate(x, y, z));
}
