using System;
using System.Globalization;
using System.IO;
using System.Linq;
using MenuDsl.Cli;
using Xunit;

namespace MenuDsl.Cli.Tests;

/// <summary>Runs the tool in-process through <see cref="CliApp.Run"/> and gives each test its own temp directory.</summary>
public abstract class CliHarness : IDisposable
{
    protected CliHarness()
    {
        Temp = Path.Combine(Path.GetTempPath(), "menudsl-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Temp);
    }

    protected string Temp { get; }

    /// <summary>The repository's examples/models directory.</summary>
    protected static string Models { get; } = Path.Combine(RepositoryRoot(), "examples", "models");

    protected static string Model(string name) => Path.Combine(Models, name + ".json");

    protected static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = CliApp.Run(args, output, error);
        string err = error.ToString();
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);   // never a stack trace
        return (code, output.ToString(), err);
    }

    /// <summary>Runs and expects success, with nothing on standard error.</summary>
    protected static string Ok(params string[] args)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 0, $"exit {code}: {error}");
        return output;
    }

    /// <summary>Runs and expects exit code 2 with every fragment in the message on standard error.</summary>
    protected static string Bad(string[] args, params string[] fragments)
    {
        var (code, output, error) = Run(args);
        Assert.True(code == 2, $"exit {code}; stdout: {output}; stderr: {error}");
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        foreach (string f in fragments) Assert.Contains(f, error, StringComparison.Ordinal);
        return error;
    }

    /// <summary>Writes a file in the temp directory and returns its path.</summary>
    protected string WriteFile(string name, string text)
    {
        string path = Path.Combine(Temp, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    protected static string F(double x) => CliApp.Format(x);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Temp, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp directory is harmless
        }
        GC.SuppressFinalize(this);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (dir.GetFiles("MenuDsl.sln").Length > 0) return dir.FullName;
        throw new InvalidOperationException("MenuDsl.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A usage log of customers who bought freely at <paramref name="markup"/> × cost under <paramref name="truth"/>:
    /// a customer of value w (drawn from its values, or by <paramref name="draw"/>) buys the first best of value w / markup (s = 1).
    /// One column per token class, then fine_tuning.
    /// </summary>
    protected static string UsageCsv(IIndexModel truth, double markup, int customers, int seed, Func<Random, double>? draw = null)
    {
        var random = new Random(seed);
        var d = truth.Description;
        var lines = new System.Collections.Generic.List<string> { string.Join(",", ["customer", .. d.TokenCosts.Select(c => c.Name), "fine_tuning"]) };
        for (int i = 0; i < customers; i++)
        {
            double w = draw?.Invoke(random) ?? d.Values.Quantile(random.NextDouble());
            var bought = truth.Efficient(w / markup, 1);
            lines.Add(string.Join(",", [$"c{i}", .. d.ClassTokens(bought).Select(t => t.ToString("R", CultureInfo.InvariantCulture)),
                bought.FineTuning.ToString("R", CultureInfo.InvariantCulture)]));
        }
        return string.Join("\n", lines) + "\n";
    }
}
