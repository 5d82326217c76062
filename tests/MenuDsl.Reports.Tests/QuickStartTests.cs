using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Xunit;

namespace MenuDsl.Reports.Tests;

/// <summary>examples/QuickStart run in-process: what it prints, and the files <c>--out</c> writes, opened and checked.</summary>
[Collection("Console")]
public sealed class QuickStartTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        var entry = Assembly.Load("QuickStart").EntryPoint!;
        var output = new StringWriter();
        var console = Console.Out;
        Console.SetOut(output);
        try
        {
            return ((int)entry.Invoke(null, [args])!, output.ToString());
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    [Fact]
    public void Without_arguments_it_prints_the_menu_the_audit_and_three_plans()
    {
        var (exit, output) = Run();
        Assert.Equal(0, exit);
        Assert.Contains("Optimal menu, as two-part tariffs", output);
        Assert.Contains("incentive compatible and individually rational on the grid", output);
        Assert.Contains("Three committed-spend plans keep", output);
        Assert.DoesNotContain("Wrote ", output);
    }

    [Fact]
    public void With_out_it_writes_well_formed_menu_files_and_plots()
    {
        string directory = Directory.CreateTempSubdirectory("menudsl-quickstart-").FullName;
        try
        {
            var (exit, output) = Run("--out", directory, "--grid", "10");
            Assert.Equal(0, exit);
            Assert.Contains($"to {directory}", output);
            Assert.DoesNotContain("Writing", output); // no progress bar when the output is redirected

            var csv = File.ReadAllLines(Path.Combine(directory, "menu.csv"));
            Assert.StartsWith("w,s,", csv[0]);
            Assert.Equal(1 + 10 * 2, csv.Length); // --grid 10: 10 values × 2 scales
            using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "menu.json"))))
                Assert.NotEqual(JsonValueKind.Undefined, json.RootElement.ValueKind);
            foreach (string png in new[] { "tariffs.png", "plans.png" })
            {
                byte[] bytes = File.ReadAllBytes(Path.Combine(directory, png));
                Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8));
                Assert.True(bytes.Length > 5000, $"{png} has {bytes.Length} bytes");
            }
            var svg = XDocument.Load(Path.Combine(directory, "tariffs.svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_grid_below_two_is_refused()
    {
        var error = new StringWriter();
        var console = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.NotEqual(0, Run("--grid", "1").Exit);
        }
        finally
        {
            Console.SetError(console);
        }
    }
}
