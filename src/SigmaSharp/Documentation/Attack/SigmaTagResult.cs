namespace SigmaSharp.Documentation.Attack;

/// <summary>The outcome of checking one rule tag.</summary>
/// <param name="Tag">The tag as written.</param>
/// <param name="Namespace">The part before the first dot (attack, car, cve, d3fend, detection, stp, tlp, ...).</param>
/// <param name="Status">How the tag fared.</param>
/// <param name="Name">The human name, when known (Privilege Escalation, Remote Desktop Logon, TLP:AMBER).</param>
/// <param name="Attack">For attack.* tags, the detailed ATT&amp;CK result (revoked, deprecated, kind, version).</param>
public sealed record SigmaTagResult(
    string Tag,
    string Namespace,
    SigmaTagStatus Status,
    string? Name,
    AttackTagResult? Attack);
