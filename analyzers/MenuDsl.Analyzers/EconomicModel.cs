using System;
using System.Collections.Generic;
using System.Threading;
using MenuDsl.Kernel;
using Microsoft.CodeAnalysis;

namespace MenuDsl.Analyzers;

/// <summary>A well-formed model's technology and type distributions, built with the shared kernel.</summary>
internal sealed class EconomicModel
{
    private readonly List<DistributionDeclaration> valueParts;
    private readonly List<DistributionDeclaration> scaleParts;

    private EconomicModel(CobbDouglasCore? technology, AttributeData technologyAttribute, (double Input, double Output, double FineTuning) costs,
        List<DistributionDeclaration> valueParts, List<DistributionDeclaration> scaleParts)
    {
        Technology = technology;
        TechnologyAttribute = technologyAttribute;
        Costs = costs;
        this.valueParts = valueParts;
        this.scaleParts = scaleParts;
        Values = Combine(valueParts);
        Scales = Combine(scaleParts);
    }

    /// <summary>Cobb-Douglas or CES (Cobb-Douglas in a composite input, model.md §8); null for a custom [ProductionFunction].</summary>
    public CobbDouglasCore? Technology { get; }

    /// <summary>Builds the Cobb-Douglas or CES technology (throws when its constants overflow); null for a custom technology.</summary>
    public Func<CobbDouglasCore>? MakeTechnology { get; private init; }

    /// <summary>A custom [ProductionFunction]: only the distribution checks have no use for closed forms.</summary>
    public bool IsCustom => MakeTechnology is null;

    /// <summary>[CobbDouglas], [Ces], or the [ProductionFunction] attribute of the custom method.</summary>
    public AttributeData TechnologyAttribute { get; }

    /// <summary>c_x, c_y, c_z.</summary>
    public (double Input, double Output, double FineTuning) Costs { get; }

    /// <summary>F_w; null in the binary environment.</summary>
    public DistributionCore? Values { get; }

    /// <summary>F_s; null when every buyer has s = 1.</summary>
    public DistributionCore? Scales { get; }

    public (double Lower, double Upper) ScaleRange => Scales is { } s ? (s.Lower, s.Upper) : (1.0, 1.0);

    /// <summary>The [ValueDistribution] whose component covers type t (the first unbounded one for t = +∞).</summary>
    public Location ValueLocation(double t, CancellationToken ct)
    {
        foreach (var part in valueParts)
        {
            var core = Families.Create(part.Family, part.Parameters);
            if (t >= core.Lower && t <= core.Upper) return Arguments.Of(part.Attribute, ct);
        }
        return Arguments.Of(valueParts[0].Attribute, ct);
    }

    /// <summary>The declared value law as text: "Pareto(1, 0.5)", or the weighted parts of a mixture.</summary>
    public string ValuesText
    {
        get
        {
            static string Part(DistributionDeclaration d) =>
                $"{d.Family}({string.Join(", ", Array.ConvertAll(d.Parameters, p => Families.Format(p)))})";
            if (valueParts.Count == 1) return "ValueDistribution " + Part(valueParts[0]);
            var parts = new string[valueParts.Count];
            for (int i = 0; i < parts.Length; i++) parts[i] = Families.Format(valueParts[i].Weight) + "×" + Part(valueParts[i]);
            return "the ValueDistribution mixture " + string.Join(" + ", parts);
        }
    }

    /// <summary>Whether a value part is Pareto with shape ≤ 1: its φ(w) = w(1 − 1/shape) is never positive.</summary>
    public bool HasHeavyParetoTail
    {
        get
        {
            foreach (var part in valueParts)
                if (part.Family == Family.Pareto && part.Parameters[1] <= 1) return true;
            return false;
        }
    }

    public Location ScaleLocation(CancellationToken ct) => Arguments.Of(scaleParts[0].Attribute, ct);

    /// <summary>Null unless the model passes every usage check (then MENU001–MENU005 speak for it).</summary>
    public static EconomicModel? TryCreate(ModelDeclaration model)
    {
        if (model.TechnologyCount != 1) return null;
        double cx, cy, cz;
        if (model.HasTokenClasses)
        {
            if (model.TokenCosts is not null || model.TokenClasses() is not { Fault: null } declared) return null;
            var (input, output) = CobbDouglasCore.Slots(declared.Names);
            (cx, cy, cz) = (declared.Costs[input], declared.Costs[output], declared.FineTuningCost);
        }
        else
        {
            if (model.TokenCostsAttributes.Count != 1 || model.TokenCosts is not { } costs) return null;
            if (Arguments.Constructor(costs, 0) is not { } x || Arguments.Constructor(costs, 1) is not { } y
                || Arguments.Constructor(costs, 2) is not { } z)
                return null;
            (cx, cy, cz) = (x, y, z);
        }
        Func<CobbDouglasCore>? makeTechnology;
        AttributeData attribute;
        if (model.TokenClasses() is { } classes)
        {
            makeTechnology = () => CobbDouglasCore.TokenClasses(classes.Names, classes.Exponents, classes.Costs, classes.Gamma, classes.BaseQuality, classes.FineTuningCost);
            attribute = model.FineTuningAttributes[0];
        }
        else if (model.CobbDouglas is { } cd)
        {
            if (Arguments.Constructor(cd, 0) is not { } alpha || Arguments.Constructor(cd, 1) is not { } beta
                || Arguments.Constructor(cd, 2) is not { } gamma)
                return null;
            double b = Arguments.Named(cd, "BaseQuality") ?? 1.0;
            if (CobbDouglasCore.Validate(alpha, beta, gamma, b, cx, cy, cz) is not null) return null;
            makeTechnology = () => new CobbDouglasCore(alpha, beta, gamma, b, cx, cy, cz);
            attribute = cd;
        }
        else if (model.Ces is { } ces)
        {
            if (Arguments.Constructor(ces, 0) is not { } share || Arguments.Constructor(ces, 1) is not { } r
                || Arguments.Constructor(ces, 2) is not { } degree || Arguments.Constructor(ces, 3) is not { } gamma)
                return null;
            double b = Arguments.Named(ces, "BaseQuality") ?? 1.0;
            if (CobbDouglasCore.ValidateCes(share, r, degree, gamma, b, cx, cy, cz) is not null) return null;
            makeTechnology = () => CobbDouglasCore.Ces(share, r, degree, gamma, b, cx, cy, cz);
            attribute = ces;
        }
        else
        {
            if (!(cx > 0 && cy > 0 && cz > 0) || !Numeric.IsFinite(cx + cy + cz)) return null;
            makeTechnology = null;
            attribute = model.ProductionFunctions[0].Attribute;
        }
        CobbDouglasCore? technology = null;
        // Constants that overflow are a kernel failure: Service.Of reports it (MENU015), as the planner sees it.
        if (makeTechnology is not null)
        {
            try { technology = makeTechnology(); }
            catch (ArgumentException) { technology = null; }
        }

        var values = Read(model.ValueAttributes, isScale: false);
        var scales = Read(model.ScaleAttributes, isScale: true);
        if (values is null || scales is null || (values.Count == 0 && model.TypeProfiles.Count == 0)) return null;
        return new EconomicModel(technology, attribute, (cx, cy, cz), values, scales) { MakeTechnology = makeTechnology };
    }

    private static List<DistributionDeclaration>? Read(List<AttributeData> attributes, bool isScale)
    {
        var parts = new List<DistributionDeclaration>(attributes.Count);
        foreach (var attribute in attributes)
        {
            if (Arguments.Distribution(attribute) is not { } d || Families.Validate(d.Family, d.Parameters) is not null
                || !(d.Weight > 0) || double.IsInfinity(d.Weight))
                return null;
            if (isScale)
            {
                if (!Families.IsScaleLaw(Families.Create(d.Family, d.Parameters))) return null;
            }
            parts.Add(d);
        }
        return parts;
    }

    private static DistributionCore? Combine(List<DistributionDeclaration> parts)
    {
        if (parts.Count == 0) return null;
        var declared = new (Family, IReadOnlyList<double>, double)[parts.Count];
        for (int i = 0; i < parts.Count; i++) declared[i] = (parts[i].Family, parts[i].Parameters, parts[i].Weight);
        return Families.Declared(declared);
    }
}
