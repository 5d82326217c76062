using System;
using System.Runtime.CompilerServices;
using MenuDsl;

/// <summary>
/// The api.md default model (Cobb-Douglas 0.3, 0.2, 0.1, b = 1, costs (1, 2, 5), w ~ U[0,1], s ~ U[0.2,1]) written out
/// by hand from model.md §3–§5: the practical speed limit the generated code is measured against.
/// <para>
/// δ = 1/2, κ = 1/2, so q = s·φ·K with K = (A0 b^γ)^(1/δ) = A0², φ(w) = 2w − 1, and the rent ∫ q dk = K s (w − ½)².
/// θ̂ ≈ 16.08 while every type has φ(w)·s^δ ≤ 1, so nobody fine-tunes: only the no-fine-tuning branch is written. The
/// other branch is guarded by the domain check (w ≤ 1, s ≤ 1 ⇒ θ ≤ 1) and by the static constructor asserting
/// θ̂ &gt; 1, so no per-call branch is needed.
/// </para>
/// <para>
/// Packages: θ = w·√s with w ~ U[0,1], s ~ U[0.2,1] has a closed-form law. F_θ(t) = t·c for t ≤ t0 = √0.2 with
/// c = 2(1 − √0.2)/0.8, and F_θ(t) = (2t − t² − 0.2)/0.8 above, so φ_θ(t) = 2t − 1/c below t0 and (3t − 1)/2 above
/// (continuous at t0, reserve θ0 = (1 + √0.2)/4). Q = K φ_θ, rent = K ∫ φ_θ = K φ_θ²/4 below t0 and
/// K (φ_θ(t0)²/4 + (φ_θ² − φ_θ(t0)²)/3) above. Everything is closed form: no quadrature.
/// </para>
/// </summary>
public static class HandWritten
{
    private const double Alpha = 0.3, Beta = 0.2, Gamma = 0.1, CostX = 1.0, CostY = 2.0, CostZ = 5.0;
    private static readonly double A0 = Math.Pow(Alpha / CostX, Alpha) * Math.Pow(Beta / CostY, Beta);
    private static readonly double K = A0 * A0;                       // (A0 b^γ)^(1/δ) with b = 1, δ = 1/2
    private static readonly double KInput = K * Alpha / CostX;        // x per task = φ α q / (c_x s) = φ² K α / c_x
    private static readonly double KOutput = K * Beta / CostY;
    private static readonly double T0 = Math.Sqrt(0.2);               // kink of F_θ
    private static readonly double InvC = 0.4 / (1 - Math.Sqrt(0.2)); // 1/c, c = F_θ's slope below t0
    private static readonly double PhiT0 = (3 * Math.Sqrt(0.2) - 1) / 2;
    private static readonly double RentT0 = PhiT0 * PhiT0 / 4;

    /// <summary>θ̂ = b^ε (c_x/α)^α (c_y/β)^β (c_z/γ)^δ.</summary>
    public static readonly double ThetaHat = Math.Pow(CostX / Alpha, Alpha) * Math.Pow(CostY / Beta, Beta) * Math.Pow(CostZ / Gamma, 0.5);

    static HandWritten()
    {
        // The fine-tuning branch (θ > θ̂) cannot occur on the support (θ ≤ 1); if the constants changed so that it could,
        // this code would be wrong, so refuse to run.
        if (!(ThetaHat > 1)) throw new InvalidOperationException("hand-written code assumes nobody fine-tunes");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(double w, double s)
    {
        if (!(w >= 0 && w <= 1)) throw new ArgumentOutOfRangeException(nameof(w));
        if (!(s >= 0.2 && s <= 1)) throw new ArgumentOutOfRangeException(nameof(s));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Contract Contract(double w, double s)
    {
        Check(w, s);
        if (!(w > 0.5)) return default;
        double phi = 2 * w - 1, q = K * s * phi, d = w - 0.5;
        double rent = K * s * d * d, transfer = w * q - rent, cost = 0.5 * phi * q; // C = κ s (q/(s A0))² = φ q / 2
        return new Contract(q, KInput * phi * phi, KOutput * phi * phi, 0, transfer, cost, rent, transfer - cost);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TwoPartTariff Tariff(double w, double s)
    {
        Check(w, s);
        if (!(w > 0.5))
            return new TwoPartTariff(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 0, s, double.PositiveInfinity);
        double phi = 2 * w - 1, m = w / phi;
        return new TwoPartTariff(m * CostX, m * CostY, m * CostZ, K * s * phi / 4, s, m); // p0 = T − m C = K s φ / 4
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PackageContract Package(double theta)
    {
        if (!(theta >= 0 && theta <= 1)) throw new ArgumentOutOfRangeException(nameof(theta));
        double phi = theta <= T0 ? 2 * theta - InvC : (3 * theta - 1) / 2;
        if (!(phi > 0)) return default;
        double q = K * phi;
        double rent = K * (theta <= T0 ? phi * phi / 4 : RentT0 + (phi * phi - PhiT0 * PhiT0) / 3);
        double transfer = theta * q - rent, cost = 0.5 * phi * q;
        return new PackageContract(q, Alpha * phi * q / CostX, Beta * phi * q / CostY, 0, transfer, cost, rent, transfer - cost);
    }

    public static SpendPlan CommittedSpend(double theta)
    {
        var p = Package(theta);
        return new SpendPlan(p.Transfer, p.Cost, p.Quality);
    }

    /// <summary>
    /// Apples to apples: the hand-written members equal the generated ones on a grid, to <paramref name="tolerance"/>
    /// relative (absolute below 1e-300). Returns the largest relative difference per member.
    /// </summary>
    public static (double Contract, double Tariff, double Package) Agreement(IIndexModel generated, int n = 201)
    {
        double c = 0, t = 0, p = 0;
        for (int i = 0; i < n; i++)
        {
            double w = (double)i / (n - 1);
            for (int j = 0; j < n; j++)
            {
                double s = 0.2 + 0.8 * j / (n - 1);
                var a = Contract(w, s); var b = generated.Contract(w, s);
                c = Math.Max(c, Rel([a.Quality, a.Input, a.Output, a.FineTuning, a.Transfer, a.Cost, a.BuyerUtility, a.Profit],
                                    [b.Quality, b.Input, b.Output, b.FineTuning, b.Transfer, b.Cost, b.BuyerUtility, b.Profit]));
                var ta = Tariff(w, s); var tb = generated.Tariff(w, s);
                t = Math.Max(t, Rel([ta.InputPrice, ta.OutputPrice, ta.FineTuningPrice, ta.Fee, ta.TaskCap, ta.Markup],
                                    [tb.InputPrice, tb.OutputPrice, tb.FineTuningPrice, tb.Fee, tb.TaskCap, tb.Markup]));
            }
            var pa = Package(w); var pb = generated.Package(w);
            p = Math.Max(p, Rel([pa.Quality, pa.InputTokens, pa.OutputTokens, pa.FineTuning, pa.Transfer, pa.Cost, pa.BuyerUtility, pa.Profit],
                                [pb.Quality, pb.InputTokens, pb.OutputTokens, pb.FineTuning, pb.Transfer, pb.Cost, pb.BuyerUtility, pb.Profit]));
        }
        return (c, t, p);
    }

    private static double Rel(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double worst = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue; // also equal infinities
            double scale = Math.Max(Math.Abs(a[i]), Math.Abs(b[i]));
            worst = Math.Max(worst, scale < 1e-300 ? Math.Abs(a[i] - b[i]) : Math.Abs(a[i] - b[i]) / scale);
        }
        return worst;
    }
}
