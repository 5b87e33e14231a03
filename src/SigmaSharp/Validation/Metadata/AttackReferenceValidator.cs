using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>SigmaHQ: links to the ATT&amp;CK site are expressed as attack.* tags, which tools can read, not as references.</summary>
internal sealed class AttackReferenceValidator : RuleValidator
{
    public override string Code => "SIG425";

    public override string Name => "attack-reference";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a reference links to attack.mitre.org; use an attack.* tag instead";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        rule.Info.References.Where(r => Uri.TryCreate(r.Trim(), UriKind.Absolute, out var uri) && uri.Host.Equals("attack.mitre.org", StringComparison.OrdinalIgnoreCase))
            .Select(r => Finding(RulePosition(rule), $"reference '{r}' links to ATT&CK; express it as an attack.* tag"));
}
