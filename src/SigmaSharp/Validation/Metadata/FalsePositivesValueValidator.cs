using System.Collections.Frozen;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>
/// SigmaHQ does not accept "None", "Pentest", "Red Team" and the like as false positives: they tell the analyst
/// nothing (use "Unknown" or "Unlikely", or describe the benign activity).
/// </summary>
internal sealed class FalsePositivesValueValidator : RuleValidator
{
    private static readonly FrozenSet<string> Refused = new[]
    {
        "none", "pentest", "pentests", "penetration test", "penetration tests", "penetration testing", "red team",
        "red teams", "red teaming", "n/a", "na", "-",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public override string Code => "SIG423";

    public override string Name => "falsepositives-value";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a false positive entry is a refused keyword (None, Pentest, Red Team, ...)";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        rule.Info.FalsePositives.Where(f => Refused.Contains(f.Trim()))
            .Select(f => Finding(RulePosition(rule), $"false positive '{f}' is not informative; use 'Unknown', 'Unlikely' or describe the benign activity"));
}
