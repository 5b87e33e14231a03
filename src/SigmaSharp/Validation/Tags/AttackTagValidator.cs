using SigmaSharp.Documentation.Attack;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Tags;

/// <summary>
/// An attack.* tag that is malformed, or names an ID no ATT&amp;CK release can have issued (see
/// <see cref="AttackIdPlausibility"/>), maps the rule to nothing in ATT&amp;CK coverage tools.
/// </summary>
internal sealed class AttackTagValidator : TagValidator
{
    public override string Code => "SIG443";

    public override string Name => "attack-tag";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "an attack.* tag is malformed or names an ATT&CK ID that no release holds or can add";

    protected override IEnumerable<SigmaDiagnostic> Check(Rules.SigmaTag tag)
    {
        if (!string.Equals(tag.Namespace, AttackTag.Namespace, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var result = AttackTag.Resolve(tag.ToString());
        if (result.Status == AttackTagStatus.Malformed)
        {
            yield return Finding(tag.Position, $"tag '{tag}' is not an ATT&CK tactic short name or ID (attack.t1059.001, attack.execution, attack.g0069)");
        }
        else if (result is { Status: AttackTagStatus.NotInBundledVersion, Kind: not AttackObjectKind.Tactic } && !AttackIdPlausibility.Bundled.MayBeNewer(tag.Name))
        {
            yield return Finding(tag.Position, $"tag '{tag}' is not in ATT&CK v{result.BundledVersion} and below the highest ID of its kind there, so no newer release can add it: a typo, or a retired (PRE-ATT&CK) ID");
        }
    }
}
