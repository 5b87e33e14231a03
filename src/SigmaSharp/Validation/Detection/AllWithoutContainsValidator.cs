using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// <c>Field|all: [a, b]</c> asks one field to equal two different values at once: it never matches.
/// Unlike pySigma we accept startswith/endswith/re with <c>all</c> (a value can start with both "a" and "ab")
/// and values that hold wildcards, which can match together too.
/// </summary>
internal sealed class AllWithoutContainsValidator : DetectionItemValidator
{
    public override string Code => "SIG256";

    public override string Name => "all-without-contains";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "a field-bound 'all' over exact values that can never all be equal to one field";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        if (item.IsKeyword || item.ValueLinking != Linking.And || item.Negated
            || item.Modifiers.Any(m => m is Modifier.Contains or Modifier.StartsWith or Modifier.EndsWith or Modifier.Re or Modifier.Cidr))
        {
            yield break;
        }

        var exact = item.Values.Where(v => v is not SigmaString s || !s.HasWildcards).Distinct().Count();
        if (exact > 1)
        {
            yield return Finding(item.Position, $"{Describe(item)}: 'all' requires the field to equal {exact} different values at once, which never matches; add 'contains'?");
        }
    }
}
