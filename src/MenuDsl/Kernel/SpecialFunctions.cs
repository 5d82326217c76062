using System;

namespace MenuDsl.Kernel;

/// <summary>
/// Dependency-free special functions for the economic kernel: error function, normal
/// distribution, log-gamma, log-beta and the regularized incomplete beta function.
/// </summary>
/// <remarks>
/// Deterministic and pure. Restricted to APIs available in netstandard2.0 because this file
/// is also compiled into the source generators. Invalid arguments throw
/// <see cref="ArgumentOutOfRangeException"/>; no function returns NaN. The incomplete beta
/// function throws <see cref="InvalidOperationException"/> if its continued fraction fails
/// to converge, which only happens near the mean for parameters beyond about 1e18.
/// </remarks>
internal static class SpecialFunctions
{
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;
    private const double LnSqrt2Pi = 0.91893853320467274178;

    // Beyond these, erfc(x) and the upper normal tail are below the smallest subnormal.
    private const double ErfcZeroBeyond = 27.3;
    private const double NormalTailZeroBeyond = 38.6;

    // Stirling's series is accurate to ~1e-17 absolute from here on (9 terms).
    private const double StirlingMin = 10.0;

    private const double CfTolerance = 3e-16;
    private const double CfTiny = 1e-300;

    // ---------------------------------------------------------------- error function

    /// <summary>Error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.</summary>
    public static double Erf(double x)
    {
        RequireNotNaN(x, nameof(x));
        double y = Math.Abs(x);
        if (y <= 0.46875)
        {
            return ErfSmall(x);
        }

        double r = 1.0 - ErfcPositive(y);
        return x < 0 ? -r : r;
    }

    /// <summary>Complementary error function erfc(x) = 1 − erf(x), with full relative accuracy in the upper tail.</summary>
    public static double Erfc(double x)
    {
        RequireNotNaN(x, nameof(x));
        double y = Math.Abs(x);
        if (y <= 0.46875)
        {
            return 1.0 - ErfSmall(x);
        }

        double r = ErfcPositive(y);
        return x < 0 ? 2.0 - r : r;
    }

    // ------------------------------------------------------------ normal distribution

    /// <summary>Standard normal density φ(z).</summary>
    public static double NormalPdf(double z)
    {
        RequireNotNaN(z, nameof(z));
        double y = Math.Abs(z);
        if (y > NormalTailZeroBeyond)
        {
            return 0.0;
        }

        return InvSqrt2Pi * ExpNegHalfSquare(y);
    }

    /// <summary>Standard normal distribution function Φ(z), accurate in both tails.</summary>
    public static double NormalCdf(double z)
    {
        RequireNotNaN(z, nameof(z));
        return z < 0 ? NormalTail(-z) : 1.0 - NormalTail(z);
    }

    /// <summary>Upper tail 1 − Φ(z), computed without cancellation.</summary>
    public static double NormalUpperTail(double z)
    {
        RequireNotNaN(z, nameof(z));
        return z < 0 ? 1.0 - NormalTail(-z) : NormalTail(z);
    }

    // ------------------------------------------------------------ gamma and beta

    /// <summary>Natural logarithm of the gamma function for x &gt; 0 (+∞ at +∞).</summary>
    public static double LogGamma(double x)
    {
        if (double.IsNaN(x) || x <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma requires x > 0.");
        }

        if (x < 0.5)
        {
            // Γ(x) = Γ(x + 2) / (x (x + 1)).
            return LogGammaTwoPlus(x) - Math.Log(x) - Log1p(x);
        }

        if (x < 1.5)
        {
            // Through Γ(2 + z) so that the zero at x = 1 keeps its relative accuracy.
            double z = x - 1.0;
            return LogGammaTwoPlus(z) - Log1p(z);
        }

        if (x < 2.5)
        {
            return LogGammaTwoPlus(x - 2.0);
        }

        if (x < StirlingMin)
        {
            // Recur down to [1.5, 2.5); each x − 1 is exact here.
            double product = 1.0;
            while (x >= 2.5)
            {
                x -= 1.0;
                product *= x;
            }

            return LogGammaTwoPlus(x - 2.0) + Math.Log(product);
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        return (x - 0.5) * Math.Log(x) - x + LnSqrt2Pi + StirlingCorrection(x);
    }

    /// <summary>Natural logarithm of the beta function B(a, b) for a, b &gt; 0.</summary>
    public static double LogBeta(double a, double b)
    {
        RequireShapes(a, b);

        double p = Math.Min(a, b);
        double q = Math.Max(a, b);
        double s = p + q;

        if (p >= StirlingMin)
        {
            // Stirling for all three gammas with the large terms combined analytically,
            // so nothing of size p·ln p cancels.
            double corr = StirlingCorrection(p) + StirlingCorrection(q) - StirlingCorrection(s);
            return -0.5 * Math.Log(q) + LnSqrt2Pi + corr + (p - 0.5) * Math.Log(p / s) + q * Log1p(-p / s);
        }

        if (q >= StirlingMin)
        {
            // Only ln Γ(q) − ln Γ(p + q) through Stirling.
            double corr = StirlingCorrection(q) - StirlingCorrection(s);
            return LogGamma(p) + corr + p - p * Math.Log(s) + (q - 0.5) * Log1p(-p / s);
        }

        return LogGamma(p) + LogGamma(q) - LogGamma(s);
    }

    /// <summary>
    /// Regularized incomplete beta function I_x(a, b) for a, b &gt; 0 and 0 ≤ x ≤ 1
    /// (exactly 0 at x = 0 and 1 at x = 1).
    /// </summary>
    public static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        RequireShapes(a, b);
        if (double.IsNaN(x) || x < 0 || x > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "x must lie in [0, 1].");
        }

        if (x == 0)
        {
            return 0.0;
        }

        if (x == 1)
        {
            return 1.0;
        }

        double y = 1.0 - x;
        double front = Math.Exp(LogPowerTerms(a, b, x, y));

        // The continued fraction converges fast only left of the mean; use the symmetry
        // I_x(a, b) = 1 − I_{1−x}(b, a) beyond it.
        bool direct = x < (a + 1.0) / (a + b + 2.0);
        double cf = direct ? BetaContinuedFraction(a, b, x, y) : BetaContinuedFraction(b, a, y, x);
        double r = direct ? front / cf : 1.0 - front / cf;

        // On the reflected path a small result comes out of 1 − q with q ≈ 1 and loses
        // relative accuracy (this happens when b is tiny). The direct fraction, although
        // right of its usual range, then still converges with a relative error of roughly
        // ε·κ, κ = a·r / front; use it when that beats the cancellation's ε/r.
        if (!direct && r < 0.125 && front > 0)
        {
            double kappa = a * r / front;
            if (kappa * r < 1.0 && TryBetaContinuedFraction(a, b, x, y, out double directCf))
            {
                r = front / directCf;
            }
        }

        return r < 0 ? 0.0 : (r > 1 ? 1.0 : r);
    }

    /// <summary>
    /// Beta(a, b) density at x: 0 outside [0, 1]; at an endpoint +∞ when the corresponding
    /// shape parameter is below 1, the limit when it equals 1, and 0 when it exceeds 1.
    /// </summary>
    public static double BetaPdf(double a, double b, double x)
    {
        RequireShapes(a, b);
        RequireNotNaN(x, nameof(x));

        if (x < 0 || x > 1)
        {
            return 0.0;
        }

        if (x == 0)
        {
            return a < 1 ? double.PositiveInfinity : (a == 1 ? b : 0.0); // 1/B(1, b) = b
        }

        if (x == 1)
        {
            return b < 1 ? double.PositiveInfinity : (b == 1 ? a : 0.0);
        }

        if (a >= StirlingMin && b >= StirlingMin)
        {
            return Math.Exp(LogPowerTerms(a, b, x, 1.0 - x) - Math.Log(x) - Log1p(-x));
        }

        // Written with (a − 1) and (b − 1) so that a unit parameter contributes exactly nothing.
        return Math.Exp((a - 1.0) * Math.Log(x) + (b - 1.0) * Log1p(-x) - LogBeta(a, b));
    }

    // ---------------------------------------------------------------- internals

    // erf on |x| ≤ 0.46875: Cody (1969) rational approximation in x².
    private static double ErfSmall(double x)
    {
        double z = x * x;
        double num = ((((1.85777706184603153e-1 * z + 3.16112374387056560e0) * z
            + 1.13864154151050156e2) * z + 3.77485237685302021e2) * z + 3.20937758913846947e3);
        double den = ((((z + 2.36012909523441209e1) * z + 2.44024637934444173e2) * z
            + 1.28261652607737228e3) * z + 2.84423683343917062e3);
        return x * num / den;
    }

    // erfc(y) for y > 0.46875.
    private static double ErfcPositive(double y)
    {
        if (y > ErfcZeroBeyond)
        {
            return 0.0;
        }

        return ExpNegSquare(y) * ErfcScaled(y);
    }

    // Upper normal tail Q(z) for z ≥ 0. The Gaussian factor is formed from z itself, not
    // from the rounded z/√2, which would cost ~z² ulps deep in the tail.
    private static double NormalTail(double z)
    {
        double y = z * InvSqrt2;
        if (y <= 0.46875)
        {
            return 0.5 - 0.5 * ErfSmall(y);
        }

        if (z > NormalTailZeroBeyond)
        {
            return 0.0;
        }

        return 0.5 * ExpNegHalfSquare(z) * ErfcScaled(y);
    }

    // erfcx(y) = e^(y²) erfc(y) for y > 0.46875: Cody (1969) rational approximations,
    // in y on (0.46875, 4] and in 1/y² (asymptotic form) beyond.
    private static double ErfcScaled(double y)
    {
        if (y <= 4.0)
        {
            double num = (((((((2.15311535474403846e-8 * y + 5.64188496988670089e-1) * y
                + 8.88314979438837594e0) * y + 6.61191906371416295e1) * y
                + 2.98635138197400131e2) * y + 8.81952221241769090e2) * y
                + 1.71204761263407058e3) * y + 2.05107837782607147e3) * y
                + 1.23033935479799725e3;
            double den = (((((((y + 1.57449261107098347e1) * y + 1.17693950891312499e2) * y
                + 5.37181101862009858e2) * y + 1.62138957456669019e3) * y
                + 3.29079923573345963e3) * y + 4.36261909014324716e3) * y
                + 3.43936767414372164e3) * y + 1.23033935480374942e3;
            return num / den;
        }

        double w = 1.0 / (y * y);
        double pn = ((((1.63153871373020978e-2 * w + 3.05326634961232344e-1) * w
            + 3.60344899949804439e-1) * w + 1.25781726111229246e-1) * w
            + 1.60837851487422766e-2) * w + 6.58749161529837803e-4;
        double pd = ((((w + 2.56852019228982242e0) * w + 1.87295284992346047e0) * w
            + 5.27905102951428412e-1) * w + 6.05183413124413191e-2) * w
            + 2.33520497626869185e-3;
        return (InvSqrtPi - w * pn / pd) / y;
    }

    // e^(−y²) for finite y ≥ 0. Splitting y = h + l with h on a 1/16 grid makes h² exact,
    // so the rounding of y² does not get amplified by the exponential.
    private static double ExpNegSquare(double y)
    {
        double h = Math.Truncate(y * 16.0) / 16.0;
        double d = (y - h) * (y + h);
        return Math.Exp(-h * h) * Math.Exp(-d);
    }

    // e^(−z²/2) for finite z ≥ 0, same splitting.
    private static double ExpNegHalfSquare(double z)
    {
        double h = Math.Truncate(z * 16.0) / 16.0;
        double d = (z - h) * (z + h);
        return Math.Exp(-0.5 * h * h) * Math.Exp(-0.5 * d);
    }

    // ln Γ(2 + z) for |z| ≤ 0.5: Taylor series (1 − γ) z + Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k,
    // whose coefficients shrink like 2^−k, so 29 terms reach full precision.
    private static double LogGammaTwoPlus(double z)
    {
        double s = 3.1044247747322272762e-11;
        s = s * z - 6.4229645638381000221e-11;
        s = s * z + 1.3304764374244489481e-10;
        s = s * z - 2.7595228851242331452e-10;
        s = s * z + 5.7313672416788620133e-10;
        s = s * z - 1.1921401405860912074e-9;
        s = s * z + 2.4836745438024783172e-9;
        s = s * z - 5.1834750419700466551e-9;
        s = s * z + 1.0838659214896954091e-8;
        s = s * z - 2.2711094608943164910e-8;
        s = s * z + 4.7698101693639805658e-8;
        s = s * z - 1.0043224823968099609e-7;
        s = s * z + 2.1207184805554665869e-7;
        s = s * z - 4.4924691987645660433e-7;
        s = s * z + 9.5514121304074198329e-7;
        s = s * z - 2.0392157538013662368e-6;
        s = s * z + 4.3748667899074878042e-6;
        s = s * z - 9.4394882752683959040e-6;
        s = s * z + 2.0507212775670691553e-5;
        s = s * z - 4.4926236738133141700e-5;
        s = s * z + 9.9457512781808533715e-5;
        s = s * z - 2.2315475845357937976e-4;
        s = s * z + 5.0966952474304242234e-4;
        s = s * z - 1.1927539117032609771e-3;
        s = s * z + 2.8905103307415232858e-3;
        s = s * z - 7.3855510286739852663e-3;
        s = s * z + 2.0580808427784547879e-2;
        s = s * z - 6.7352301053198095133e-2;
        s = s * z + 3.2246703342411321824e-1;
        s = s * z + 0.42278433509846713939;
        return s * z;
    }

    // ln Γ(x) − [(x − ½) ln x − x + ln √(2π)] for x ≥ 10: Stirling's series.
    private static double StirlingCorrection(double x)
    {
        double w = 1.0 / (x * x);
        double s = 0.17964437236883057316;
        s = s * w - 0.029550653594771241830;
        s = s * w + 0.0064102564102564102564;
        s = s * w - 0.0019175269175269175269;
        s = s * w + 0.00084175084175084175084;
        s = s * w - 0.00059523809523809523810;
        s = s * w + 0.00079365079365079365079;
        s = s * w - 0.0027777777777777777778;
        s = s * w + 0.083333333333333333333;
        return s / x;
    }

    // ln[x^a y^b / B(a, b)] with y = 1 − x.
    private static double LogPowerTerms(double a, double b, double x, double y)
    {
        if (a < StirlingMin || b < StirlingMin)
        {
            return a * Math.Log(x) + b * Log1p(-x) - LogBeta(a, b);
        }

        // For large a and b the direct sum cancels terms of size a·ln x. Writing
        // x = x₀(1 + t₁), y = y₀(1 + t₂) around the mean x₀ = a/(a+b) cancels the linear
        // parts exactly (a·t₁ + b·t₂ = 0) and leaves
        // a·λ(t₁) + b·λ(t₂) + ½ ln(ab / (2π(a+b))) − Stirling corrections, λ(t) = ln(1+t) − t.
        double s = a + b;
        double dev = x <= 0.5 ? s * x - a : b - s * y;
        double t1 = dev / a;
        double t2 = -dev / b;
        double corr = StirlingCorrection(a) + StirlingCorrection(b) - StirlingCorrection(s);
        return a * Log1pMinusX(t1, s * x / a) + b * Log1pMinusX(t2, s * y / b)
            + 0.5 * Math.Log(b * (a / s)) - LnSqrt2Pi - corr;
    }

    // Continued fraction F with I_x(a, b) = [x^a y^b / B(a, b)] / F, y = 1 − x. This is the
    // even contraction of the classical fraction (Numerical Recipes §6.4) in the form of
    // DiDonato and Morris (1992), which carries the cancelling combination a·y − b·x + 1
    // explicitly; the classical form loses about √(a/y) ulps near the mean when a is large.
    // Evaluated with the modified Lentz method.
    private static double BetaContinuedFraction(double a, double b, double x, double y)
    {
        if (!TryBetaContinuedFraction(a, b, x, y, out double value))
        {
            throw new InvalidOperationException(
                "Incomplete beta continued fraction did not converge (a = " + a + ", b = " + b + ", x = " + x + ").");
        }

        return value;
    }

    private static bool TryBetaContinuedFraction(double a, double b, double x, double y, out double value)
    {
        double lambda = a * y - b * x + 1.0;
        double f = NonZero(a * lambda / (a + 1.0));
        double c = f;
        double d = 0.0;

        // Near the mean convergence takes about 5·max(a, b)^(1/3) steps (≈5e4 at 1e12), far
        // less elsewhere; the cap only stops a runaway loop.
        int maxIterations = 1000 + (int)Math.Min(1e7, 10.0 * Math.Sqrt(Math.Max(a, b)));
        for (int m = 1; m <= maxIterations; m++)
        {
            // Integers are combined first so that a tiny a is not rounded away in a + m − 1;
            // ratios are formed before products so that huge a, b do not overflow.
            double am = a + (2.0 * m - 1.0);
            double alpha = (a + (m - 1.0)) / am * ((a + b + (m - 1.0)) / am) * m * (b - m) * x * x;
            double beta = m + m * (b - m) * x / am + (a + m) / (am + 2.0) * (lambda + m * (2.0 - x));

            d = 1.0 / NonZero(beta + alpha * d);
            c = NonZero(beta + alpha / c);
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < CfTolerance)
            {
                value = f;
                return true;
            }
        }

        value = 0.0;
        return false;
    }

    // Lentz's guard against a zero denominator.
    private static double NonZero(double v) => Math.Abs(v) < CfTiny ? CfTiny : v;

    // ln(1 + t) for t ≥ −1. Corrects ln(1 + t) for the rounding of 1 + t (Goldberg's trick);
    // netstandard2.0 has no log1p.
    private static double Log1p(double t)
    {
        double u = 1.0 + t;
        if (u == 1.0)
        {
            return t;
        }

        return Math.Log(u) * (t / (u - 1.0));
    }

    // ln(1 + t) − t without cancellation near 0; onePlusT is 1 + t formed independently
    // (more accurately than by adding 1 to t when t is close to −1).
    private static double Log1pMinusX(double t, double onePlusT)
    {
        if (t < -0.5 || t > 0.5)
        {
            return Math.Log(onePlusT) - t;
        }

        // With u = t/(2+t): ln(1+t) = 2 atanh(u) and t − 2u = t·u, so
        // ln(1+t) − t = −t·u + 2(u³/3 + u⁵/5 + …), no cancellation; |u| ≤ 1/3.
        double u = t / (2.0 + t);
        double u2 = u * u;
        double sum = 0.0;
        for (int k = 39; k >= 3; k -= 2)
        {
            sum = sum * u2 + 1.0 / k;
        }

        return 2.0 * u * u2 * sum - t * u;
    }

    private static void RequireNotNaN(double value, string name)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Argument must not be NaN.");
        }
    }

    private static void RequireShapes(double a, double b)
    {
        RequirePositiveFinite(a, nameof(a));
        RequirePositiveFinite(b, nameof(b));
        if (double.IsInfinity(a + b))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "a + b must be finite.");
        }
    }

    private static void RequirePositiveFinite(double value, string name)
    {
        if (double.IsNaN(value) || value <= 0 || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Shape parameter must be positive and finite.");
        }
    }
}
