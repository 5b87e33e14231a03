using SigmaSharp.Documentation.Attack;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Tags;

/// <summary>
/// A well-formed attack.* tag absent from the bundled ATT&amp;CK release is most likely from a newer one (v19's
/// attack.stealth, attack.t1685): rule authors move faster than a library release, so this is only a warning.
/// </summary>
internal sealed class AttackTagNewerValidator : TagValidator
{
    public override string Code => "SIG444";

    public override string Name => "attack-tag-not-bundled";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "an attack.* tag is not in the bundled ATT&CK release (probably a newer release)";

    protected override IEnumerable<SigmaDiagnostic> Check(Rules.SigmaTag tag)
    {
        if (!string.Equals(tag.Namespace, AttackTag.Namespace, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var result = AttackTag.Resolve(tag.ToString());
        if (result.Status == AttackTagStatus.NotInBundledVersion
            && (result.Kind == AttackObjectKind.Tactic || AttackIdPlausibility.Bundled.MayBeNewer(tag.Name)))
        {
            var what = result.Kind == AttackObjectKind.Tactic ? "tactic" : result.Kind?.ToString().ToLowerInvariant() ?? "object";
            yield return Finding(tag.Position, $"tag '{tag}': no such {what} in the bundled ATT&CK v{result.BundledVersion}; from a newer release, or a typo?");
        }
    }
}
