using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>γ, the exponent of b + z, of a Cobb-Douglas, CES or token-class technology.</summary>
    /// <exception cref="InvalidOperationException">The technology is custom.</exception>
    public double Gamma => Technology switch
    {
        CobbDouglasTechnology cd => cd.Gamma,
        CesTechnology ces => ces.Gamma,
        TokenClassTechnology classes => classes.Gamma,
        _ => throw NotDeclared(nameof(Gamma)),
    };

    /// <summary>b, the base-model quality, of a Cobb-Douglas, CES or token-class technology.</summary>
    /// <exception cref="InvalidOperationException">The technology is custom (b is part of its formula).</exception>
    public double BaseQuality => Technology switch
    {
        CobbDouglasTechnology cd => cd.BaseQuality,
        CesTechnology ces => ces.BaseQuality,
        TokenClassTechnology classes => classes.BaseQuality,
        _ => throw NotDeclared(nameof(BaseQuality)),
    };

    /// <summary>
    /// The token classes and their costs per token, in the order results and price sheets list them: "input" and
    /// "output" for two-class technologies, the declared classes of a <see cref="TokenClassTechnology"/>.
    /// </summary>
    public IReadOnlyList<TokenCost> TokenCosts => Technology is TokenClassTechnology t
        ? [.. t.Classes.Select(c => new TokenCost(c.Name, c.Cost))]
        : [new TokenCost("input", InputCost), new TokenCost("output", OutputCost)];

    /// <summary>
    /// The tokens of every class (in <see cref="TokenCosts"/> order) of a bundle whose input and output classes hold
    /// <paramref name="inputTokens"/> and <paramref name="outputTokens"/> (the <c>Input</c> and <c>Output</c> of a result):
    /// for a token-class technology every class spends its share α_j of the gross value, x_j = α_j·(c_0 x_0/α_0)/c_j.
    /// </summary>
    public double[] ClassTokens(double inputTokens, double outputTokens) => Technology is TokenClassTechnology t
        ? CobbDouglasCore.ClassTokens([.. t.Classes.Select(c => c.Name)], [.. t.Classes.Select(c => c.Exponent)], [.. t.Classes.Select(c => c.Cost)], inputTokens, outputTokens)
        : [inputTokens, outputTokens];

    /// <summary>The tokens per task of every class of an allocation (see <see cref="ClassTokens(double, double)"/>).</summary>
    public double[] ClassTokens(Allocation allocation) => ClassTokens(allocation.Input, allocation.Output);

    /// <summary>The tokens per task of every class of a contract (see <see cref="ClassTokens(double, double)"/>).</summary>
    public double[] ClassTokens(Contract contract) => ClassTokens(contract.Input, contract.Output);

    /// <summary>The total tokens of every class of a package (see <see cref="ClassTokens(double, double)"/>).</summary>
    public double[] ClassTokens(PackageContract package) => ClassTokens(package.InputTokens, package.OutputTokens);

    /// <summary>The price per token of every class (in <see cref="TokenCosts"/> order) under a tariff: its markup times the class cost.</summary>
    public double[] ClassPrices(TwoPartTariff tariff) => [.. TokenCosts.Select(c => tariff.Markup * c.Cost)];

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
