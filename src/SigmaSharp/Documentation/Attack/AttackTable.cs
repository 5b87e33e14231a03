using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// The ATT&amp;CK facts SigmaSharp ships (data/attack.tsv, generated from MITRE's STIX bundles), for
/// naming tactics and techniques in documentation and checking rule tags. Loaded once, on first use.
/// </summary>
public sealed class AttackTable
{
    internal const string ResourceName = "SigmaSharp.data.attack.tsv";

    private static readonly Lazy<AttackTable> BundledTable = new(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, AttackEntry> _byId;
    private readonly FrozenDictionary<string, ImmutableArray<AttackEntry>> _tacticsByShortName;
    private readonly FrozenSet<AttackObjectKind> _kinds;

    private AttackTable(string version, ImmutableArray<AttackEntry> entries)
    {
        Version = version;
        Entries = entries;
        _byId = entries.ToFrozenDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        _tacticsByShortName = entries
            .Where(e => e.Kind == AttackObjectKind.Tactic && e.ShortName is not null)
            .GroupBy(e => e.ShortName!, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.OrderBy(e => DomainRank(e.Domains)).ThenBy(e => e.Id, StringComparer.Ordinal).ToImmutableArray(),
                StringComparer.Ordinal);
        _kinds = entries.Select(e => e.Kind).ToFrozenSet();
    }

    /// <summary>The table embedded in this library.</summary>
    public static AttackTable Bundled => BundledTable.Value;

    /// <summary>The ATT&amp;CK release the table was generated from, as MITRE numbers it (e.g. "18.1").</summary>
    public string Version { get; }

    /// <summary>All rows in table order: tactics, techniques with their sub-techniques, groups, software, ...</summary>
    public ImmutableArray<AttackEntry> Entries { get; }

    /// <summary>Reads a table in the data/attack.tsv format, e.g. one generated from a newer ATT&amp;CK release.</summary>
    public static AttackTable Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (version, entries) = AttackTableReader.Read(reader);
        return new AttackTable(version, entries);
    }

    /// <summary>Finds any object by its ATT&amp;CK ID (T1059, t1059.001, TA0005, G0069, S0002, M1036), ignoring case.</summary>
    public AttackEntry? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.GetValueOrDefault(id.Trim());
    }

    /// <summary>
    /// Finds a tactic by its shortname in MITRE's or Sigma's spelling: "defense-evasion",
    /// "defense_evasion" or the whole tag "attack.defense_evasion". Mobile and ICS reuse
    /// enterprise shortnames; the enterprise tactic is returned, as Sigma rules mean it.
    /// </summary>
    public AttackEntry? FindTactic(string shortName)
    {
        var all = FindTactics(shortName);
        return all.IsEmpty ? null : all[0];
    }

    /// <summary>Every tactic with this shortname, enterprise first, then mobile, then ICS.</summary>
    public ImmutableArray<AttackEntry> FindTactics(string shortName)
    {
        ArgumentNullException.ThrowIfNull(shortName);
        var key = shortName.Trim();
        if (key.StartsWith("attack.", StringComparison.OrdinalIgnoreCase))
        {
            key = key["attack.".Length..];
        }
        return _tacticsByShortName.GetValueOrDefault(AttackIdShape.NormalizeShortName(key), []);
    }

    /// <summary>The tactics a technique belongs to, taken from the technique's own matrix.</summary>
    public ImmutableArray<AttackEntry> TacticsOf(AttackEntry technique)
    {
        ArgumentNullException.ThrowIfNull(technique);
        var result = ImmutableArray.CreateBuilder<AttackEntry>();
        foreach (var shortName in technique.Tactics)
        {
            var candidates = _tacticsByShortName.GetValueOrDefault(shortName, []);
            var tactic = candidates.FirstOrDefault(t => (t.Domains & technique.Domains) != 0);
            if (tactic is not null)
            {
                result.Add(tactic);
            }
        }
        return result.ToImmutable();
    }

    /// <summary>
    /// For a revoked object, the object that finally replaced it (following chains of revocations);
    /// for any other object, the object itself. Null when MITRE names no successor in the table.
    /// </summary>
    public AttackEntry? Current(AttackEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var current = entry;
        while (current.IsRevoked)
        {
            if (!seen.Add(current.Id) || current.RevokedBy is null || Find(current.RevokedBy) is not { } next)
            {
                return null;
            }
            current = next;
        }
        return current;
    }

    /// <summary>Whether the table holds any object of this kind (the shipped one has no groups or software when its bundles lack them).</summary>
    public bool Covers(AttackObjectKind kind) =>
        _kinds.Contains(kind) || (kind == AttackObjectKind.Subtechnique && _kinds.Contains(AttackObjectKind.Technique));

    /// <summary>Mobile and ICS reuse enterprise shortnames; Sigma rules mean enterprise, so it ranks first.</summary>
    private static int DomainRank(AttackDomains domains) =>
        domains.HasFlag(AttackDomains.Enterprise) ? 0 : domains.HasFlag(AttackDomains.Mobile) ? 1 : 2;

    private static AttackTable LoadBundled()
    {
        using var stream = typeof(AttackTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
