using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MenuDsl.Kernel;

namespace MenuDsl;

/// <summary>
/// One customer's usage over a billing period: total tokens per token class and fine-tuning tokens. The classes are
/// those of <see cref="ModelDescription.TokenCosts"/>, in that order ("input", "output" for two-class technologies).
/// Data as observed: <see cref="Calibration.Thetas"/> checks every amount.
/// </summary>
public readonly struct Usage : IEquatable<Usage>
{
    private readonly double[]? tokens;

    /// <summary>Usage of a two-class technology.</summary>
    /// <param name="input">Input tokens, in total.</param>
    /// <param name="output">Output tokens, in total.</param>
    /// <param name="fineTuning">Fine-tuning tokens.</param>
    public Usage(double input, double output, double fineTuning)
    {
        tokens = [input, output];
        FineTuning = fineTuning;
    }

    /// <summary>Usage of any technology: total tokens per class, in <see cref="ModelDescription.TokenCosts"/> order.</summary>
    /// <param name="tokens">Tokens per class (copied).</param>
    /// <param name="fineTuning">Fine-tuning tokens.</param>
    public Usage(IReadOnlyList<double> tokens, double fineTuning)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        this.tokens = [.. tokens];
        FineTuning = fineTuning;
    }

    /// <summary>Tokens per class, in <see cref="ModelDescription.TokenCosts"/> order (empty for <c>default</c>).</summary>
    public IReadOnlyList<double> Tokens => tokens ?? [];

    /// <summary>Tokens of the first class (input), 0 when there is none.</summary>
    public double Input => tokens is { Length: > 0 } t ? t[0] : 0;

    /// <summary>Tokens of the second class (output), 0 when there is none.</summary>
    public double Output => tokens is { Length: > 1 } t ? t[1] : 0;

    /// <summary>Fine-tuning tokens.</summary>
    public double FineTuning { get; }

    /// <summary>The first two classes and fine-tuning, as the two-class constructor takes them.</summary>
    public void Deconstruct(out double input, out double output, out double fineTuning)
    {
        input = Input;
        output = Output;
        fineTuning = FineTuning;
    }

    /// <summary>Equal when the tokens per class are equal in order and the fine-tuning tokens are equal.</summary>
    public bool Equals(Usage other) => Tokens.SequenceEqual(other.Tokens) && FineTuning.Equals(other.FineTuning);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Usage other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (double t in Tokens) hash.Add(t);
        hash.Add(FineTuning);
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Usage left, Usage right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Usage left, Usage right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Tokens.Count == 2
        ? $"Usage {{ Input = {Input}, Output = {Output}, FineTuning = {FineTuning} }}"
        : $"Usage {{ Tokens = [{string.Join(", ", Tokens)}], FineTuning = {FineTuning} }}";
}

/// <summary>
/// Types recovered from usage observed under linear prices, and their distribution (issue 11, model.md §4; see
/// docs/calibration.md).
/// </summary>
public static class Calibration
{
    /// <summary>The column of fine-tuning tokens in a usage CSV (optional; 0 when absent).</summary>
    public const string FineTuningColumn = "fine_tuning";

    /// <summary>
    /// The index θ of each customer of <paramref name="usage"/>, observed buying freely at prices
    /// <paramref name="markup"/> × cost: a customer of index θ then buys the first best of value θ/markup, whose cost at
    /// marginal prices rises with the value, so the customer's spend at cost, Σ c_j·tokens_j + c_z·FineTuning over the
    /// classes of <see cref="ModelDescription.TokenCosts"/>, identifies θ (bisection on the kernel's first best, to the
    /// last bit). For value-scale buyers θ = w s^δ; without scales θ = w. A customer who bought nothing gets θ = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The markup is not finite and ≥ 1, or a usage has a negative or non-finite amount.</exception>
    /// <exception cref="ArgumentException">A usage's number of token classes differs from the model's (named by row).</exception>
    public static double[] Thetas(IIndexModel technology, IEnumerable<Usage> usage, double markup)
    {
        ArgumentNullException.ThrowIfNull(technology);
        ArgumentNullException.ThrowIfNull(usage);
        if (!(markup >= 1) || !double.IsFinite(markup))
            throw new ArgumentOutOfRangeException(nameof(markup), markup, $"'markup' must be finite and >= 1 but is {markup}.");
        var core = MenuMetrics.Index(technology.Description);
        var costs = technology.Description.TokenCosts;
        double fineTuningCost = technology.Description.FineTuningCost;
        return usage.Select((u, i) => Theta(core, Spend(costs, fineTuningCost, u, i), markup)).ToArray();
    }

    // Spend at cost of a checked usage row.
    private static double Spend(IReadOnlyList<TokenCost> costs, double fineTuningCost, Usage u, int index)
    {
        var tokens = u.Tokens;
        if (tokens.Count != costs.Count)
            throw new ArgumentException(
                $"Usage {index} has {tokens.Count} token class(es) but the model has {costs.Count} ({string.Join(", ", costs.Select(c => c.Name))}).", "usage");
        double spend = 0;
        for (int j = 0; j < costs.Count; j++) spend += costs[j].Cost * Checked(tokens[j], costs[j].Name, index);
        return spend + fineTuningCost * Checked(u.FineTuning, "FineTuning", index);
    }

    private static double Checked(double amount, string name, int index) =>
        amount >= 0 && double.IsFinite(amount) ? amount
        : throw new ArgumentOutOfRangeException("usage", amount, $"Usage {index}: {name} must be finite and >= 0 but is {amount}.");

    private static double Theta(CobbDouglasCore technology, double spend, double markup)
    {
        if (spend == 0) return 0;
        double Spend(double value) => technology.FirstBest(value, 1).Cost;
        double hi = 1;
        while (Spend(hi) < spend)
        {
            hi *= 2;
            if (hi > 1e300) throw new ArgumentOutOfRangeException("usage", spend, $"A spend of {spend} at cost is beyond any type's first best.");
        }
        return markup * Numeric.FirstTrue(v => Spend(v) >= spend, 0, hi);
    }

    /// <summary>Reads usage from a CSV file (see <see cref="ReadUsage(TextReader, ModelDescription)"/>).</summary>
    /// <exception cref="FormatException">The file is not a valid usage table; the message names the file, line and column.</exception>
    public static Usage[] ReadUsage(string path, ModelDescription description)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(description);
        using var reader = File.OpenText(path);
        try
        {
            return ReadUsage(reader, description);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Reads one <see cref="Usage"/> per data row of a CSV table. The first line is a header naming the columns: one
    /// column per token class of <paramref name="description"/> (<see cref="ModelDescription.TokenCosts"/>, matched
    /// case-insensitively, any order), an optional <c>fine_tuning</c> column (0 when absent); other columns (a customer
    /// id, a date) are ignored. Values are numbers in the invariant culture (<c>1234.5</c>, <c>1e6</c>), finite and
    /// ≥ 0. Fields may be double-quoted; blank lines are skipped.
    /// </summary>
    /// <exception cref="FormatException">
    /// No header, a class column missing or repeated, a row with too few fields, or a value that is not a finite
    /// number ≥ 0; the message names the line, the column and the offending text.
    /// </exception>
    public static Usage[] ReadUsage(TextReader csv, ModelDescription description)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(description);
        var classes = description.TokenCosts.Select(c => c.Name).ToArray();
        string? header = csv.ReadLine();
        while (header is not null && header.Trim().Length == 0) header = csv.ReadLine();
        if (header is null) throw new FormatException("The usage table is empty: line 1 must be a header naming the columns " + string.Join(", ", classes) + ".");
        var names = Fields(header, 1);
        int headerLine = 1;
        var classColumn = new int[classes.Length];
        for (int j = 0; j < classes.Length; j++)
        {
            var matches = Enumerable.Range(0, names.Count).Where(c => string.Equals(names[c], classes[j], StringComparison.OrdinalIgnoreCase)).ToArray();
            if (matches.Length == 0)
                throw new FormatException($"Line {headerLine}: the header has no column '{classes[j]}' (token classes: {string.Join(", ", classes)}; found: {string.Join(", ", names)}).");
            if (matches.Length > 1)
                throw new FormatException($"Line {headerLine}: the column '{classes[j]}' appears {matches.Length} times in the header.");
            classColumn[j] = matches[0];
        }
        var fineTuningMatches = Enumerable.Range(0, names.Count).Where(c => string.Equals(names[c], FineTuningColumn, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (fineTuningMatches.Length > 1)
            throw new FormatException($"Line {headerLine}: the column '{FineTuningColumn}' appears {fineTuningMatches.Length} times in the header.");
        int fineTuningColumn = fineTuningMatches.Length == 1 ? fineTuningMatches[0] : -1;

        var rows = new List<Usage>();
        int line = headerLine;
        for (string? text = csv.ReadLine(); text is not null; text = csv.ReadLine())
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var fields = Fields(text, line);
            var tokens = new double[classes.Length];
            for (int j = 0; j < classes.Length; j++) tokens[j] = Number(fields, classColumn[j], names[classColumn[j]], line);
            double fineTuning = fineTuningColumn < 0 ? 0 : Number(fields, fineTuningColumn, names[fineTuningColumn], line);
            rows.Add(new Usage(tokens, fineTuning));
        }
        return [.. rows];
    }

    private static double Number(IReadOnlyList<string> fields, int column, string name, int line)
    {
        if (column >= fields.Count)
            throw new FormatException($"Line {line}, column '{name}': the row has {fields.Count} field(s), so the value is missing.");
        string text = fields[column];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw new FormatException($"Line {line}, column '{name}': '{text}' is not a number.");
        if (double.IsNaN(value) || double.IsInfinity(value))
            throw new FormatException($"Line {line}, column '{name}': '{text}' is not a finite number.");
        if (value < 0)
            throw new FormatException($"Line {line}, column '{name}': '{text}' is negative; token counts are >= 0.");
        return value;
    }

    // One CSV record: comma-separated, fields trimmed, double quotes around a field (with "" for a quote) removed.
    private static List<string> Fields(string text, int line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false, wasQuoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else current.Append(c);
            }
            else if (c == '"' && current.ToString().Trim().Length == 0) { quoted = wasQuoted = true; current.Clear(); }
            else if (c == ',') { fields.Add(wasQuoted ? current.ToString() : current.ToString().Trim()); current.Clear(); wasQuoted = false; }
            else if (!(wasQuoted && char.IsWhiteSpace(c))) current.Append(c);
        }
        if (quoted) throw new FormatException($"Line {line}: a quoted field is not closed.");
        fields.Add(wasQuoted ? current.ToString() : current.ToString().Trim());
        return fields;
    }

    /// <summary>
    /// Fits the distribution of the recovered θ (or of any non-negative values). Zeros are customers who bought nothing:
    /// linear pricing only says their value lies below what the cheapest token costs them, not where, so they are left
    /// out of the fit and reported as <see cref="DistributionFit.ZeroCount"/>; the law describes the customers who buy.
    /// <para>
    /// Rule: every family of <see cref="MenuDsl.Distribution"/> is fitted by maximum likelihood (closed forms for Uniform,
    /// Exponential, Pareto, LogNormal and Power(c, 0, hi); Nelder-Mead for Beta(a, b, 0, hi) and TruncatedNormal(mean,
    /// sd, 0, ∞)); the one with the smallest AIC = 2k − 2 ln L is chosen unless its Kolmogorov-Smirnov distance to the
    /// sample's ECDF exceeds the 5% critical value 1.36/√n, in which case the smoothed empirical law
    /// (<see cref="TypeDistribution.Empirical"/>) is returned. With estimated parameters 1.36/√n is conservative (the
    /// Lilliefors values are smaller), so a family is rejected only when it clearly misfits.
    /// </para>
    /// </summary>
    /// <param name="thetas">The values to fit, finite and ≥ 0, at least two distinct positive ones.</param>
    /// <param name="family">Forces this family (its maximum-likelihood fit) instead of the rule.</param>
    /// <param name="empirical">Forces the empirical law instead of the rule.</param>
    /// <exception cref="ArgumentOutOfRangeException">An entry is NaN, infinite or negative (named by index and value).</exception>
    /// <exception cref="ArgumentException">
    /// Fewer than two distinct positive values; both a family and the empirical law forced; or the forced family cannot
    /// be fitted to the sample.
    /// </exception>
    public static DistributionFit FitValues(IEnumerable<double> thetas, Distribution? family = null, bool empirical = false)
    {
        ArgumentNullException.ThrowIfNull(thetas);
        double[] all = [.. thetas];
        for (int i = 0; i < all.Length; i++)
            if (!(all[i] >= 0) || double.IsPositiveInfinity(all[i]))
                throw new ArgumentOutOfRangeException(nameof(thetas), all[i], $"Entry {i} of 'thetas' must be finite and >= 0 but is {all[i]}.");
        if (family is { } forced && !Enum.IsDefined(forced)) throw new ArgumentOutOfRangeException(nameof(family), forced, "Unknown distribution family.");
        if (family is not null && empirical)
            throw new ArgumentException("Force either a family or the empirical law, not both.", nameof(empirical));
        double[] x = [.. all.Where(t => t > 0)];
        Array.Sort(x);
        int zeros = all.Length - x.Length;
        if (x.Length < 2 || x[0] == x[^1])
            throw new ArgumentException(
                $"Fitting needs at least two distinct positive values; 'thetas' has {x.Length} positive value(s) and {zeros} zero(s).", nameof(thetas));

        var candidates = new List<FitCandidate>();
        foreach (Distribution kind in Enum.GetValues<Distribution>())
            if (Fit(kind, x) is { } d)
            {
                double logLikelihood = LogLikelihood(d, x);
                if (double.IsFinite(logLikelihood))
                    candidates.Add(new FitCandidate(kind, d, logLikelihood, 2 * ParameterCount(kind) - 2 * logLikelihood, KolmogorovSmirnov(d, x)));
            }
        double critical = 1.36 / Math.Sqrt(x.Length);

        if (family is { } chosenFamily)
        {
            var chosen = candidates.FirstOrDefault(c => c.Family == chosenFamily)
                ?? throw new ArgumentException($"{chosenFamily} cannot be fitted to this sample by maximum likelihood.", nameof(family));
            return Result(chosen.Distribution, chosenFamily, chosen.LogLikelihood, chosen.KolmogorovSmirnov);
        }
        var best = candidates.OrderBy(c => c.Aic).FirstOrDefault();
        if (!empirical && best is not null && best.KolmogorovSmirnov <= critical)
            return Result(best.Distribution, best.Family, best.LogLikelihood, best.KolmogorovSmirnov);
        var law = TypeDistribution.Empirical(x);
        return Result(law, null, LogLikelihood(law, x), KolmogorovSmirnov(law, x));

        DistributionFit Result(TypeDistribution d, Distribution? kind, double logLikelihood, double ks) =>
            new(d, kind, logLikelihood, ks, critical, x.Length, zeros, candidates);
    }

    private static int ParameterCount(Distribution kind) => kind switch
    {
        Distribution.Exponential => 1,
        Distribution.Beta => 3,  // a, b, hi (lo = 0)
        _ => 2,                  // TruncatedNormal: mean, sd (on [0, ∞)); Power: c, hi (lo = 0)
    };

    /// <summary>The maximum-likelihood member of the family for the sorted positive sample, or null when there is none.</summary>
    private static TypeDistribution? Fit(Distribution kind, double[] x)
    {
        int n = x.Length;
        double min = x[0], max = x[^1];
        try
        {
            switch (kind)
            {
                case Distribution.Uniform:
                    return TypeDistribution.Uniform(min, max);
                case Distribution.Exponential:
                    return TypeDistribution.Exponential(1 / x.Average());
                case Distribution.Pareto:
                {
                    double hill = x.Sum(t => Math.Log(t / min));
                    return hill > 0 ? TypeDistribution.Pareto(min, n / hill) : null;
                }
                case Distribution.LogNormal:
                {
                    double mu = x.Average(Math.Log);
                    double sigma = Math.Sqrt(x.Average(t => (Math.Log(t) - mu) * (Math.Log(t) - mu)));
                    return sigma > 0 ? TypeDistribution.LogNormal(mu, sigma) : null;
                }
                case Distribution.Power:
                {
                    double sum = x.Sum(t => Math.Log(max / t));
                    return sum > 0 ? TypeDistribution.Power(n / sum, 0, max) : null;
                }
                case Distribution.Beta:
                    return FitBeta(x);
                case Distribution.TruncatedNormal:
                    return FitTruncatedNormal(x);
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is ArgumentException or ArithmeticException or MathNet.Numerics.Optimization.OptimizationException)
        {
            return null;
        }
    }

    // Beta(a, b) on [0, hi], hi ≥ max: ln L = (a−1)Σ ln(x/hi) + (b−1)Σ ln(1 − x/hi) − n ln hi − n ln B(a, b), maximised
    // by Nelder-Mead over (ln a, ln b, ln(hi/max − 1)) from the method-of-moments start on [0, max(1 + 1/n)].
    private static TypeDistribution? FitBeta(double[] x)
    {
        int n = x.Length;
        double max = x[^1];
        double LogL(double a, double b, double hi)
        {
            double s1 = 0, s2 = 0;
            foreach (double t in x) { s1 += Math.Log(t / hi); s2 += Math.Log(1 - t / hi); }
            return (a - 1) * s1 + (b - 1) * s2 - n * Math.Log(hi) - n * SpecialFunctions.LogBeta(a, b);
        }
        double hi0 = max * (1 + 1.0 / n);
        double m = x.Average(t => t / hi0), v = x.Average(t => (t / hi0 - m) * (t / hi0 - m));
        double common = m * (1 - m) / v - 1;
        if (!(common > 0)) return null;
        var start = new[] { Math.Log(m * common), Math.Log((1 - m) * common), Math.Log(1.0 / n) };
        var best = MathNet.Numerics.FindMinimum.OfFunction(p =>
        {
            double value = -LogL(Math.Exp(p[0]), Math.Exp(p[1]), max * (1 + Math.Exp(p[2])));
            return double.IsFinite(value) ? value : double.MaxValue;
        }, MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(start), 1e-10, 2000);
        return TypeDistribution.Beta(Math.Exp(best[0]), Math.Exp(best[1]), 0, max * (1 + Math.Exp(best[2])));
    }

    // Normal(mean, sd) conditioned on [0, ∞): ln L = −Σ(x − mean)²/(2 sd²) − n ln(sd √(2π)) − n ln P(X ≥ 0), maximised by
    // Nelder-Mead over (mean, ln sd) from the sample's mean and standard deviation.
    private static TypeDistribution? FitTruncatedNormal(double[] x)
    {
        int n = x.Length;
        double sx = x.Sum(), sxx = x.Sum(t => t * t);
        double mean0 = sx / n, sd0 = Math.Sqrt(Math.Max(sxx / n - mean0 * mean0, 0));
        if (!(sd0 > 0)) return null;
        double NegativeLogL(double mean, double logSd)
        {
            double sd = Math.Exp(logSd);
            double squares = sxx - 2 * mean * sx + n * mean * mean;
            double mass = SpecialFunctions.NormalUpperTail(-mean / sd);
            double value = squares / (2 * sd * sd) + n * (logSd + 0.5 * Math.Log(2 * Math.PI)) + n * Math.Log(mass);
            return double.IsFinite(value) ? value : double.MaxValue;
        }
        var (mean, logSd) = MathNet.Numerics.FindMinimum.OfFunction(NegativeLogL, mean0, Math.Log(sd0), 1e-10, 2000);
        return TypeDistribution.TruncatedNormal(mean, Math.Exp(logSd), 0, double.PositiveInfinity);
    }

    private static double LogLikelihood(TypeDistribution d, double[] x)
    {
        double sum = 0;
        foreach (double t in x) sum += Math.Log(d.Core.Pdf(t));
        return sum;
    }

    /// <summary>sup |F − F̂ₙ| over the sorted sample: at each point the ECDF's left limit and value.</summary>
    private static double KolmogorovSmirnov(TypeDistribution d, double[] sorted)
    {
        int n = sorted.Length;
        double sup = 0;
        for (int i = 0; i < n; i++)
        {
            double f = d.Core.Cdf(sorted[i]);
            sup = Math.Max(sup, Math.Max(f - (double)i / n, (double)(i + 1) / n - f));
        }
        return sup;
    }
}

/// <summary>What <see cref="Calibration.FitValues"/> chose and why.</summary>
/// <param name="Distribution">The fitted law of the positive values.</param>
/// <param name="Family">Its family, or null for the empirical law.</param>
/// <param name="LogLikelihood">ln L of the positive values under <paramref name="Distribution"/>.</param>
/// <param name="KolmogorovSmirnov">sup |F − F̂ₙ|, the distance of the fitted law to the positive values' ECDF.</param>
/// <param name="CriticalDistance">1.36/√n, the 5% critical value above which a family is rejected for the empirical law.</param>
/// <param name="SampleSize">n, the number of positive values fitted.</param>
/// <param name="ZeroCount">Values equal to 0 (customers who bought nothing), left out of the fit.</param>
/// <param name="Candidates">Every family that could be fitted, with its statistics.</param>
public sealed record DistributionFit(
    TypeDistribution Distribution,
    Distribution? Family,
    double LogLikelihood,
    double KolmogorovSmirnov,
    double CriticalDistance,
    int SampleSize,
    int ZeroCount,
    IReadOnlyList<FitCandidate> Candidates);

/// <summary>One family's maximum-likelihood fit, as <see cref="Calibration.FitValues"/> compared them.</summary>
/// <param name="Family">The family.</param>
/// <param name="Distribution">Its maximum-likelihood member.</param>
/// <param name="LogLikelihood">ln L of the positive values.</param>
/// <param name="Aic">2k − 2 ln L, k the number of fitted parameters.</param>
/// <param name="KolmogorovSmirnov">sup |F − F̂ₙ| to the positive values' ECDF.</param>
public sealed record FitCandidate(Distribution Family, TypeDistribution Distribution, double LogLikelihood, double Aic, double KolmogorovSmirnov);
