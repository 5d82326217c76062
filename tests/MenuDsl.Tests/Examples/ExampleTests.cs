using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Xunit;

namespace MenuDsl.Tests.Examples;

/// <summary>The examples under examples/, run in-process on their own arguments; their files are checked.</summary>
public sealed class ExampleTests
{
    private static string Run(string assembly, params string[] args)
    {
        var entry = Assembly.Load(assembly).EntryPoint ?? throw new InvalidOperationException($"{assembly} has no entry point.");
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            entry.Invoke(null, [args]);
        }
        finally
        {
            Console.SetOut(console);
        }
        return output.ToString();
    }

    [Fact]
    public void Usage_to_price_sheet_writes_a_usage_log_and_three_price_sheets()
    {
        string directory = Directory.CreateTempSubdirectory("menudsl-example-").FullName;
        try
        {
            string printed = Run("UsageToPriceSheet", directory);
            Assert.Contains("Fitted law of θ: LogNormal(", printed);
            Assert.Contains("3 committed-spend plans", printed);

            var usage = File.ReadAllLines(Path.Combine(directory, "usage.csv"));
            Assert.Equal("customer,input,cached_input,output,fine_tuning", usage[0]);
            Assert.Equal(5001, usage.Length);

            using var litellm = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "litellm.json")));
            var names = litellm.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(["acme-llm/plan-1", "acme-llm/plan-2", "acme-llm/plan-3"], names);
            foreach (var plan in litellm.RootElement.EnumerateObject())
            {
                // Committed spend: tokens at cost, USD per token.
                Assert.Equal(1.0e-6, plan.Value.GetProperty("input_cost_per_token").GetDouble(), 1e-18);
                Assert.Equal(0.1e-6, plan.Value.GetProperty("cache_read_input_token_cost").GetDouble(), 1e-18);
                Assert.Equal(4.0e-6, plan.Value.GetProperty("output_cost_per_token").GetDouble(), 1e-18);
            }
            using var genai = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "genai-prices.json")));
            Assert.Contains("\"input_mtok\"", genai.RootElement.GetRawText());
            Assert.Equal(4, File.ReadAllLines(Path.Combine(directory, "plans.csv")).Length);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
