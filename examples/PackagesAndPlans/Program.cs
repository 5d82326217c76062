// Token packages and committed spend (README "Publishing plans"): when the seller can only contract the total tokens a
// buyer gets (not how they are spread over its tasks), the optimal menu is a menu of token packages Q(θ) indexed by
// θ = w·s^δ. Each package is sold as a two-part tariff (a fee, then markup × cost per token, no task cap) or, in the
// committed-spend form providers publish, as "pay T(θ) up front for a budget C(Q(θ)) spent at cost on any mix".
// This example prints packages at a few θ, what packages cost relative to the contractible menu, the best menus of
// K = 1…4 committed-spend plans, and the incentive audit of the 3-plan menu.
//
//   dotnet run --project examples/PackagesAndPlans
using System;
using System.Globalization;
using System.Linq;
using MenuDsl;
using MenuDsl.Examples.PackagesAndPlans;

var inv = CultureInfo.InvariantCulture;
string F(double x, string format = "0.000000") => double.IsPositiveInfinity(x) ? "inf" : x.ToString(format, inv);

// The generated model: closed forms, constants folded at build time.
IIndexModel model = CachedApi.Instance;
var description = model.Description;
string classes = string.Join(", ", description.TokenCosts.Select(c => $"{c.Name} {F(c.Cost, "0.###")}"));
Console.WriteLine("Token packages and committed-spend plans (generated token-class model CachedApi)");
Console.WriteLine($"  token costs per class: {classes}; fine-tuning {F(description.FineTuningCost, "0.###")}");
Console.WriteLine($"  θ = w·s^0.55; reserve value {F(model.ReserveValue, "0.####")}; buyers fine-tune when θ > θ̂ = {F(model.FineTuningThreshold, "0.####")}");
Console.WriteLine();

// 1. The package menu at a few θ. Tokens are totals: the buyer spreads them over its own tasks.
Console.WriteLine("Token packages Package(θ), their tariff PackageTariff(θ) and committed-spend form CommittedSpend(θ):");
Console.WriteLine($"  {"θ",6} {"quality",10} {string.Join(" ", description.TokenCosts.Select(c => $"{c.Name,12}"))} {"fine-tune",10} {"payment",10} {"rent",10} {"markup",7} {"fee",10} {"budget",10}");
foreach (double theta in new[] { 0.3, 0.5, 0.7, 0.9, 1.0 })
{
    PackageContract package = model.Package(theta);
    TwoPartTariff tariff = model.PackageTariff(theta);
    SpendPlan spend = model.CommittedSpend(theta);
    double[] tokens = description.ClassTokens(package);          // per class, in description.TokenCosts order
    Console.WriteLine($"  {F(theta, "0.00"),6} {F(package.Quality),10} {string.Join(" ", tokens.Select(t => $"{F(t),12}"))} {F(package.FineTuning, "0.0000"),10} "
        + $"{F(package.Transfer),10} {F(package.BuyerUtility),10} {F(tariff.Markup, "0.000"),7} {F(tariff.Fee),10} {F(spend.Budget),10}");
}
Console.WriteLine("  A θ whose package is empty is below the package menu's reserve type: no sale, infinite prices. Packages serve");
Console.WriteLine("  the first best of the virtual index φ_θ(θ) < θ, so fine-tuning starts above θ̂. Committed spend: pay the");
Console.WriteLine("  payment up front for a budget equal to the package's cost, spent at marginal cost on any token mix.");
Console.WriteLine();

// 2. What contracting only total tokens costs the seller.
double contractible = model.ExpectedProfit(), packages = model.ExpectedPackageProfit();
Console.WriteLine($"Expected profit per buyer: contractible menu {F(contractible)}, token packages {F(packages)}");
Console.WriteLine($"Package profit ratio ExpectedPackageProfit / ExpectedProfit = {F(packages / contractible, "0.0000")}");
Console.WriteLine();

// 3. The best menus of K committed-spend plans, and how much of the continuous package menu's profit they keep.
Console.WriteLine("Committed-spend plans (PlanDesigner.CommittedSpend(model, K)):");
PlanMenu? three = null;
for (int k = 1; k <= 4; k++)
{
    PlanMenu menu = PlanDesigner.CommittedSpend(model, k);
    if (k == 3) three = menu;
    Console.WriteLine($"  K = {k}: expected profit {F(menu.ExpectedProfit)}, Retained {F(menu.Retained, "0.0000")}");
    foreach (var (plan, i) in menu.Plans.Select((p, i) => (p, i + 1)))
        Console.WriteLine($"    plan {i}: fee {F(plan.Fee)} for a budget of {F(plan.Budget)} at cost; chosen from θ = {F(plan.LowestType, "0.0000")} by {plan.Share.ToString("0.0%", inv)} of buyers");
}
Console.WriteLine();

// 4. The audit: every type on a grid against every plan (spending each budget optimally) and against buying nothing.
AuditReport audit = MenuAudit.Audit(three!, model);
Console.WriteLine($"Audit of the 3-plan menu over {audit.TypesChecked} types: largest gain from another plan {audit.MaxRegret.ToString("G3", inv)}, "
    + $"largest participation violation {audit.ParticipationViolation.ToString("G3", inv)}");
Console.WriteLine(audit.MaxRegret <= 1e-9 && audit.ParticipationViolation <= 1e-9
    ? "  every type's own plan is its best choice: incentive compatible and individually rational on the grid"
    : $"  violated: {audit.Worst}");
