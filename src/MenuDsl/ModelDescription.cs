using System;
using System.Text;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>The declared parameters of a pricing model, as data.</summary>
/// <param name="Technology">The production technology v(x, y, z).</param>
/// <param name="InputCost">c_x.</param>
/// <param name="OutputCost">c_y.</param>
/// <param name="FineTuningCost">c_z.</param>
/// <param name="Values">F_w, the distribution of values per task.</param>
/// <param name="Scales">F_s, the distribution of scales; null when every buyer has s = 1.</param>
public sealed record ModelDescription(
    Technology Technology,
    double InputCost,
    double OutputCost,
    double FineTuningCost,
    TypeDistribution Values,
    TypeDistribution? Scales)
{
    /// <summary>The technology's display name, e.g. "CobbDouglas" (<see cref="Technology"/> is the typed value).</summary>
    public string ProductionFunction => Technology.Name;

    /// <summary>α of a Cobb-Douglas technology.</summary>
    /// <exception cref="InvalidOperationException">The technology is not Cobb-Douglas.</exception>
    public double Alpha => Technology is CobbDouglasTechnology cd ? cd.Alpha : throw NotDeclared(nameof(Alpha));

    /// <summary>β of a Cobb-Douglas technology.</summary>
    /// <exception cref="InvalidOperationException">The technology is not Cobb-Douglas.</exception>
    public double Beta => Technology is CobbDouglasTechnology cd ? cd.Beta : throw NotDeclared(nameof(Beta));

    /// <summary>γ, the exponent of b + z, of a Cobb-Douglas or CES technology.</summary>
    /// <exception cref="InvalidOperationException">The technology is custom.</exception>
    public double Gamma => Technology switch
    {
        CobbDouglasTechnology cd => cd.Gamma,
        CesTechnology ces => ces.Gamma,
        _ => throw NotDeclared(nameof(Gamma)),
    };

    /// <summary>b, the base-model quality, of a Cobb-Douglas or CES technology.</summary>
    /// <exception cref="InvalidOperationException">The technology is custom (b is part of its formula).</exception>
    public double BaseQuality => Technology switch
    {
        CobbDouglasTechnology cd => cd.BaseQuality,
        CesTechnology ces => ces.BaseQuality,
        _ => throw NotDeclared(nameof(BaseQuality)),
    };

    /// <summary>The kernel's technology with these costs (what the metrics and the audit evaluate).</summary>
    internal TechnologyCore Core => Technology.Core(InputCost, OutputCost, FineTuningCost);

    private InvalidOperationException NotDeclared(string parameter) => new(
        $"{parameter} is not a parameter of the {Technology.Name} technology; read {nameof(Technology)} for its parameters.");

    // The parameters a technology does not have are left out rather than thrown from ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Technology = {Technology}, InputCost = {InputCost}, OutputCost = {OutputCost}, FineTuningCost = {FineTuningCost}, ");
        builder.Append($"Values = {Values}, Scales = {(Scales is null ? "null" : Scales.ToString())}");
        return true;
    }
}
