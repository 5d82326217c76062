using System;
using System.ComponentModel;
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

    /// <summary>Checks that <paramref name="theta"/> lies in the support of the law of θ.</summary>
    public static double CheckTheta(TypeDistribution thetas, double theta) => Guard.InSupport(thetas, theta, nameof(theta));

    /// <summary>The law of θ = w s^δ for independent values and scales (the values themselves without scales).</summary>
    public static TypeDistribution Thetas(TypeDistribution values, TypeDistribution? scales, double delta) =>
        scales is null ? values : TypeDistribution.FromCore(ThetaDistributions.Create(values.Core, scales.Core, delta), "θ = w s^δ");

    /// <summary>The reserve value of a distribution; throws when nobody would be served.</summary>
    public static double ReserveValue(TypeDistribution distribution)
    {
        double reserve = distribution.Core.ReserveValue;
        return double.IsPositiveInfinity(reserve)
            ? throw new ArgumentException($"No type of {distribution} has a positive virtual value, so nobody would be served.")
            : reserve;
    }

    /// <summary>
    /// The rent ∫ q(k) dk from <paramref name="reserve"/> to <paramref name="type"/> by quadrature, where
    /// <paramref name="quality"/> is the quality schedule and the item fine-tunes once φ̄ reaches
    /// <paramref name="switchLevel"/>.
    /// </summary>
    public static double Rent(TypeDistribution distribution, Func<double, double> quality, double reserve, double type, double switchLevel) =>
        Screening.Rent(distribution.Core, quality, reserve, type, switchLevel, "the rent");
}
