using SigmaSharp.Rules;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// Rules a target's engine cannot run, each with the reason (docs/engine-proofs.md lists them). Rules the target
/// itself refuses (SIG5xx) are not listed here: they are reported as not converted.
/// </summary>
internal static class EngineExclusions
{
    private static readonly string[] LuceneTargets = ["pysigma-lucene", "es-qs", "graylog"];

    /// <summary>
    /// Regular expressions whose determinized Lucene automaton Lucene.Net 4.8 did not build within 60 s (and 4 GB):
    /// a counted repetition of a broad class after the unanchored start (<c>.{2,128}</c>, <c>[^"]{0,64}</c>) multiplies
    /// the states of the determinized automaton. Elasticsearch stops such a regexp at 10,000 determinized states
    /// (too_complex_to_determinize_exception), so the query does not run there either.
    /// </summary>
    private static readonly Dictionary<string, string> TooComplexForLucene = new(StringComparer.OrdinalIgnoreCase)
    {
        ["63bf8794-9917-45bc-88dd-e1b5abc0ecfd"] = "(Copy-Item|cpi) .{2,128} -Destination .{1,32}\\Windows\\",
        ["589ac73f-8e12-409c-964e-31a2f5775ae2"] = "\\.exe[\"']?\\s+[^\"]{0,64}werfaultsecure\\.exe",
    };

    public static string? Reason(string target, SigmaRule rule) =>
        rule.Id is { } id && LuceneTargets.Contains(target) && TooComplexForLucene.TryGetValue(id, out var pattern) ? Reason(pattern) : null;

    private static string Reason(string pattern) =>
        $"engine limit: the automaton of `{pattern}` is too large for Lucene (Lucene.Net does not determinize it in 60 s; Elasticsearch refuses regexps above 10,000 determinized states)";
}
