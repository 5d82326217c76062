// A production function you write (README "A production function you write"): the generated solver for HarmonicApi
// (symbolic derivatives, Newton's method) against the same formula built at run time with PricingModel.Custom(v),
// which takes derivatives by central differences. Both must give the same menu; the example prints both on a few
// types, the largest relative difference, and the incentive audit of the generated menu.
//
//   dotnet run --project examples/CustomTechnology
using System;
using System.Globalization;
using System.Linq;
using MenuDsl;
using MenuDsl.Examples.CustomTechnology;

var inv = CultureInfo.InvariantCulture;
string F(double x, string format = "0.000000") => double.IsPositiveInfinity(x) ? "inf" : x.ToString(format, inv);

// The generated model: its formula as the generator read it.
IPricingModel generated = HarmonicApi.Instance;
Console.WriteLine($"Custom technology v = {((CustomTechnology)generated.Description.Technology).Formula}");
Console.WriteLine("token costs (input, output, fine-tuning) = (0.05, 0.2, 0.04); w ~ U[0, 1], every buyer runs all tasks");
Console.WriteLine($"reserve value {F(generated.ReserveValue, "0.####")}");
Console.WriteLine();

// The same technology at run time: only v is given, so its derivatives come from central differences.
IPricingModel runtime = PricingModel.Custom(HarmonicApi.V)
    .WithCosts(0.05, 0.20, 0.04)
    .WithValues(Distribution.Uniform, 0.0, 1.0)
    .Build();

// The menu on a few types, generated vs runtime-built, and the largest relative difference over every number shown
// (relative to the generated number, or to 1e-9 where that is 0, e.g. no fine-tuning).
Console.WriteLine($"  {"w",5} {"model",9} {"quality",10} {"input",10} {"output",10} {"fine-tune",10} {"payment",10} {"rent",10} {"markup",8} {"fee",10}");
double largest = 0;
foreach (double w in new[] { 0.6, 0.7, 0.8, 0.9, 1.0 })
{
    double[]? first = null;
    foreach (var (name, model) in new[] { ("generated", generated), ("runtime", runtime) })
    {
        Contract c = model.Contract(w, 1.0);
        TwoPartTariff t = model.Tariff(w, 1.0);
        double[] numbers = [c.Quality, c.Input, c.Output, c.FineTuning, c.Transfer, c.BuyerUtility, t.Markup, t.Fee];
        Console.WriteLine($"  {F(w, "0.00"),5} {name,9} {F(c.Quality),10} {F(c.Input),10} {F(c.Output),10} {F(c.FineTuning),10} {F(c.Transfer),10} {F(c.BuyerUtility),10} {F(t.Markup, "0.0000"),8} {F(t.Fee),10}");
        if (first is null) first = numbers;
        else
            largest = Math.Max(largest, first.Zip(numbers).Max(p => Math.Abs(p.First - p.Second) / Math.Max(Math.Abs(p.First), 1e-9)));
    }
}
Console.WriteLine($"Largest relative difference, generated vs runtime-built (central differences): {largest.ToString("E2", inv)}");
Console.WriteLine();

double profit = generated.ExpectedProfit();
Console.WriteLine($"Expected profit per buyer: generated {F(profit)}, runtime-built {F(runtime.ExpectedProfit())}");

// The audit: every type on a grid against every other type's contract and two-part tariff.
AuditReport audit = MenuAudit.Audit(generated);
Console.WriteLine($"Audit of the generated menu over {audit.TypesChecked} types: largest gain from another type's item {audit.MaxRegret.ToString("G3", inv)} "
    + $"(contracts {audit.DirectRegret.ToString("G3", inv)}, tariffs {audit.TariffRegret.ToString("G3", inv)}), participation {audit.ParticipationViolation.ToString("G3", inv)}");
Console.WriteLine(audit.MaxRegret <= 1e-9 && audit.ParticipationViolation <= 1e-9
    ? "  incentive compatible and individually rational on the grid"
    : $"  violated: {audit.Worst}");
