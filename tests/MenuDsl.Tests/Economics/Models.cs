using MenuDsl;

namespace MenuDsl.Tests.Economics;

/// <summary>Models shared by the economics tests.</summary>
internal static class Models
{
    /// <summary>Example A of model.md §9: α=.3, β=.2, γ=.1, b=1, c=(1,2,5), w and s ~ U[0,1].</summary>
    public static IIndexModel ExampleA() => PricingModel.CobbDouglas(0.3, 0.2, 0.1)
        .WithCosts(1, 2, 5)
        .WithValues(Distribution.Uniform, 0, 1)
        .WithScales(Distribution.Uniform, 0, 1)
        .Build();

    /// <summary>A0² of Example A, computed from its definition A0 = (α/c_x)^α (β/c_y)^β.</summary>
    public static double ExampleAA0Squared => System.Math.Pow(System.Math.Pow(0.3 / 1, 0.3) * System.Math.Pow(0.2 / 2, 0.2), 2);

    /// <summary>
    /// Cheap tokens so that fine-tuning happens for the upper types: θ̂ = (0.1/.3)^.3 (0.1/.2)^.2 (0.1/.1)^.5 ≈ 0.626.
    /// </summary>
    public static IIndexModel FineTuning(TypeDistribution? scales = null)
    {
        var builder = PricingModel.CobbDouglas(0.3, 0.2, 0.1)
            .WithCosts(0.1, 0.1, 0.1)
            .WithValues(Distribution.Uniform, 0, 1);
        return (scales is null ? builder : builder.WithScales(scales)).Build();
    }
}
