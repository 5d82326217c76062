// From usage logs to a price sheet (README): a provider sells input, cached-input and output tokens at 1.5 × cost
// and sees only what each customer bought. This example writes such a usage log, recovers every customer's type from
// it, fits their distribution, and publishes three committed-spend plans as LiteLLM, genai-prices and CSV price sheets.
//
//   dotnet run --project examples/UsageToPriceSheet [-- <output directory>]
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MenuDsl;

string output = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "menudsl-usage-to-price-sheet");
Directory.CreateDirectory(output);
const double markup = 1.5;

// The technology the provider knows: Cobb-Douglas over three token classes, costs in USD per token.
TokenClass[] classes = [new("input", 0.20, 1.0e-6), new("cached_input", 0.05, 0.1e-6), new("output", 0.20, 4.0e-6)];
const double gamma = 0.10, fineTuningCost = 2.0e-6;

// 1. A usage log. The customers' values are private; here they are drawn from a log-normal law the provider never
//    sees. Under linear prices markup × cost a customer of value w buys the first best of value w / markup.
var truth = PricingModel.TokenClasses(classes, gamma, fineTuningCost).WithValues(TypeDistribution.LogNormal(-9.0, 0.4)).Build();
var random = new Random(20261130);
string usagePath = Path.Combine(output, "usage.csv");
using (var log = new StreamWriter(usagePath))
{
    log.WriteLine("customer,input,cached_input,output,fine_tuning");
    for (int i = 0; i < 5000; i++)
    {
        double w = truth.Description.Values.Quantile(random.NextDouble());
        var bought = truth.Efficient(w / markup, 1);
        double[] tokens = truth.Description.ClassTokens(bought);
        log.WriteLine(string.Join(",", [$"c{i:D5}", .. tokens.Select(t => t.ToString("R", CultureInfo.InvariantCulture)),
            bought.FineTuning.ToString("R", CultureInfo.InvariantCulture)]));
    }
}
Console.WriteLine($"Usage log of 5000 customers: {usagePath}");

// 2. Types from usage: θ = markup · C′(Q), Q from the tokens each customer bought; then their law.
var technology = PricingModel.TokenClasses(classes, gamma, fineTuningCost).WithValues(TypeDistribution.Uniform(0, 1)).Build();
double[] thetas = Calibration.Thetas(technology, Calibration.ReadUsage(usagePath, technology.Description), markup);
var fit = Calibration.FitValues(thetas);
Console.WriteLine($"Fitted law of θ: {fit.Distribution} (KS distance {fit.KolmogorovSmirnov:F4}, critical {fit.CriticalDistance:F4}; {fit.ZeroCount} idle customers)");

// 3. What each way of selling earns per customer under the fitted law.
var model = PricingModel.TokenClasses(classes, gamma, fineTuningCost).WithValues(fit.Distribution).Build();
var plans = PlanDesigner.CommittedSpend(model, 3);
Console.WriteLine($"Expected profit per customer: linear pricing at {markup}× cost {model.LinearPricingProfit(markup):E4} USD, "
    + $"optimal menu {model.ExpectedProfit():E4} USD, 3 committed-spend plans {plans.ExpectedProfit:E4} USD ({plans.Retained:P1} of the optimum)");
foreach (var (plan, k) in plans.Plans.Select((p, k) => (p, k + 1)))
    Console.WriteLine($"  plan {k}: pay {plan.Fee:E3} USD for a budget of {plan.Budget:E3} USD at cost prices; chosen by {plan.Share:P1}");

// 4. Price sheets in the formats LLM tooling reads: one pseudo-model per plan, the fee and budget in its notes.
var sheet = PriceSheet.From(model, plans, "acme-llm");
foreach (var (file, text) in new[] { ("litellm.json", sheet.ToLiteLlmJson()), ("genai-prices.json", sheet.ToGenAiPricesJson()), ("plans.csv", sheet.ToCsv()) })
{
    string path = Path.Combine(output, file);
    File.WriteAllText(path, text);
    Console.WriteLine($"Wrote {path}");
}
