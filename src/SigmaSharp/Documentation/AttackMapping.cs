using System.Collections.Immutable;
using SigmaSharp.Documentation.Attack;
using SigmaSharp.Rules;

namespace SigmaSharp.Documentation;

/// <summary>One attack.* tag of a rule, resolved: the entry when the table knows it.</summary>
/// <param name="Tag">The tag as written (attack.t1191).</param>
/// <param name="Id">The ATT&amp;CK ID (T1191, TA0005), or the tag's body when the table does not know it.</param>
/// <param name="Entry">The table row; null for tags newer than the table.</param>
public sealed record ResolvedAttackTag(string Tag, string Id, AttackEntry? Entry)
{
    /// <summary>"T1191: CMSTP (revoked)", "T1548.002: Bypass User Account Control", "T1685 (not in ATT&amp;CK v18.1)".</summary>
    public string Label(string tableVersion) => Entry is null
        ? $"{Id} (not in ATT&CK v{tableVersion})"
        : $"{Entry.Id}: {Entry.Name}{Flag}";

    /// <summary>" (revoked)" or " (deprecated)": deliberate, so an old tag does not look current.</summary>
    public string Flag => Entry is null ? string.Empty : Entry.IsRevoked ? " (revoked)" : Entry.IsDeprecated ? " (deprecated)" : string.Empty;

    /// <summary>The attack.mitre.org page: /tactics/TA0005, /techniques/T1548/002; null when unknown.</summary>
    public Uri? Link => Entry is null ? null : new Uri(Entry.Kind switch
    {
        AttackObjectKind.Tactic => $"https://attack.mitre.org/tactics/{Entry.Id}",
        AttackObjectKind.Technique or AttackObjectKind.Subtechnique => $"https://attack.mitre.org/techniques/{Entry.Id.Replace('.', '/')}",
        _ => $"https://attack.mitre.org/",
    });
}

/// <summary>The tactics and techniques a rule's tags name, in tag order, resolved against an ATT&amp;CK table.</summary>
/// <param name="Tactics">Tactic tags, once each.</param>
/// <param name="Techniques">Technique and sub-technique tags, once each.</param>
/// <param name="Unknown">attack.* tags the table cannot name: newer than the table, or malformed.</param>
/// <param name="Others">attack.* tags of other kinds (groups, software, data sources), found or of a kind the table lacks.</param>
public sealed record AttackMapping(
    ImmutableArray<ResolvedAttackTag> Tactics,
    ImmutableArray<ResolvedAttackTag> Techniques,
    ImmutableArray<string> Unknown,
    ImmutableArray<string> Others)
{
    public static AttackMapping Of(RuleInfo info, AttackTable table)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(table);
        var tactics = ImmutableArray.CreateBuilder<ResolvedAttackTag>();
        var techniques = ImmutableArray.CreateBuilder<ResolvedAttackTag>();
        var unknown = ImmutableArray.CreateBuilder<string>();
        var others = ImmutableArray.CreateBuilder<string>();
        foreach (var tag in info.Tags)
        {
            if (!string.Equals(tag.Namespace, AttackTag.Namespace, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var text = tag.ToString();
            var result = AttackTag.Resolve(text, table);
            var target = result.Kind switch
            {
                AttackObjectKind.Tactic => tactics,
                AttackObjectKind.Technique or AttackObjectKind.Subtechnique => techniques,
                _ => null,
            };
            if (result.Status == AttackTagStatus.Found && target is not null)
            {
                AddOnce(target, new ResolvedAttackTag(text, result.Entry!.Id, result.Entry));
            }
            else if (result.Status == AttackTagStatus.NotInBundledVersion && target is not null)
            {
                AddOnce(target, new ResolvedAttackTag(text, target == tactics ? tag.Name : tag.Name.ToUpperInvariant(), null));
                unknown.Add(text);
            }
            else if (result.Status is AttackTagStatus.Found or AttackTagStatus.KindNotBundled)
            {
                others.Add(text);
            }
            else
            {
                unknown.Add(text);
            }
        }
        return new AttackMapping(tactics.ToImmutable(), techniques.ToImmutable(), unknown.ToImmutable(), others.ToImmutable());
    }

    /// <summary>
    /// The techniques to test: each technique tag replaced by its current successor when revoked, once each, in tag
    /// order; deprecated ones (no successor) and ones unknown to the table left out. This is the rule behind the
    /// seed's Trigger column, which lists T1548.002 and T1218.003 but not the revoked T1191 and T1088.
    /// </summary>
    public ImmutableArray<AttackEntry> CurrentTechniques(AttackTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var result = ImmutableArray.CreateBuilder<AttackEntry>();
        foreach (var technique in Techniques)
        {
            if (technique.Entry is not null && table.Current(technique.Entry) is { IsCurrent: true } current
                && !result.Any(e => string.Equals(e.Id, current.Id, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(current);
            }
        }
        return result.ToImmutable();
    }

    private static void AddOnce(ImmutableArray<ResolvedAttackTag>.Builder list, ResolvedAttackTag tag)
    {
        if (!list.Any(t => string.Equals(t.Id, tag.Id, StringComparison.OrdinalIgnoreCase)))
        {
            list.Add(tag);
        }
    }
}
