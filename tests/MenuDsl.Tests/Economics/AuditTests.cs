using System;
using System.Linq;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// <see cref="MenuAudit"/>: optimal menus pass it (no type gains from any deviation on the grid), and menus that are
/// broken on purpose, by a wrapper that changes what a model returns, fail it with the deviation named.
/// </summary>
public sealed class AuditTests
{
    private static IIndexModel Model(TypeDistribution values, TypeDistribution? scales = null, double fineTuningCost = 5)
    {
        var builder = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, fineTuningCost).WithValues(values);
        return (scales is null ? builder : builder.WithScales(scales)).Build();
    }

    public static TheoryData<string> RegularModels => new() { "Example A", "exponential, fine-tuning", "Pareto", "power(2), beta scales", "uniform, no scales" };

    private static IIndexModel Regular(string name) => name switch
    {
        "Example A" => Models.ExampleA(),
        "exponential, fine-tuning" => Model(TypeDistribution.Exponential(2), TypeDistribution.Uniform(0.2, 1), fineTuningCost: 0.01),
        "Pareto" => Model(TypeDistribution.Pareto(1, 4), TypeDistribution.Uniform(0.2, 1)),
        "power(2), beta scales" => Model(TypeDistribution.Power(2, 0, 1), TypeDistribution.Beta(2, 3, 0, 1), fineTuningCost: 0.01),
        _ => Model(TypeDistribution.Uniform(0.5, 2)),
    };

    [Theory]
    [MemberData(nameof(RegularModels))]
    public void Optimal_menus_of_regular_models_pass(string name)
    {
        var report = MenuAudit.Audit(Regular(name));
        Assert.True(report.MaxRegret <= 1e-9, $"{name}: {report}");
        Assert.Equal(0, report.ParticipationViolation);
        Assert.Null(report.WorstFinding);
        Assert.Contains("no type on the grid gains", report.Worst);
        Assert.True(report.TypesChecked >= 33, $"{name}: only {report.TypesChecked} types checked");
    }

    [Fact]
    public void The_gapped_mixture_of_the_issue_passes()
    {
        // 0.9·U[0,1] + 0.1·U[2,10]: everything below the gap is pooled below zero and excluded; served types w > 5
        // have φ = 2w − 10 and a falling markup.
        var values = TypeDistribution.Mixture((0.9, TypeDistribution.Uniform(0, 1)), (0.1, TypeDistribution.Uniform(2, 10)));
        var report = MenuAudit.Audit(Model(values, TypeDistribution.Uniform(0.2, 1)), new AuditOptions { ValuePoints = 65 });
        Assert.True(report.MaxRegret <= 1e-9, report.ToString());
    }

    [Fact]
    public void A_served_pool_sells_one_bundle_at_one_price_and_beats_separate_tariffs()
    {
        // 0.5·U[0,1] + 0.5·U[0.5,1.5]: φ drops at 1 and the pool around it, [0.948, 1.073] at level 0.646, is served.
        var values = TypeDistribution.Mixture((0.5, TypeDistribution.Uniform(0, 1)), (0.5, TypeDistribution.Uniform(0.5, 1.5)));
        var model = Model(values, TypeDistribution.Uniform(0.2, 1));
        var pool = Assert.Single(values.PoolingIntervals);
        Assert.True(pool.Level > 0, "the pool must be served for this test to mean anything");

        double pooled = 0.5 * (pool.Lower + pool.Upper);
        var tariff = model.Tariff(pooled, 0.6);
        var contract = model.Contract(pooled, 0.6);
        var bundle = Assert.NotNull(tariff.Included);
        Assert.Equal(contract.Quality, bundle.Quality);
        Assert.Equal(contract.Transfer, tariff.Fee);
        Assert.True(double.IsPositiveInfinity(tariff.InputPrice));
        Assert.Equal(contract.Transfer, model.Contract(pool.Lower + 0.9 * (pool.Upper - pool.Lower), 0.6).Transfer, 12);
        Assert.Null(model.Tariff(pool.Upper + 0.1, 0.6).Included);

        // The direct menu is incentive compatible. The tariff menu is not, even with the bundle (model.md §5: the
        // mixed menu must be checked): a tariff's payoff is convex in w and touches the rent at its own type while the
        // bundle's is linear, so pooled types gain from the tariff just outside the pool, and the markup jumps up
        // across it (a/k = 1.47 to b/k = 1.66). Separate tariffs inside the pool are worse still.
        var options = new AuditOptions { ValuePoints = 65 };
        var report = MenuAudit.Audit(model, options);
        Assert.True(report.DirectRegret <= 1e-9, report.ToString());
        Assert.True(report.TariffRegret > 1e-6, report.ToString());
        var separate = MenuAudit.Audit(new SeparatePoolTariffs(model), options);
        Assert.True(separate.TariffRegret > report.TariffRegret, $"bundles: {report}\nseparate: {separate}");
    }

    [Fact]
    public void A_transfer_cut_for_high_types_is_found_as_a_profitable_report()
    {
        // Types above 0.8 pay less: types just below gain by claiming to be above.
        var report = MenuAudit.Audit(new Perturbed(Models.ExampleA(), (w, c) => w > 0.8 ? c with { Transfer = c.Transfer * 0.8 } : c));
        Assert.True(report.DirectRegret > 1e-3, report.ToString());
        Assert.NotNull(report.WorstFinding);
        Assert.Contains("gains", report.Worst);
    }

    [Fact]
    public void A_fee_above_the_value_is_a_participation_violation()
    {
        var report = MenuAudit.Audit(new Perturbed(Models.ExampleA(), (w, c) => c.IsEmpty ? c : c with { Transfer = c.Transfer + 0.05, BuyerUtility = c.BuyerUtility - 0.05 }));
        Assert.True(report.ParticipationViolation > 0.05 / 0.2, report.ToString());
    }

    [Fact]
    public void Audits_are_deterministic()
    {
        // Two builds of the same parameters must give identical reports: the audit reads only what members return.
        var first = MenuAudit.Audit(Models.ExampleA());
        var second = MenuAudit.Audit(Models.ExampleA());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Packages_the_model_cannot_compute_are_skipped_and_said()
    {
        // Power(0.5) scales have an infinite density at 0: the numeric law of θ is refused, contracts are not.
        var model = Model(TypeDistribution.Uniform(0.5, 2), TypeDistribution.Power(0.5, 0, 1));
        Assert.Throws<NotSupportedException>(() => model.Package(1));
        var report = MenuAudit.Audit(model);
        Assert.NotNull(report.PackagesSkipped);
        Assert.Contains("infinite", report.PackagesSkipped);
        Assert.Contains("packages not audited", report.ToString());
        Assert.Equal(0, report.PackageRegret);
        Assert.True(report.MaxRegret <= 1e-9, report.ToString());
        Assert.Null(MenuAudit.Audit(Models.ExampleA()).PackagesSkipped);
    }

    [Fact]
    public void Grid_sizes_below_two_are_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MenuAudit.Audit(Models.ExampleA(), new AuditOptions { ValuePoints = 1 }));
        Assert.Equal("options", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => MenuAudit.Audit(Models.ExampleA(), new AuditOptions { ScalePoints = 0 }));
        Assert.Throws<ArgumentNullException>(() => MenuAudit.Audit(null!));
    }

    /// <summary>A model whose contracts (and so tariffs) are changed by a rule.</summary>
    private sealed class Perturbed(IIndexModel inner, Func<double, Contract, Contract> change) : DelegatingIndexModel(inner)
    {
        public override Contract Contract(double value, double scale) => change(value, Inner.Contract(value, scale));
        public override TwoPartTariff Tariff(double value, double scale)
        {
            var tariff = Inner.Tariff(value, scale);
            var original = Inner.Contract(value, scale);
            return tariff.IsNoSale ? tariff : tariff with { Fee = tariff.Fee + Contract(value, scale).Transfer - original.Transfer };
        }
    }

    /// <summary>The tariff menu a naive implementation gives pooled types: m = w/φ̄(w) and a fee, instead of the bundle.</summary>
    private sealed class SeparatePoolTariffs(IIndexModel inner) : DelegatingIndexModel(inner)
    {
        public override TwoPartTariff Tariff(double value, double scale)
        {
            var tariff = Inner.Tariff(value, scale);
            if (tariff.Included is null) return tariff;
            var c = Inner.Contract(value, scale);
            double m = value / Inner.VirtualValue(value);
            var costs = Description;
            return new TwoPartTariff(m * costs.InputCost, m * costs.OutputCost, m * costs.FineTuningCost, c.Transfer - m * c.Cost, scale, m);
        }
    }
}
