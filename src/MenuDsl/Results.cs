namespace MenuDsl;

/// <summary>The first-best (complete-information) allocation of a type (w, s).</summary>
/// <param name="Input">x, input tokens per task.</param>
/// <param name="Output">y, output tokens per task.</param>
/// <param name="FineTuning">z, fine-tuning tokens (shared by all tasks).</param>
/// <param name="Quality">Total quality s·v.</param>
/// <param name="Surplus">Buyer value minus seller cost, U* = w·Quality − cost.</param>
/// <param name="FineTunes">Whether z &gt; 0 (θ &gt; θ̂).</param>
public readonly record struct Allocation(double Input, double Output, double FineTuning, double Quality, double Surplus, bool FineTunes);

/// <summary>The optimal screening contract of a type (w, s) when the allocation is contractible task by task.</summary>
/// <param name="Quality">q, total quality delivered.</param>
/// <param name="Input">Input tokens per task.</param>
/// <param name="Output">Output tokens per task.</param>
/// <param name="FineTuning">Fine-tuning tokens z.</param>
/// <param name="Transfer">T, the payment: w q − ∫ q dk.</param>
/// <param name="Cost">C(q, s), the seller's cost.</param>
/// <param name="BuyerUtility">w q − T, the information rent.</param>
/// <param name="Profit">T − C.</param>
public readonly record struct Contract(double Quality, double Input, double Output, double FineTuning, double Transfer, double Cost, double BuyerUtility, double Profit)
{
    /// <summary>Whether this is the empty contract that excluded types get.</summary>
    public bool IsEmpty => Quality == 0 && Transfer == 0;
}

/// <summary>
/// A two-part tariff: pay <see cref="Fee"/>, then buy any tokens at the per-token prices (markup × cost), on at
/// most <see cref="TaskCap"/> tasks. For a type inside an ironed pool (model.md §5) it is the pool's bundle instead:
/// <see cref="Included"/> holds the bundle, the fee is the pool's common payment, and no further tokens are sold
/// (unit prices and markup +∞), because separate tariffs cannot keep pooled types apart.
/// </summary>
/// <param name="InputPrice">Price per input token, m·c_x.</param>
/// <param name="OutputPrice">Price per output token, m·c_y.</param>
/// <param name="FineTuningPrice">Price per fine-tuning token, m·c_z.</param>
/// <param name="Fee">p0, the fixed fee.</param>
/// <param name="TaskCap">The task cap s (+∞ for packages).</param>
/// <param name="Markup">m = w/φ(w) (or θ/φ_θ(θ) for packages).</param>
public readonly record struct TwoPartTariff(double InputPrice, double OutputPrice, double FineTuningPrice, double Fee, double TaskCap, double Markup)
{
    /// <summary>The fixed bundle a pooled type's item sells for the fee; null for a plain tariff.</summary>
    public TokenBundle? Included { get; init; }

    /// <summary>Whether this is the no-sale item of an excluded type (no fee, no tokens).</summary>
    public bool IsNoSale => Fee == 0 && Included is null && double.IsPositiveInfinity(Markup);
}

/// <summary>
/// A fixed bundle of tokens sold whole. Input and output are per task on up to the tariff's task cap (totals for
/// packages, whose cap is +∞), as in <see cref="Contract"/> and <see cref="PackageContract"/>.
/// </summary>
/// <param name="Quality">Total quality the bundle delivers on its tasks.</param>
/// <param name="Input">Input tokens (per task; total for packages).</param>
/// <param name="Output">Output tokens (per task; total for packages).</param>
/// <param name="FineTuning">Fine-tuning tokens z.</param>
public readonly record struct TokenBundle(double Quality, double Input, double Output, double FineTuning);

/// <summary>An item of the optimal token-package menu, for representative type θ.</summary>
/// <param name="Quality">Q, the quality index X^α Y^β (b + Z)^γ.</param>
/// <param name="InputTokens">X, total input tokens.</param>
/// <param name="OutputTokens">Y, total output tokens.</param>
/// <param name="FineTuning">Z, fine-tuning tokens.</param>
/// <param name="Transfer">T(θ) = θ Q − ∫ Q dk.</param>
/// <param name="Cost">C(Q), the seller's cost.</param>
/// <param name="BuyerUtility">θ Q − T.</param>
/// <param name="Profit">T − C.</param>
public readonly record struct PackageContract(double Quality, double InputTokens, double OutputTokens, double FineTuning, double Transfer, double Cost, double BuyerUtility, double Profit);

/// <summary>
/// The committed-spend form of a package (model.md §4; Bergemann, Bonatti and Smolin's follow-up): the buyer pays
/// <see cref="Payment"/> for a token budget of <see cref="Budget"/>, spent at marginal cost on any token mix. Spent
/// optimally it buys exactly the package's quality, so the plan implements the package menu.
/// </summary>
/// <param name="Payment">T(θ), paid up front.</param>
/// <param name="Budget">C(Q(θ)): the token spend the plan includes, priced at the seller's marginal costs.</param>
/// <param name="Quality">Q(θ), what the budget buys when spent optimally.</param>
public readonly record struct SpendPlan(double Payment, double Budget, double Quality);
