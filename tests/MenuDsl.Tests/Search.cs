using System;

namespace MenuDsl.Tests;

/// <summary>
/// A bounded golden-section search written for the tests, so that checks of the library's closed forms do not
/// share its numerics (MathNet's golden-section minimiser expands the bracket, which breaks bounds like z ≥ 0).
/// </summary>
internal static class Search
{
    public static double ArgMin(Func<double, double> f, double a, double b, int iterations = 200)
    {
        const double r = 0.6180339887498949;
        double c = b - r * (b - a), d = a + r * (b - a), fc = f(c), fd = f(d);
        for (int i = 0; i < iterations; i++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - r * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + r * (b - a); fd = f(d); }
        }
        // The bounds themselves can be the minimum (z = 0 when fine-tuning does not pay).
        double mid = 0.5 * (a + b);
        return f(a) < f(mid) ? a : f(b) < f(mid) ? b : mid;
    }
}
