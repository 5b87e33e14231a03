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
        ["b730a276-6b63-41b8-bcf8-55930c8fc6ee"] = "slow: Lucene.Net 4.8 takes about 15 s per query to build the automaton of `\\\\[^\\\\]{1,256}$` (6,607 states); checked in the full run",
        ["24e3e58a-646b-4b50-adef-02ef935b9fc8"] = "slow: 270 hash values with wildcards (an automaton each); checked in the full run",
    };

    /// <summary>
    /// Regular expressions whose Lucene automaton Lucene.Net 4.8 did not build within 40 s and 6 GB (measured one
    /// rule per process): a counted repetition after the unanchored start (<c>.{2,128}</c>, <c>[^"]{0,64}</c>,
    /// <c>(0[0-9]{1,11}\.){3}</c>, <c>(.*\)){1,}</c>) multiplies the states of the determinized automaton.
    /// Elasticsearch stops such a regexp at 10,000 determinized states (too_complex_to_determinize_exception), so the
    /// query does not run there either.
    /// </summary>
    private static readonly Dictionary<string, string> TooComplexForLucene = new(StringComparer.OrdinalIgnoreCase)
    {
        ["6bfb8fa7-b2e7-4f6c-8d9d-824e5d06ea9e"] = "cmd.{0,5}(?:/c|/r)...(?:.*\\)){1,}.*",
        ["0adfbc14-0ed1-11eb-adc1-0242ac120002"] = "cmd.{0,5}(?:/c|/r)...(?:.*\\)){1,}.*",
        ["27aec9c9-dbb0-4939-8422-1742242471d0"] = "cmd.{0,5}(?:/c|/r)...(?:.*\\)){1,}.*",
        ["63bf8794-9917-45bc-88dd-e1b5abc0ecfd"] = "(Copy-Item|cpi) .{2,128} -Destination .{1,32}\\Windows\\",
        ["589ac73f-8e12-409c-964e-31a2f5775ae2"] = "\\.exe[\"']?\\s+[^\"]{0,64}werfaultsecure\\.exe",
        ["cb5a2333-56cf-4562-8fcb-22ba1bca728d"] = "https?://(?:0[0-9]{1,11}\\.){3}0[0-9]{1,11}",
        ["56d19cb4-6414-4769-9644-1ed35ffbb148"] = "https?://(?:0[0-9]{1,11}\\.){3}0[0-9]{1,11}",
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

    /// <summary>Rules with more values than this are checked on the Lucene targets in the full run only.</summary>
    private const int MaxValuesOnLucene = 300;

    public static int ValueCount(SigmaRule rule)
    {
        static int Count(DetectionNode node) => node switch
        {
            DetectionGroup group => group.Items.Sum(Count),
            DetectionItem item => item.Values.Sum(v => v is Rules.Values.SigmaExpansion e ? e.Values.Count : 1),
            _ => 0,
        };
        return rule.Detection.Sum(d => Count(d.Definition));
    }

    /// <summary>SIGMA_ENGINE_PROOF=full: also the rules left out for time.</summary>
    public static bool FullRun => string.Equals(Environment.GetEnvironmentVariable("SIGMA_ENGINE_PROOF"), "full", StringComparison.OrdinalIgnoreCase);

    public static string? Reason(string target, SigmaRule rule)
    {
        if (rule.Id is not { } id)
        {
            return null;
        }

        if (LuceneTargets.Contains(target) && TooComplexForLucene.TryGetValue(id, out var pattern))
        {
            return $"engine limit: the automaton of `{pattern}` is too large for Lucene (Lucene.Net did not build it in 40 s / 6 GB; Elasticsearch refuses regexps above 10,000 determinized states)";
        }

        if (!FullRun && LuceneTargets.Contains(target) && SlowOnLucene.TryGetValue(id, out var slow))
        {
            return slow;
        }

        if (!FullRun && LuceneTargets.Contains(target) && ValueCount(rule) is var count && count > MaxValuesOnLucene)
        {
            return $"slow: {count} values (Lucene.Net builds an automaton for each wildcard term); checked in the full run";
        }

        return ByRule.TryGetValue((target, id.ToLowerInvariant()), out var reason) ? reason : null;
    }
}
