// MenuDsl quick start: the optimal token menu of a generated model, its incentive audit and three published plans.
//
//   dotnet run --project examples/QuickStart                       prints the menu, the audit and three plans
//   dotnet run --project examples/QuickStart -- --out out          also writes menu.csv, menu.json, tariffs.png,
//                                                                  tariffs.svg and plans.png into out/
//   dotnet run --project examples/QuickStart -- --out out --grid 200   a finer menu grid in the files
using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using MenuDsl;
using MenuDsl.Reports;
using QuickStart;
using Spectre.Console;

var outOption = new Option<DirectoryInfo?>("--out")
{
    Description = "Write menu.csv, menu.json, tariffs.png, tariffs.svg and plans.png into this directory",
};
var gridOption = new Option<int>("--grid")
{
    Description = "Values in the menu grid written with --out (the scales: a fifth as many, at least 2)",
    DefaultValueFactory = _ => 40,
};
gridOption.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 2) result.AddError("--grid must be at least 2.");
});
var root = new RootCommand("MenuDsl quick start: the optimal LLM token menu of a Cobb-Douglas model, its audit and three plans")
{
    outOption, gridOption,
};
root.SetAction(parse => Run(parse.GetValue(outOption), parse.GetValue(gridOption)));
return root.Parse(args).Invoke();

static int Run(DirectoryInfo? output, int grid)
{
    var culture = CultureInfo.InvariantCulture;
    string N(double x, string format = "0.00000") =>
        double.IsPositiveInfinity(x) ? "∞" : x.ToString(format, culture);

    // A console on this run's standard output (so a host that redirects it, such as a test, sees the text); tables are
    // wider than the 80 columns a redirected console is assumed to have.
    var ui = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
    if (Console.IsOutputRedirected) ui.Profile.Width = Math.Max(ui.Profile.Width, 140);

    // The model is generated at build time from the attributes on ChatApi.
    IIndexModel model = ChatApi.Instance;
    ui.Write(new Rule("[bold]MenuDsl quick start: the optimal LLM token menu[/]").LeftJustified());
    ui.WriteLine("v = x^0.3 y^0.2 (1 + z)^0.1; token costs (input, output, fine-tuning) = (0.03, 0.06, 0.15); w ~ U[0, 1], s ~ U[0.2, 1]");
    ui.WriteLine($"reserve value {N(model.ReserveValue, "0.####")}; buyers fine-tune when θ = w·s^0.5 exceeds θ̂ = {N(model.FineTuningThreshold, "0.####")}");
    ui.WriteLine();

    // The contractible menu, implemented as two-part tariffs (markup × cost per token, a fee, a task cap s).
    var menu = new Table().Title("Optimal menu, as two-part tariffs").Border(TableBorder.Rounded);
    foreach (string column in new[] { "w", "s", "quality", "input", "output", "fine-tuning", "payment", "markup", "p input", "p output", "p tuning", "fee" })
        menu.AddColumn(new TableColumn(column).RightAligned());
    foreach (var (w, s) in new[] { (0.40, 1.0), (0.55, 0.5), (0.60, 1.0), (0.70, 0.3), (0.75, 0.5), (0.80, 1.0), (0.90, 0.4), (0.90, 1.0), (0.95, 0.7), (1.00, 1.0) })
    {
        var contract = model.Contract(w, s);
        var tariff = model.Tariff(w, s);
        menu.AddRow(N(w, "0.00"), N(s, "0.00"), N(contract.Quality), N(contract.Input * s), N(contract.Output * s), N(contract.FineTuning, "0.000"),
            N(contract.Transfer), N(tariff.Markup, "0.000"), N(tariff.InputPrice, "0.000"), N(tariff.OutputPrice, "0.000"), N(tariff.FineTuningPrice, "0.000"), N(tariff.Fee));
    }
    menu.Caption(Markup.Escape("tokens are totals over the buyer's s tasks; w = 0.40 is excluded (φ(w) ≤ 0) and faces infinite prices"));
    ui.Write(menu);

    double contractible = model.ExpectedProfit(), packages = model.ExpectedPackageProfit();
    ui.WriteLine($"Expected profit per buyer: contractible menu {N(contractible, "0.000000")}, token packages {N(packages, "0.000000")} ({(packages / contractible).ToString("0.0%", culture)})");
    ui.WriteLine();

    // The audit certificate: every type on a grid against every other type's contract, tariff, package and package tariff.
    var audit = MenuAudit.Audit(model);
    bool passed = audit.MaxRegret <= 1e-9 && audit.ParticipationViolation <= 1e-9;
    ui.Write(new Panel(new Markup(string.Join("\n",
            $"types checked: {audit.TypesChecked}",
            $"largest gain from another type's item: {audit.MaxRegret.ToString("G3", culture)} of the largest payment "
                + $"(contracts {audit.DirectRegret.ToString("G3", culture)}, tariffs {audit.TariffRegret.ToString("G3", culture)}, packages {audit.PackageRegret.ToString("G3", culture)})",
            $"largest loss from taking one's own item: {audit.ParticipationViolation.ToString("G3", culture)}",
            passed ? "[green]incentive compatible and individually rational on the grid[/]" : $"[red]violated: {Markup.Escape(audit.Worst?.ToString() ?? "")}[/]")))
        .Header("Incentive audit").Border(BoxBorder.Rounded));
    ui.WriteLine();

    // A production function written by hand, generated into a numeric solver on its symbolic derivatives.
    IPricingModel custom = CustomApi.Instance;
    var customAudit = MenuAudit.Audit(custom);
    ui.MarkupLine($"Custom technology v = {Markup.Escape(((CustomTechnology)custom.Description.Technology).Formula)}:");
    foreach (var (w, s) in new[] { (0.60, 1.0), (0.80, 1.0), (1.00, 1.0) })
    {
        var contract = custom.Contract(w, s);
        var tariff = custom.Tariff(w, s);
        ui.WriteLine($"  w = {N(w, "0.00")}: quality {N(contract.Quality)}, payment {N(contract.Transfer)}, markup {N(tariff.Markup, "0.000")}, fee {N(tariff.Fee)}");
    }
    ui.WriteLine($"  expected profit {N(custom.ExpectedProfit(), "0.000000")}; audit: largest gain {customAudit.MaxRegret.ToString("G3", culture)} over {customAudit.TypesChecked} types");
    ui.WriteLine();

    // Two buyer types (model.md §7), solved at build time.
    var binary = TwoTypes.Instance.BinaryMenu;
    ui.WriteLine($"Two buyer types: {binary.Regime}, expected profit {N(binary.ExpectedProfit, "0.000000")}");
    foreach (var (name, item) in new[] { ("H", binary.High), ("L", binary.Low) })
        ui.WriteLine($"  {name} (task values {string.Join(", ", item.Profile.TaskValues)}): quality per task [{string.Join(", ", item.Quality.Select(q => N(q, "0.0000")))}], pays {N(item.Transfer, "0.000000")}, keeps {N(item.BuyerUtility, "0.000000")}");
    ui.WriteLine();

    // Three published plans: committed spend (pay a fee for a token budget spent at marginal cost).
    var plans = PlanDesigner.CommittedSpend(model, 3);
    var planTable = new Table().Title(Markup.Escape($"Three committed-spend plans keep {plans.Retained.ToString("0.0%", culture)} of the continuous package menu's profit")).Border(TableBorder.Rounded);
    foreach (string column in new[] { "plan", "fee", "token budget (at cost)", "chosen from θ =", "share of buyers" })
        planTable.AddColumn(new TableColumn(column).RightAligned());
    foreach (var (plan, k) in plans.Plans.Select((p, k) => (p, k + 1)))
        planTable.AddRow(k.ToString(culture), N(plan.Fee, "0.000000"), N(plan.Budget, "0.000000"), N(plan.LowestType, "0.0000"), plan.Share.ToString("0.0%", culture));
    ui.Write(planTable);

    if (output is not null) Write(ui, output, model, plans, grid);
    return 0;
}

// The files a pricing memo needs, through MenuDsl.Reports: the menu grid as CSV and JSON, the tariffs plot, the plans plot.
static void Write(IAnsiConsole ui, DirectoryInfo output, IIndexModel model, PlanMenu plans, int grid)
{
    output.Create();
    var options = new GridOptions { Count = grid, ScaleCount = Math.Max(2, grid / 5) };
    string Path(string name) => System.IO.Path.Combine(output.FullName, name);
    var table = MenuReport.Grid(model, options);
    var tariffs = MenuPlots.Tariffs(model);
    (string Step, Action Write)[] steps =
    [
        ("menu.csv", () => table.Save(Path("menu.csv"))),
        ("menu.json", () => table.Save(Path("menu.json"))),
        ("tariffs.png", () => MenuPlots.Save(tariffs, Path("tariffs.png"))),
        ("tariffs.svg", () => MenuPlots.Save(tariffs, Path("tariffs.svg"))),
        ("plans.png", () => MenuPlots.Save(MenuPlots.Plans(model, [plans]), Path("plans.png"))),
    ];
    // A progress bar on a terminal; nothing at all when the output is redirected.
    if (Console.IsOutputRedirected)
        foreach (var step in steps) step.Write();
    else
        ui.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask("Writing the menu files", maxValue: steps.Length);
            foreach (var step in steps)
            {
                task.Description = $"Writing {step.Step}";
                step.Write();
                task.Increment(1);
            }
        });
    ui.MarkupLine($"Wrote menu.csv, menu.json, tariffs.png, tariffs.svg and plans.png to {Markup.Escape(output.FullName)}");
}
