using System;

namespace MenuDsl.Generators.Tests;

/// <summary>
/// Seeds of the randomised tests: a fixed default per test keeps CI reproducible; the <c>CsCheck_Seed</c>
/// environment variable overrides it to reproduce a reported failure (CsCheck prints the seed) or to explore.
/// </summary>
internal static class Seeds
{
    public static string Default(string seed) => Environment.GetEnvironmentVariable("CsCheck_Seed") is { Length: > 0 } chosen ? chosen : seed;
}
