using System;
using CsCheck;

namespace MenuDsl.Tests;

/// <summary>
/// Seeds of the randomised tests: a fixed default per test keeps CI reproducible; the <c>CsCheck_Seed</c>
/// environment variable overrides it to reproduce a reported failure or to explore other samples.
/// </summary>
internal static class Seeds
{
    public static string Default(string seed) => Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } chosen ? chosen : seed;

    /// <summary>
    /// Checks <paramref name="assert"/> on <paramref name="iter"/> samples drawn from one seed. CsCheck's own
    /// <c>seed:</c> fixes only the first iteration, so the samples are drawn as one array; a failure reports the
    /// seed (to reproduce) and the failing sample.
    /// </summary>
    public static void Check<T>(this Gen<T> gen, Action<T> assert, int iter, string seed) =>
        gen.Array[iter].Sample(samples =>
        {
            foreach (var sample in samples)
            {
                try { assert(sample); }
                catch (Exception e) { throw new InvalidOperationException($"Failed at sample {sample}: {e.Message}", e); }
            }
        }, iter: 1, threads: 1, seed: Default(seed), print: _ => "(see the failing sample below)");

    public static void Check<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, int iter, string seed) =>
        gen.Check(t => assert(t.Item1, t.Item2), iter, seed);

    public static void Check<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, int iter, string seed) =>
        gen.Check(t => assert(t.Item1, t.Item2, t.Item3), iter, seed);

    public static void Check<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, int iter, string seed) =>
        gen.Check(t => assert(t.Item1, t.Item2, t.Item3, t.Item4), iter, seed);
}
