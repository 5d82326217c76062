using System;
using System.Globalization;
using System.Linq;
using MenuDsl;
using QuickStart;

// The model is generated at build time from the attributes on ChatApi.
IIndexModel model = ChatApi.Instance;
var culture = CultureInfo.InvariantCulture;

Console.WriteLine("MenuDsl quick start: optimal LLM token menu");
Console.WriteLine($"  v = x^0.3 y^0.2 (1 + z)^0.1, token costs (input, output, fine-tuning) = (1, 2, 5)");
Console.WriteLine($"  w ~ U[0, 1], s ~ U[0.2, 1]; reserve value {model.ReserveValue.ToString("0.####", culture)}, fine-tuning threshold θ̂ = {model.FineTuningThreshold.ToString("0.####", culture)}");
Console.WriteLine();
Console.WriteLine("Contractible menu, implemented as two-part tariffs (prices = markup × cost, plus a fee, task cap s):");
string header = string.Format(culture, "{0,5} {1,5} | {2,9} {3,9} {4,9} {5,7} {6,9} | {7,7} {8,8} {9,8} {10,8} {11,9}",
    "w", "s", "quality", "input", "output", "tune", "payment", "markup", "p_in", "p_out", "p_tune", "fee");
Console.WriteLine(header);
Console.WriteLine(new string('-', header.Length));
foreach (var (w, s) in new[]
{
    (0.40, 1.0), (0.55, 0.5), (0.55, 1.0), (0.60, 1.0), (0.70, 0.3), (0.70, 0.8),
    (0.75, 0.5), (0.80, 1.0), (0.90, 0.4), (0.90, 1.0), (0.95, 0.7), (1.00, 1.0),
})
{
    var contract = model.Contract(w, s);
    var tariff = model.Tariff(w, s);
    Console.WriteLine(string.Format(culture,
        "{0,5:0.00} {1,5:0.00} | {2,9:0.00000} {3,9:0.00000} {4,9:0.00000} {5,7:0.000} {6,9:0.00000} | {7,7} {8,8} {9,8} {10,8} {11,9:0.00000}",
        w, s, contract.Quality, contract.Input * s, contract.Output * s, contract.FineTuning, contract.Transfer,
        Price(tariff.Markup), Price(tariff.InputPrice), Price(tariff.OutputPrice), Price(tariff.FineTuningPrice), tariff.Fee));
}
Console.WriteLine("(input/output are total tokens over the buyer's s tasks; excluded types face infinite prices)");
Console.WriteLine();
double contractible = model.ExpectedProfit(), packages = model.ExpectedPackageProfit();
Console.WriteLine(string.Format(culture, "Expected profit, contractible menu: {0:0.000000}", contractible));
Console.WriteLine(string.Format(culture, "Expected profit, token packages:    {0:0.000000} ({1:0.0%} of contractible)", packages, packages / contractible));
Console.WriteLine();
// Every type on a grid against every other type's contract, tariff, package and package tariff.
var audit = MenuAudit.Audit(model);
Console.WriteLine(string.Format(culture, "Incentive audit: max regret {0:G3} over {1} types: {2}", audit.MaxRegret, audit.TypesChecked, audit.Worst));

// A production function written by hand, generated into a numeric solver on its symbolic derivatives.
IPricingModel custom = CustomApi.Instance;
Console.WriteLine();
Console.WriteLine($"Custom technology: v = {((CustomTechnology)custom.Description.Technology).Formula}");
foreach (var (w, s) in new[] { (0.60, 1.0), (0.80, 1.0), (1.00, 1.0) })
{
    var contract = custom.Contract(w, s);
    var tariff = custom.Tariff(w, s);
    Console.WriteLine(string.Format(culture, "  w = {0:0.00}, s = {1:0.00}: quality {2:0.00000}, payment {3:0.00000}, markup {4}, fee {5:0.00000}",
        w, s, contract.Quality, contract.Transfer, Price(tariff.Markup), tariff.Fee));
}
var customAudit = MenuAudit.Audit(custom);
Console.WriteLine(string.Format(culture, "  expected profit {0:0.000000}; incentive audit: max regret {1:G3} over {2} types",
    custom.ExpectedProfit(), customAudit.MaxRegret, customAudit.TypesChecked));

// Two buyer types (model.md §7), solved at build time.
var binary = TwoTypes.Instance.BinaryMenu;
Console.WriteLine();
Console.WriteLine($"Two types: {binary.Regime}, expected profit {binary.ExpectedProfit.ToString("0.000000", culture)}");
foreach (var (name, item) in new[] { ("H", binary.High), ("L", binary.Low) })
    Console.WriteLine(string.Format(culture, "  {0} (task values {1}): quality per task [{2}], pays {3:0.000000}, keeps {4:0.000000}",
        name, string.Join(", ", item.Profile.TaskValues), string.Join(", ", item.Quality.Select(q => q.ToString("0.0000", culture))), item.Transfer, item.BuyerUtility));

// Three published plans: committed spend (pay a fee for a token budget at marginal cost).
var plans = PlanDesigner.CommittedSpend(model, 3);
Console.WriteLine();
Console.WriteLine(string.Format(culture, "Three committed-spend plans keep {0:0.0%} of the continuous package menu's profit:", plans.Retained));
foreach (var plan in plans.Plans)
    Console.WriteLine(string.Format(culture, "  fee {0:0.000000} for a budget of {1:0.000000}, chosen from θ = {2:0.0000} by {3:0.0%} of buyers",
        plan.Fee, plan.Budget, plan.LowestType, plan.Share));

string Price(double x) => double.IsPositiveInfinity(x) ? "∞" : x.ToString("0.000", culture);
