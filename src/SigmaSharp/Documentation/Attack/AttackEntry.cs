using System.Collections.Immutable;

namespace SigmaSharp.Documentation.Attack;

/// <summary>
/// One row of the ATT&amp;CK table: facts only, no description text. Revoked and deprecated
/// objects keep their last name so that old rule tags still say what they meant.
/// </summary>
/// <param name="Kind">Tactic, technique, group, ...</param>
/// <param name="Id">The ATT&amp;CK ID as MITRE writes it (T1059.001, TA0005, G0069).</param>
/// <param name="Name">The object's name in the bundled ATT&amp;CK version.</param>
/// <param name="Domains">The matrices the object belongs to.</param>
/// <param name="ShortName">For a tactic, its shortname (defense-evasion); otherwise null.</param>
/// <param name="Tactics">For a technique, the shortnames of its tactics (kill chain phases) in its own domain(s).</param>
/// <param name="IsRevoked">MITRE replaced the object by another one (see <paramref name="RevokedBy"/>).</param>
/// <param name="IsDeprecated">MITRE withdrew the object without a successor.</param>
/// <param name="RevokedBy">The ID of the object that replaced a revoked one, if MITRE says.</param>
/// <param name="Version">The object's own x_mitre_version.</param>
public sealed record AttackEntry(
    AttackObjectKind Kind,
    string Id,
    string Name,
    AttackDomains Domains,
    string? ShortName,
    ImmutableArray<string> Tactics,
    bool IsRevoked,
    bool IsDeprecated,
    string? RevokedBy,
    string Version)
{
    /// <summary>Neither revoked nor deprecated.</summary>
    public bool IsCurrent => !IsRevoked && !IsDeprecated;

    public override string ToString() => $"{Id} {Name}";
}
