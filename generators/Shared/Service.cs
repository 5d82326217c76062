using System;
using MenuDsl.Kernel;

namespace MenuDsl.Shared;

/// <summary>Whether a valid model has a menu: someone served, nobody served, or the kernel failed on it.</summary>
internal enum ServiceVerdict
{
    Served,
    /// <summary>φ is never positive (MENU013).</summary>
    NobodyServed,
    /// <summary>The kernel threw on parameters that pass validation (MENU015).</summary>
    NumericFailure,
}

/// <summary>
/// The reserve values the generator's planner folds, computed once here for the planner and the analyzers, so a
/// model is declined exactly when the analyzers say why (MENU013, MENU015).
/// </summary>
internal static class Service
{
    /// <summary>
    /// Builds the technology (its folded constants must be representable), the declared laws and their reserve values
    /// (of w, and, for an index technology, of θ = w s^δ where the kernel has its closed form). <paramref name="failure"/> is the kernel's message
    /// on a numeric failure.
    /// </summary>
    public static ServiceVerdict Of(Func<TechnologyCore> technology, Func<DistributionCore> values, Func<DistributionCore?> scales, out string? failure)
    {
        failure = null;
        try
        {
            var made = technology();
            var w = values();
            if (double.IsPositiveInfinity(w.ReserveValue)) return ServiceVerdict.NobodyServed;
            if (made is not CobbDouglasCore index) return ServiceVerdict.Served;
            var thetas = ThetaLaws.ClosedForm(w, scales(), index.Delta);
            return thetas is not null && double.IsPositiveInfinity(thetas.ReserveValue) ? ServiceVerdict.NobodyServed : ServiceVerdict.Served;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            failure = e.Message;
            return ServiceVerdict.NumericFailure;
        }
    }
}
