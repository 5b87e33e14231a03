using SigmaSharp.Documentation.Attack;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Tags;

/// <summary>MITRE revoked or deprecated the object a tag names; coverage tools no longer show it.</summary>
internal sealed class AttackTagRevokedValidator : TagValidator
{
    public override string Code => "SIG445";

    public override string Name => "attack-tag-revoked";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "an attack.* tag names a revoked or deprecated ATT&CK object";

    protected override IEnumerable<SigmaDiagnostic> Check(Rules.SigmaTag tag)
    {
        if (!string.Equals(tag.Namespace, AttackTag.Namespace, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var result = AttackTag.Resolve(tag.ToString());
        if (result is { Status: AttackTagStatus.Found, Entry: { IsCurrent: false } entry })
        {
            var replacement = entry.RevokedBy is { } by ? $"; use attack.{by.ToLowerInvariant()}" : string.Empty;
            yield return Finding(tag.Position, $"tag '{tag}' names {entry.Id} {entry.Name}, which MITRE {(entry.IsRevoked ? "revoked" : "deprecated")}{replacement}");
        }
    }
}
