using System;
using System.Linq;

namespace MenuDsl.Kernel;

/// <summary>
/// Cobb-Douglas in a composite input: v = G(x, y)^κ (b + z)^γ where G is homogeneous of degree 1 with unit cost
/// c_G, so that everything depends on the type only through θ = w s^δ (model.md §2–§5, §8). The Cobb-Douglas
/// technology x^α y^β (b + z)^γ is the case κ = α + β, A0 = (α/c_x)^α (β/c_y)^β; CES is the case κ = degree,
/// A0 = (degree/c_G)^degree. Pure functions of the parameters: the runtime evaluates them, and the generator
/// evaluates the constants at build time to fold them into literals.
/// </summary>
internal sealed class CobbDouglasCore : TechnologyCore
{
    /// <summary>The Cobb-Douglas technology v = x^α y^β (b + z)^γ.</summary>
    public CobbDouglasCore(double alpha, double beta, double gamma, double baseQuality, double inputCost, double outputCost, double fineTuningCost)
        : this(Checked(Validate(alpha, beta, gamma, baseQuality, inputCost, outputCost, fineTuningCost)), [alpha, beta], gamma, baseQuality,
            [inputCost, outputCost], fineTuningCost, Math.Pow(alpha / inputCost, alpha) * Math.Pow(beta / outputCost, beta))
    {
    }

    /// <summary>
    /// Cobb-Douglas over J ≥ 2 token classes, v = Π x_j^(α_j) (b + z)^γ: κ = Σ α_j, A0 = Π (α_j/c_j)^(α_j), demands
    /// x_j = α_j·gross/c_j. The input and output members of every result hold the classes <see cref="Slots"/> picks; with
    /// exactly the classes input and output this is <see cref="CobbDouglasCore(double, double, double, double, double, double, double)"/>, bit for bit.
    /// </summary>
    public static CobbDouglasCore TokenClasses(string[] names, double[] exponents, double[] costs, double gamma, double baseQuality, double fineTuningCost)
    {
        Checked(ValidateTokenClasses(names, exponents, costs, gamma, baseQuality, fineTuningCost));
        var (input, output) = Slots(names);
        int[] order = [input, output, .. Enumerable.Range(0, names.Length).Where(j => j != input && j != output)];
        double[] spend = [.. order.Select(j => exponents[j])], classCosts = [.. order.Select(j => costs[j])];
        double a0 = 1;
        for (int k = 0; k < spend.Length; k++) a0 *= Math.Pow(spend[k] / classCosts[k], spend[k]);
        return new CobbDouglasCore(true, spend, gamma, baseQuality, classCosts, fineTuningCost, a0);
    }

    /// <summary>
    /// Which declared classes the results' input and output members report: the classes named "input" and "output"
    /// (ignoring case) where declared, else the first classes not taken, in declaration order.
    /// </summary>
    public static (int Input, int Output) Slots(string[] names)
    {
        int Named(string name) => Array.FindIndex(names, n => string.Equals(n?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        int input = Named("input"), output = Named("output");
        if (input < 0) input = Enumerable.Range(0, names.Length).First(j => j != output);
        if (output < 0) output = Enumerable.Range(0, names.Length).First(j => j != input);
        return (input, output);
    }

    // classSpend: the shares of the gross value spent on each token class, input and output first (α and β for
    // Cobb-Douglas; degree times the CES cost shares); a0 = A0, the composite's productivity per unit cost.
    private CobbDouglasCore(bool _, double[] classSpend, double gamma, double baseQuality,
        double[] classCosts, double fineTuningCost, double a0)
        : base(classCosts[0], classCosts[1], fineTuningCost)
    {
        Alpha = classSpend[0]; Beta = classSpend[1]; Gamma = gamma; BaseQuality = baseQuality;
        ClassSpend = classSpend; ClassCosts = classCosts;

        double kappa = 0, beyondOutput = 0;
        for (int j = 0; j < classSpend.Length; j++) kappa += classSpend[j];
        for (int j = 2; j < classSpend.Length; j++) beyondOutput += classSpend[j];
        Kappa = kappa;
        BeyondOutputSpend = beyondOutput;
        Delta = 1 - Kappa;
        Rho = Kappa + gamma;
        Epsilon = 1 - Rho;
        A0 = a0;
        A = A0 * Math.Pow(gamma / fineTuningCost, gamma);
        // θ̂ = b^ε (c_z/γ)^δ / A0, which for Cobb-Douglas is b^ε (c_x/α)^α (c_y/β)^β (c_z/γ)^δ.
        FineTuningThreshold = Math.Pow(baseQuality, Epsilon) * Math.Pow(fineTuningCost / gamma, Delta) / A0;
        BaseQualityFactor = Math.Pow(A0 * Math.Pow(baseQuality, gamma), 1 / Delta);
        FineTunedQualityFactor = Math.Pow(A, 1 / Epsilon);
        if (CheckConstants() is { } overflow) throw new ArgumentException(overflow.Message + ".", overflow.Parameter);
    }

    /// <summary>
    /// The CES technology v = (share·x^r + (1 − share)·y^r)^(degree/r) (b + z)^γ: Cobb-Douglas in the composite
    /// G = (share·x^r + (1 − share)·y^r)^(1/r) of unit cost c_G = (share^e c_x^(1−e) + (1 − share)^e c_y^(1−e))^(1/(1−e)),
    /// e = 1/(1 − r); token demands by Shephard's lemma (cost shares share^e c_x^(1−e) / Σ).
    /// </summary>
    public static CobbDouglasCore Ces(double share, double substitution, double degree, double gamma, double baseQuality,
        double inputCost, double outputCost, double fineTuningCost)
    {
        Checked(ValidateCes(share, substitution, degree, gamma, baseQuality, inputCost, outputCost, fineTuningCost));
        double e = 1 / (1 - substitution);
        // In logarithms: the terms overflow for strong complements (r ≪ 0) long before the cost itself does.
        double logInput = e * Math.Log(share) + (1 - e) * Math.Log(inputCost);
        double logOutput = e * Math.Log(1 - share) + (1 - e) * Math.Log(outputCost);
        double top = Math.Max(logInput, logOutput);
        double logSum = top + Math.Log(Math.Exp(logInput - top) + Math.Exp(logOutput - top));
        double unitCost = Math.Exp(logSum / (1 - e));
        double inputShare = Math.Exp(logInput - logSum);
        double a0 = Math.Pow(degree / unitCost, degree);
        return new CobbDouglasCore(true, [degree * inputShare, degree * (1 - inputShare)], gamma, baseQuality,
            [inputCost, outputCost], fineTuningCost, a0);
    }

    private static bool Checked((string Parameter, string Message)? error) =>
        error is { } e ? throw new ArgumentException(e.Message + ".", e.Parameter) : true;

    /// <summary>
    /// The folded constants (θ̂, (A0 b^γ)^(1/δ), A^(1/ε)) must be finite and positive, or every item that uses them is
    /// 0·∞ or ∞ − ∞. They are not when costs or b are extreme or when α + β + γ is so close to 1 that 1/ε amplifies
    /// any A ≠ 1 past double precision. Names the parameter at fault: the exponent sum when 1/ε (or 1/δ) is what
    /// amplifies, else the cost or b whose term dominates the logarithm of the constant.
    /// </summary>
    private (string Parameter, string Message)? CheckConstants()
    {
        static bool Representable(double x) => x > 0 && x <= double.MaxValue;
        static string Largest(params (string Parameter, double LogTerm)[] terms)
        {
            var best = terms[0];
            foreach (var term in terms)
                if (Math.Abs(term.LogTerm) > Math.Abs(best.LogTerm)) best = term;
            return best.Parameter;
        }
        string Overflows(double x) => x > 0 ? "overflows to +∞" : "underflows to 0";
        (string, double) InputTerm(double sign) => ("input", sign * Alpha * Math.Log(Alpha / InputCost));
        (string, double) OutputTerm(double sign) => ("output", sign * Beta * Math.Log(Beta / OutputCost));

        if (!Representable(FineTuningThreshold))
            return (Largest(("baseQuality", Epsilon * Math.Log(BaseQuality)), InputTerm(-1), OutputTerm(-1), ("fineTuning", Delta * Math.Log(FineTuningCost / Gamma))),
                $"the fine-tuning threshold θ̂ = b^ε (c_x/α)^α (c_y/β)^β (c_z/γ)^δ {Overflows(FineTuningThreshold)} in double precision "
                + $"(b = {Families.Format(BaseQuality)}, costs ({Families.Format(InputCost)}, {Families.Format(OutputCost)}, {Families.Format(FineTuningCost)})); "
                + "rescale the costs or b (e.g. price per million tokens)");
        if (!Representable(BaseQualityFactor))
            return (1 / Delta > 100 ? "beta" : Largest(InputTerm(1), OutputTerm(1), ("baseQuality", Gamma * Math.Log(BaseQuality))),
                $"the quality factor (A0 b^γ)^(1/δ) = ({Families.Format(A0 * Math.Pow(BaseQuality, Gamma))})^{Families.Format(1 / Delta)} {Overflows(BaseQualityFactor)} in double precision "
                + $"(alpha + beta = {Families.Format(Kappa)}, b = {Families.Format(BaseQuality)}, costs ({Families.Format(InputCost)}, {Families.Format(OutputCost)}))");
        if (!Representable(FineTunedQualityFactor))
            return (1 / Epsilon > 100 ? "gamma" : Largest(InputTerm(1), OutputTerm(1), ("fineTuning", Gamma * Math.Log(Gamma / FineTuningCost))),
                $"the fine-tuned quality factor A^(1/ε) = ({Families.Format(A)})^{Families.Format(1 / Epsilon)} {Overflows(FineTunedQualityFactor)} in double precision "
                + $"(alpha + beta + gamma = {Families.Format(Rho)}, so 1/ε = {Families.Format(1 / Epsilon)}; costs ({Families.Format(InputCost)}, {Families.Format(OutputCost)}, {Families.Format(FineTuningCost)})); "
                + (1 / Epsilon > 100 ? "keep alpha + beta + gamma further from 1" : "rescale the costs"));
        return null;
    }

    /// <summary>Share of the gross value spent on input tokens: α (for CES, degree × the input cost share).</summary>
    public double Alpha { get; }
    /// <summary>Share of the gross value spent on output tokens: β (for CES, degree × the output cost share).</summary>
    public double Beta { get; }
    public double Gamma { get; }
    public double BaseQuality { get; }

    /// <summary>The share of the gross value spent on each token class (α_j), input and output first.</summary>
    public double[] ClassSpend { get; }
    /// <summary>The cost per token of each class, input and output first.</summary>
    public double[] ClassCosts { get; }
    /// <summary>Σ α_j over the classes after input and output (0 for two classes).</summary>
    public double BeyondOutputSpend { get; }

    /// <summary>κ = α + β.</summary>
    public double Kappa { get; }
    /// <summary>δ = 1 − α − β, the exponent of s in θ = w s^δ.</summary>
    public double Delta { get; }
    /// <summary>ρ = α + β + γ.</summary>
    public double Rho { get; }
    /// <summary>ε = 1 − α − β − γ.</summary>
    public double Epsilon { get; }
    /// <summary>A0 = (α/c_x)^α (β/c_y)^β.</summary>
    public double A0 { get; }
    /// <summary>A = A0 (γ/c_z)^γ.</summary>
    public double A { get; }
    /// <summary>θ̂ = b^ε (c_x/α)^α (c_y/β)^β (c_z/γ)^δ: fine-tune iff θ &gt; θ̂.</summary>
    public double FineTuningThreshold { get; }
    /// <summary>(A0 b^γ)^(1/δ): quality per unit of s φ^(κ/δ) without fine-tuning.</summary>
    public double BaseQualityFactor { get; }
    /// <summary>A^(1/ε): quality per unit of s^(δ/ε) φ^(ρ/ε) with fine-tuning.</summary>
    public double FineTunedQualityFactor { get; }

    /// <summary>The parameter at fault and why, or null when the technology is well posed.</summary>
    public static (string Parameter, string Message)? Validate(double alpha, double beta, double gamma, double baseQuality, double inputCost, double outputCost, double fineTuningCost)
    {
        if (!(alpha > 0) || !Numeric.IsFinite(alpha)) return ("alpha", $"alpha must be finite and > 0 but is {Families.Format(alpha)}");
        if (!(beta > 0) || !Numeric.IsFinite(beta)) return ("beta", $"beta must be finite and > 0 but is {Families.Format(beta)}");
        if (!(gamma > 0) || !Numeric.IsFinite(gamma)) return ("gamma", $"gamma must be finite and > 0 but is {Families.Format(gamma)}");
        if (!(alpha + beta + gamma < 1)) return ("gamma", $"alpha + beta + gamma must be < 1 (decreasing returns) but is {Families.Format(alpha + beta + gamma)}");
        return ValidateCommon(baseQuality, inputCost, outputCost, fineTuningCost);
    }

    /// <summary>The CES parameter at fault and why, or null when the technology is well posed.</summary>
    public static (string Parameter, string Message)? ValidateCes(double share, double substitution, double degree, double gamma, double baseQuality, double inputCost, double outputCost, double fineTuningCost)
    {
        if (!(share > 0 && share < 1)) return ("share", $"share must lie in (0, 1) but is {Families.Format(share)}");
        if (!(substitution < 1) || !Numeric.IsFinite(substitution) || substitution == 0)
            return ("substitution", $"substitution r must be finite, < 1 and ≠ 0 (r = 0 is Cobb-Douglas: declare [CobbDouglas]) but is {Families.Format(substitution)}");
        if (!(degree > 0) || !Numeric.IsFinite(degree)) return ("degree", $"degree must be finite and > 0 but is {Families.Format(degree)}");
        if (!(gamma > 0) || !Numeric.IsFinite(gamma)) return ("gamma", $"gamma must be finite and > 0 but is {Families.Format(gamma)}");
        if (!(degree + gamma < 1)) return ("gamma", $"degree + gamma must be < 1 (decreasing returns) but is {Families.Format(degree + gamma)}");
        return ValidateCommon(baseQuality, inputCost, outputCost, fineTuningCost);
    }

    /// <summary>One token class's fault, or null: a non-empty name, a finite exponent &gt; 0 and a finite cost &gt; 0.</summary>
    public static (string Parameter, string Message)? ValidateTokenClass(string? name, double exponent, double cost)
    {
        if (name is null || name.Trim().Length == 0) return ("name", "a token class needs a non-empty name");
        if (!(exponent > 0) || !Numeric.IsFinite(exponent)) return ("exponent", $"the exponent of token class '{name}' must be finite and > 0 but is {Families.Format(exponent)}");
        if (!(cost > 0) || !Numeric.IsFinite(cost)) return ("cost", $"the cost per token of class '{name}' must be finite and > 0 but is {Families.Format(cost)}");
        return null;
    }

    /// <summary>Whether class <paramref name="index"/> repeats the name of an earlier class (ignoring case and surrounding blanks).</summary>
    public static bool RepeatsAnEarlierName(string?[] names, int index)
    {
        for (int k = 0; k < index; k++)
            if (string.Equals(names[k]?.Trim(), names[index]?.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Why a repeated class name is refused.</summary>
    public static string RepeatedNameMessage(string? name) => $"token class names must be unique but '{name}' is declared twice";

    /// <summary>
    /// The fault of a token-class technology, or null: at least two classes, each valid, names
    /// unique (ignoring case: price sheets key on them), γ &gt; 0, Σ α_j + γ &lt; 1, b and c_z finite and &gt; 0.
    /// </summary>
    public static (string Parameter, string Message)? ValidateTokenClasses(string[] names, double[] exponents, double[] costs, double gamma, double baseQuality, double fineTuningCost)
    {
        if (names.Length < 2) return ("classes", $"declare at least two token classes (input and output come first) but there are {names.Length}");
        double sum = gamma;
        for (int j = 0; j < names.Length; j++)
        {
            if (ValidateTokenClass(names[j], exponents[j], costs[j]) is { } fault) return ("classes", fault.Message);
            if (RepeatsAnEarlierName(names, j)) return ("classes", RepeatedNameMessage(names[j]));
            sum += exponents[j];
        }
        if (!(gamma > 0) || !Numeric.IsFinite(gamma)) return ("gamma", $"gamma must be finite and > 0 but is {Families.Format(gamma)}");
        if (!(sum < 1)) return ("gamma", $"the token-class exponents plus gamma must sum to < 1 (decreasing returns) but sum to {Families.Format(sum)}");
        if (!(baseQuality > 0) || !Numeric.IsFinite(baseQuality)) return ("baseQuality", $"baseQuality must be finite and > 0 but is {Families.Format(baseQuality)}");
        if (!(fineTuningCost > 0) || !Numeric.IsFinite(fineTuningCost)) return ("fineTuning", $"the fine-tuning token cost must be finite and > 0 but is {Families.Format(fineTuningCost)}");
        return null;
    }

    private static (string Parameter, string Message)? ValidateCommon(double baseQuality, double inputCost, double outputCost, double fineTuningCost)
    {
        if (!(baseQuality > 0) || !Numeric.IsFinite(baseQuality)) return ("baseQuality", $"baseQuality must be finite and > 0 but is {Families.Format(baseQuality)}");
        return ValidateCosts(inputCost, outputCost, fineTuningCost);
    }

    /// <summary>θ = w s^δ, the representative type of a value-scale buyer.</summary>
    public double Theta(double value, double scale) => value * Numeric.Pow(scale, Delta);

    /// <summary>
    /// Total quality q of the first-best bundle of a value-scale type (value, scale):
    /// s·value^(κ/δ)·(A0 b^γ)^(1/δ) when θ ≤ θ̂, s^(δ/ε)·value^(ρ/ε)·A^(1/ε) when it fine-tunes.
    /// With value = φ(w) this is the screening quality q(w, s).
    /// </summary>
    public override double Quality(double value, double scale)
    {
        if (value <= 0 || scale <= 0) return 0;
        return Theta(value, scale) <= FineTuningThreshold
            ? scale * Numeric.Pow(value, Kappa / Delta) * BaseQualityFactor
            : Numeric.Pow(scale, Delta / Epsilon) * Numeric.Pow(value, Rho / Epsilon) * FineTunedQualityFactor;
    }

    /// <summary>
    /// The first-best bundle of a value-scale type: totals X = value α q / c_x, Y = value β q / c_y and
    /// b + z = max(b, value γ q / c_z) (spend shares of the gross value value·q).
    /// </summary>
    public override Bundle FirstBest(double value, double scale)
    {
        double q = Quality(value, scale);
        if (q == 0) return default;
        double gross = value * q;
        bool fineTunes = Theta(value, scale) > FineTuningThreshold;
        double z = fineTunes ? Math.Max(0, Gamma * gross / FineTuningCost - BaseQuality) : 0;
        double x = Alpha * gross / InputCost, y = Beta * gross / OutputCost;
        return new Bundle(q, x, y, z, TokenSpend(x, y) + FineTuningCost * z, fineTunes);
    }

    /// <inheritdoc/>
    /// <remarks>From value·v_x = c_x, value·v_y = c_y: v = (value^κ A0 (b + z)^γ)^(1/δ), x = α·value·v/c_x, y = β·value·v/c_y.</remarks>
    public override TaskBundle TaskOptimum(double value, double fineTuning)
    {
        if (!(value > 0)) return new TaskBundle(0, 0, 0, 0);
        double boosted = BaseQuality + fineTuning;
        double quality = Math.Pow(Math.Pow(value, Kappa) * A0 * Math.Pow(boosted, Gamma), 1 / Delta);
        return new TaskBundle(Alpha * value * quality / InputCost, Beta * value * quality / OutputCost, quality, Gamma * quality / boosted);
    }

    /// <inheritdoc/>
    /// <remarks>Every class spends its share of the gross value, so the classes beyond output spend BeyondOutputSpend/α times c_x x.</remarks>
    public override double TokenSpend(double inputTokens, double outputTokens)
    {
        double spend = InputCost * inputTokens + OutputCost * outputTokens;
        return BeyondOutputSpend == 0 ? spend : spend + BeyondOutputSpend / Alpha * (InputCost * inputTokens);
    }

    /// <summary>
    /// The tokens of every declared class of a bundle whose input and output classes (<see cref="Slots"/>) hold
    /// <paramref name="inputTokens"/> and <paramref name="outputTokens"/>: every class spends its share of the gross value,
    /// x_j = α_j·gross/c_j with gross = c_in x_in/α_in. A function of the declaration alone, so callers need no technology.
    /// </summary>
    public static double[] ClassTokens(string[] names, double[] exponents, double[] costs, double inputTokens, double outputTokens)
    {
        var (input, output) = Slots(names);
        double gross = costs[input] * inputTokens / exponents[input];
        var tokens = new double[names.Length];
        for (int j = 0; j < tokens.Length; j++)
            tokens[j] = j == input ? inputTokens : j == output ? outputTokens : exponents[j] * gross / costs[j];
        return tokens;
    }

    /// <summary>q̂(s) = A0 b^ρ (c_z/γ)^κ s^δ: the quality above which delivering q on s tasks uses fine-tuning.</summary>
    public double FineTuningQuality(double scale) =>
        A0 * Math.Pow(BaseQuality, Rho) * Math.Pow(FineTuningCost / Gamma, Kappa) * Numeric.Pow(scale, Delta);

    /// <summary>
    /// C(q, s) = min cost of quality q on s tasks: κ s (q/(s A0 b^γ))^(1/κ) for q ≤ q̂(s), else
    /// ρ s^(−δ/ρ) (q/A)^(1/ρ) − c_z b.
    /// </summary>
    public double Cost(double quality, double scale)
    {
        if (quality <= 0) return 0;
        return quality <= FineTuningQuality(scale)
            ? Kappa * scale * Math.Pow(quality / (scale * A0 * Math.Pow(BaseQuality, Gamma)), 1 / Kappa)
            : Rho * Math.Pow(scale, -Delta / Rho) * Math.Pow(quality / A, 1 / Rho) - FineTuningCost * BaseQuality;
    }

    /// <summary>φ̂(s) = θ̂ / s^δ: screening fine-tunes the item of (w, s) iff φ(w) exceeds it.</summary>
    public override double FineTuningVirtualValue(double scale) =>
        scale <= 0 ? double.PositiveInfinity : FineTuningThreshold / Numeric.Pow(scale, Delta);

    /// <summary>
    /// G(φ, s) = ∫₀^φ Quality(t, s) dt in closed form. With an affine virtual value φ(k) = a k + c the rent is
    /// U(w, s) = (G(φ(w), s) − G(φ(lo)⁺, s)) / a.
    /// </summary>
    public double QualityIntegral(double value, double scale)
    {
        if (value <= 0 || scale <= 0) return 0;
        double p1 = Kappa / Delta + 1;
        // Below the switch (the test Quality uses) no division is needed for it.
        if (Theta(value, scale) <= FineTuningThreshold) return scale * BaseQualityFactor * Numeric.Pow(value, p1) / p1;
        double switchValue = FineTuningVirtualValue(scale);
        double below = scale * BaseQualityFactor * Numeric.Pow(switchValue, p1) / p1;
        double p2 = Rho / Epsilon + 1;
        return below + Numeric.Pow(scale, Delta / Epsilon) * FineTunedQualityFactor
            * (Numeric.Pow(value, p2) - Numeric.Pow(switchValue, p2)) / p2;
    }

    /// <inheritdoc/>
    public override double? SurplusGrowth => 1 / Epsilon;
}
