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

    private const string OpenBugRegexNewline = "open converter bug: a regex class holding a line feed is written with the raw character, which Lucene.Net's parser rejects ('expected )')";
    private const string OpenBugFieldlessKeywords = "open converter bug: keywords ANDed with a field test are written with an empty field name (':\"...\"'), which the classic query parser rejects";

    private static readonly Dictionary<(string Target, string RuleId), string> ByRule = new()
    {
        [("pysigma-lucene", "27aec9c9-dbb0-4939-8422-1742242471d0")] = OpenBugRegexNewline,
        [("es-qs", "27aec9c9-dbb0-4939-8422-1742242471d0")] = OpenBugRegexNewline,
        [("graylog", "27aec9c9-dbb0-4939-8422-1742242471d0")] = OpenBugRegexNewline,
        [("es-qs", "b7bc7038-638b-4ffd-880c-292c692209ef")] = OpenBugFieldlessKeywords,
        [("graylog", "b7bc7038-638b-4ffd-880c-292c692209ef")] = OpenBugFieldlessKeywords,
    };

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
