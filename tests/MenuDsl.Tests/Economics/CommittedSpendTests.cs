using System;
using MenuDsl;
using Xunit;

namespace MenuDsl.Tests.Economics;

/// <summary>
/// The committed-spend form of the package menu: pay T(θ) for a budget C(Q(θ)) spent at marginal cost. Checked against
/// model.md's Example A table and against a brute-force spend of the budget.
/// </summary>
public sealed class CommittedSpendTests
{
    // Example A without scales (θ = w): the table's s = 1 rows of model.md §9, T and C.
    [Theory]
    [InlineData(0.60, 0.021265, 0.0038664)]
    [InlineData(0.90, 0.108258, 0.0618618)]
    [InlineData(1.00, 0.144989, 0.0966591)]
    public void Example_A_plans_pay_the_package_transfer_for_its_cost(double theta, double payment, double budget)
    {
        IIndexModel model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).Build();
        var plan = model.CommittedSpend(theta);
        Assert.Equal(payment, plan.Payment, 6);
        Assert.Equal(budget, plan.Budget, 6);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.7)]   // fine-tunes: θ̂ ≈ 0.626
    [InlineData(0.95)]
    public void A_budget_spent_optimally_at_marginal_cost_buys_the_package_quality(double theta)
    {
        var model = Models.FineTuning();
        var plan = model.CommittedSpend(theta);
        Assert.Equal(model.Package(theta).Quality, plan.Quality);
        double bought = BestQuality(plan.Budget, 0.1, 0.1, 0.1);
        Assert.True(Math.Abs(bought - plan.Quality) <= 1e-7 * plan.Quality, $"budget {plan.Budget} buys {bought}, plan says {plan.Quality}");
    }

    [Fact]
    public void Excluded_types_get_the_empty_plan()
    {
        IIndexModel model = PricingModel.CobbDouglas(0.3, 0.2, 0.1).WithCosts(1, 2, 5).WithValues(Distribution.Uniform, 0, 1).Build();
        Assert.Equal(default, model.CommittedSpend(0.4));
    }

    [Fact]
    public void The_audit_checks_spend_plans_and_names_a_generous_budget()
    {
        var honest = MenuAudit.Audit(Models.FineTuning());
        Assert.True(honest.PackageRegret <= 1e-9, honest.ToString());

        var report = MenuAudit.Audit(new GenerousBudgets(Models.FineTuning()));
        Assert.True(report.PackageRegret > 1e-3, report.ToString());
        Assert.Contains("committed-spend plan", report.Worst);
    }

    /// <summary>
    /// Quality x^.3 y^.2 (1 + z)^.1 from spending <paramref name="budget"/> at unit costs: golden section over the share
    /// spent on fine-tuning, with the rest split in the Cobb-Douglas proportions α : β (optimal for any z).
    /// </summary>
    private static double BestQuality(double budget, double cx, double cy, double cz)
    {
        double Quality(double tuningShare)
        {
            double rest = budget * (1 - tuningShare);
            double x = 0.6 * rest / cx, y = 0.4 * rest / cy, z = tuningShare * budget / cz;
            return Math.Pow(x, 0.3) * Math.Pow(y, 0.2) * Math.Pow(1 + z, 0.1);
        }
        double a = 0, b = 1;
        const double inverseGolden = 0.6180339887498949;
        for (int i = 0; i < 200; i++)
        {
            double c = b - inverseGolden * (b - a), d = a + inverseGolden * (b - a);
            if (Quality(c) >= Quality(d)) b = d; else a = c;
        }
        return Math.Max(Quality(0), Quality(0.5 * (a + b)));
    }

    /// <summary>Plans that include 10% more budget than the package costs, for the same payment.</summary>
    private sealed class GenerousBudgets(IIndexModel inner) : DelegatingIndexModel(inner)
    {
        public override SpendPlan CommittedSpend(double theta) => Inner.CommittedSpend(theta) with { Budget = 1.1 * Inner.CommittedSpend(theta).Budget };
    }
}
