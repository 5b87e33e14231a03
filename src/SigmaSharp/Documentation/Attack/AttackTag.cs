namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// Resolves Sigma's attack.* tags (attack.t1059.001, attack.defense-evasion, attack.g0069) against
/// an ATT&amp;CK table. Tags from a newer ATT&amp;CK release than the table are reported as such, not
/// as errors, because rule authors move faster than the table shipped with a given library build.
/// </summary>
public static class AttackTag
{
    public const string Namespace = "attack";

    /// <summary>Resolves against the table embedded in the library.</summary>
    public static AttackTagResult Resolve(string sigmaTag) => Resolve(sigmaTag, AttackTable.Bundled);

    public static AttackTagResult Resolve(string sigmaTag, AttackTable table)
    {
        ArgumentNullException.ThrowIfNull(sigmaTag);
        ArgumentNullException.ThrowIfNull(table);
        var prefix = Namespace + ".";
        if (!sigmaTag.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Result(AttackTagStatus.Malformed, null, null);
        }
        var body = sigmaTag[prefix.Length..];

        if (AttackIdShape.KindOf(body) is { } kind)
        {
            if (table.Find(body) is { } entry)
            {
                return Result(AttackTagStatus.Found, entry.Kind, entry);
            }
            return Result(table.Covers(kind) ? AttackTagStatus.NotInBundledVersion : AttackTagStatus.KindNotBundled, kind, null);
        }
        if (AttackIdShape.LooksLikeId(body) || !AttackIdShape.IsShortName(body))
        {
            return Result(AttackTagStatus.Malformed, null, null);
        }
        return table.FindTactic(body) is { } tactic
            ? Result(AttackTagStatus.Found, AttackObjectKind.Tactic, tactic)
            : Result(AttackTagStatus.NotInBundledVersion, AttackObjectKind.Tactic, null);

        AttackTagResult Result(AttackTagStatus status, AttackObjectKind? resultKind, AttackEntry? entry) =>
            new(sigmaTag, status, resultKind, entry, table.Version);
    }
}
