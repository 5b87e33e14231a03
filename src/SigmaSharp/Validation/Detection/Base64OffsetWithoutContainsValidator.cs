using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// base64offset yields the middle part of an encoding, which is always surrounded by further characters in
/// the event: without <c>contains</c> it cannot match.
/// </summary>
internal sealed class Base64OffsetWithoutContainsValidator : DetectionItemValidator
{
    public override string Code => "SIG258";

    public override string Name => "base64offset-without-contains";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "'base64offset' without 'contains': the encoded fragments never equal a whole field";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        if (item.Modifiers.Contains(Modifier.Base64Offset) && !item.Modifiers.Contains(Modifier.Contains))
        {
            yield return Finding(item.Position, $"{Describe(item)}: 'base64offset' needs 'contains'");
        }
    }
}
