using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Linq;
using Spectre.Console;

namespace MenuDsl.Cli;

/// <summary>A bad command-line value or usage file: the message names the option or file and the problem (exit code 2).</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>
/// The <c>menudsl</c> command-line tool (docs/cli.md): <c>solve</c>, <c>plans</c> and <c>calibrate</c>. Everything goes
/// through <see cref="Run"/>, so tests drive the tool end to end with their own writers.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of an unexpected failure (a bug: please report it).</summary>
    public const int InternalError = 1;

    /// <summary>Exit code of bad input: a model or usage file, or a command-line argument.</summary>
    public const int BadInput = 2;

    /// <summary>The technology <c>calibrate</c> uses without <c>--model</c> (api.md's default model).</summary>
    public const string DefaultTechnologyJson =
        """{ "technology": { "kind": "CobbDouglas", "alpha": 0.3, "beta": 0.2, "gamma": 0.1, "baseQuality": 1 }, "costs": { "input": 1, "output": 2, "fineTuning": 5 } }""";

    /// <summary>Runs the tool on <paramref name="args"/>, writing results to <paramref name="output"/> and problems to <paramref name="error"/>.</summary>
    /// <returns><see cref="Success"/>, <see cref="BadInput"/> (the message names the field or option and the problem) or <see cref="InternalError"/>.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;   // numbers in files and tables read the same everywhere
        try
        {
            var root = Commands(output, error);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors)
                {
                    // Name the option or argument at fault when the parser's message does not.
                    string? symbol = e.SymbolResult switch
                    {
                        OptionResult o => o.Option.Name,
                        ArgumentResult { Parent: OptionResult o } => o.Option.Name,
                        ArgumentResult a => $"<{a.Argument.Name}>",
                        _ => null,
                    };
                    error.WriteLine(symbol is null || e.Message.Contains(symbol, StringComparison.Ordinal) ? $"error: {e.Message}" : $"error: {symbol}: {e.Message}");
                }
                error.WriteLine("Run 'menudsl --help' (or 'menudsl <command> --help') for usage.");
                return BadInput;
            }
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ModelFileException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (InputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (FormatException e)
        {
            error.WriteLine($"error: {e.Message}");   // the usage CSV: Calibration.ReadUsage names the file, line and column
            return BadInput;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // The runtime refused the model (e.g. an expected profit that is infinite for a heavy tail).
            error.WriteLine($"error: {ModelFile.RuntimeMessage(e)}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}");
            return InternalError;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static Command Commands(TextWriter output, TextWriter error)
    {
        // A named root (RootCommand takes the executable's name, MenuDsl.Cli under 'dotnet run').
        var root = new Command("menudsl", "Revenue-optimal LLM token menus, plans and price sheets from a JSON model file or a usage log (docs/cli.md).")
        {
            new HelpOption(),
            new VersionOption(),
        };

        var solveModel = new Argument<string>("model") { Description = "The JSON model file (docs/cli.md)." };
        var grid = new Option<int>("--grid", "-g") { Description = "Grid points per dimension: n served values (and n scales when the model has scales).", DefaultValueFactory = _ => 5 };
        var outDir = new Option<string?>("--out", "-o") { Description = "Directory for menu.csv, menu.json, tariffs.png, tariffs.svg and plans.png (created if needed)." };
        var noPlots = new Option<bool>("--no-plots") { Description = "With --out: skip tariffs.png, tariffs.svg and plans.png (designing the plotted plans takes a few seconds)." };
        var solve = new Command("solve", "Solve a model: the optimal menu as a table, expected profits and the incentive audit.") { solveModel, grid, outDir, noPlots };
        solve.SetAction(p => Named(p.GetValue(solveModel)!, path => Solve.Run(ModelFile.Load(path), p.GetValue(grid), p.GetValue(outDir), !p.GetValue(noPlots), output)));
        root.Subcommands.Add(solve);

        var plansModel = new Argument<string>("model") { Description = "The JSON model file (an index model with value distributions)." };
        var count = new Option<int>("--count", "-n") { Description = "How many plans (1–50 committed-spend, 1–10 tariffs).", DefaultValueFactory = _ => 3 };
        var tariffs = new Option<bool>("--tariffs") { Description = "Design two-part tariffs (fee + markup) instead of committed-spend plans." };
        var export = new Option<string?>("--export", "-e") { Description = "Write the price sheet: litellm, genai-prices or csv." };
        export.AcceptOnlyFromAmong("litellm", "genai-prices", "csv");
        var name = new Option<string>("--name") { Description = "The price sheet's name (prefix of every plan's pseudo-model name).", DefaultValueFactory = _ => "menudsl" };
        var outFile = new Option<string?>("--out", "-o") { Description = "The price sheet file; without it the sheet goes to standard output (and the summary to standard error)." };
        var plans = new Command("plans", "Design K plans and export them as a price sheet.") { plansModel, count, tariffs, export, name, outFile };
        plans.SetAction(p => Named(p.GetValue(plansModel)!, path => Plans.Run(ModelFile.Load(path), p.GetValue(count), p.GetValue(tariffs), p.GetValue(export),
            p.GetValue(name)!, p.GetValue(outFile), output, error)));
        root.Subcommands.Add(plans);

        var usage = new Argument<string>("usage") { Description = "The usage CSV: a header naming one column per token class (and optionally fine_tuning), one customer per row." };
        var markup = new Option<double>("--markup", "-m") { Description = "Today's linear prices over cost (finite, >= 1).", Required = true };
        var technology = new Option<string?>("--model") { Description = "A model file for the technology and costs (its values/scales are ignored); default: Cobb-Douglas (0.3, 0.2, 0.1), costs (1, 2, 5)." };
        var calibrateCount = new Option<int>("--count", "-n") { Description = "How many committed-spend plans to compare.", DefaultValueFactory = _ => 3 };
        var fitted = new Option<string?>("--out", "-o") { Description = "Write a model file: the technology with the fitted values (for 'menudsl solve' and 'menudsl plans')." };
        var calibrate = new Command("calibrate", "Recover types from usage under linear prices, fit their law, and compare linear pricing, the optimal menu and K plans.")
            { usage, markup, technology, calibrateCount, fitted };
        calibrate.SetAction(p => Named(p.GetValue(usage)!, path => Calibrate.Run(path, p.GetValue(markup), p.GetValue(technology), p.GetValue(calibrateCount), p.GetValue(fitted), output)));
        root.Subcommands.Add(calibrate);
        return root;
    }

    // The runtime's refusal of a valid-looking model (e.g. an infinite expected profit for a heavy tail) names the file it came from.
    private static int Named(string path, Func<string, int> command)
    {
        try
        {
            return command(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InputException($"{path}: {ModelFile.RuntimeMessage(e)}");
        }
    }

    // ---- shared output helpers ----

    /// <summary>A number as the tool prints it: 6 significant digits, invariant culture, ∞ for +∞.</summary>
    public static string Format(double x) =>
        double.IsPositiveInfinity(x) ? "∞" : double.IsNaN(x) ? "NaN" : x.ToString("G6", CultureInfo.InvariantCulture);

    internal static IAnsiConsole Console(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        // Tables take their natural width: a cell wrapped into a narrow column is unreadable, a long line the terminal
        // wraps is not (redirected output is plain text and never wraps).
        console.Profile.Width = Math.Max(console.Profile.Width, 400);
        return console;
    }

    internal static Table Table(TextWriter writer, params string[] headers)
    {
        bool terminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var table = new Table().Border(terminal ? TableBorder.Rounded : TableBorder.Ascii);
        foreach (string h in headers) table.AddColumn(new TableColumn(new Text(h)).RightAligned());
        return table;
    }

    internal static void Row(Table table, params string[] cells) => table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());

    internal static string Percent(double x) => x.ToString("0.0%", CultureInfo.InvariantCulture);

    internal static void CheckRange(int value, int lo, int hi, string option)
    {
        if (value < lo || value > hi) throw new InputException($"{option}: must lie in {lo}…{hi} but is {value}");
    }
}
