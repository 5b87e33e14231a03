using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Rules;
using SigmaSharp.Tests.Engines.Grep;
using SigmaSharp.Tests.Engines.Lucene;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// A conversion target and the engine its queries run on. Targets are created without configs or pipelines, so field
/// names stay as the rule writes them and no log-source condition is added: the proof compares detection logic only.
/// </summary>
internal sealed record EngineTarget(string Name, string Engine, Func<IBackend> CreateBackend, Func<string, SigmaRule, IReadOnlyList<FlatEvent>, HashSet<int>> Run)
{
    /// <summary>Why an event is outside what the engine can decide for a rule (null: it is compared).</summary>
    public Func<SigmaRule, FlatEvent, string?>? Undecidable { get; init; }

    /// <summary>grep ignores field names: its queries are judged against <see cref="GrepReading"/>, not the rule as written.</summary>
    public bool ReadsLines => Name == "grep";

    public static IReadOnlyList<EngineTarget> All { get; } =
    [
        new("pysigma-sqlite", "SQLite", () => ModernTargets.Create("pysigma-sqlite").Backend!, (q, r, e) => SqliteEngine.Run(q, RuleFields(r), e))
        {
            Undecidable = SqliteEngine.NonAddressInCidrField,
        },
        new("pysigma-lucene", "Lucene.Net", () => ModernTargets.Create("pysigma-lucene").Backend!, (q, _, e) => LuceneEngine.Run(q, e)),
        new("es-qs", "Lucene.Net", () => ConversionTargets.Create("es-qs").Backend!, (q, _, e) => LuceneEngine.Run(q, e)),
        new("graylog", "Lucene.Net", () => ConversionTargets.Create("graylog").Backend!, (q, _, e) => LuceneEngine.Run(q, e)),
        new("grep", "grep -P", () => ConversionTargets.Create("grep").Backend!, (q, _, e) => GrepEngine.Run(q, e)),
    ];

    /// <summary>Every field a rule names (items and field references), for columns no event has.</summary>
    public static IEnumerable<string> RuleFields(SigmaRule rule)
    {
        IEnumerable<string> Fields(DetectionNode node) => node switch
        {
            DetectionGroup group => group.Items.SelectMany(Fields),
            DetectionItem item => item.Values.OfType<Rules.Values.SigmaFieldRef>().Select(f => f.Field).Prepend(item.Field ?? string.Empty),
            _ => [],
        };
        return rule.Detection.SelectMany(d => Fields(d.Definition)).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
