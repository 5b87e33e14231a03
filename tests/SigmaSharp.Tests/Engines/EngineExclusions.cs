using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// Rules a target's engine cannot run as the rule means, each with the reason (docs/engine-proofs.md lists them).
/// Rules the target itself refuses (SIG5xx) are not listed here: they are reported as not converted.
/// </summary>
internal static class EngineExclusions
{
    private static readonly string[] LuceneTargets = ["pysigma-lucene", "es-qs", "graylog"];

    /// <summary>Rules left out of the default run only because their engine takes too long; the full run checks them.</summary>
    private static readonly Dictionary<string, string> SlowOnLucene = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dcaa3f04-70c3-427a-80b4-b870d73c94c4"] = "slow: Lucene.Net 4.8 takes about 15 s per query to build the automaton of `\\\\[^\\\\]{1,256}$` (6,607 states); checked in the full run",
    };

    private static readonly Dictionary<(string Target, string RuleId), string> ByRule = new();

    /// <summary>SIGMA_ENGINE_PROOF=full: also the rules left out for time.</summary>
    public static bool FullRun => string.Equals(Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF"), "full", StringComparison.OrdinalIgnoreCase);

    public static string? Reason(string target, SigmaRule rule)
    {
        if (rule.Id is not { } id)
        {
            return null;
        }

        if (!FullRun && LuceneTargets.Contains(target) && SlowOnLucene.TryGetValue(id, out var slow))
        {
            return slow;
        }

        return ByRule.TryGetValue((target, id.ToLowerInvariant()), out var reason) ? reason : null;
    }
}
