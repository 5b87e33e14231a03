using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// Values written as <c>*x*</c>, <c>*x</c> or <c>x*</c> (every value of the item, as written) say what the
/// contains, endswith and startswith modifiers say more readably; a lone <c>*</c> is left alone (exists-like).
/// </summary>
internal sealed class WildcardsInsteadOfModifiersValidator : DetectionItemValidator
{
    public override string Code => "SIG255";

    public override string Name => "wildcards-instead-of-modifiers";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "wildcards at the start and/or end of every value where contains/startswith/endswith would do";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        if (item.RawValues.Count == 0 || item.RawValues.Any(v => v is null)
            || item.Modifiers.Any(m => m is Modifier.Re or Modifier.Cidr or Modifier.FieldRef or Modifier.Exists))
        {
            yield break;
        }

        var written = item.RawValues.Select(v => SigmaString.Parse(v!).Parts).ToList();
        if (written.Any(p => p.Count < 2))
        {
            yield break;
        }

        if (written.All(p => p[0] is WildcardMultiPart && p[^1] is WildcardMultiPart && Plain(p, 1, p.Count - 1)) && !item.Modifiers.Contains(Modifier.Contains))
        {
            yield return Finding(item.Position, $"{Describe(item)}: every value starts and ends with *; use the 'contains' modifier");
        }
        else if (written.All(p => p[0] is WildcardMultiPart && Plain(p, 1, p.Count)) && !item.Modifiers.Contains(Modifier.EndsWith))
        {
            yield return Finding(item.Position, $"{Describe(item)}: every value starts with *; use the 'endswith' modifier");
        }
        else if (written.All(p => p[^1] is WildcardMultiPart && Plain(p, 0, p.Count - 1)) && !item.Modifiers.Contains(Modifier.StartsWith))
        {
            yield return Finding(item.Position, $"{Describe(item)}: every value ends with *; use the 'startswith' modifier");
        }
    }

    private static bool Plain(EquatableArray<StringPart> parts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (parts[i] is not LiteralPart)
            {
                return false;
            }
        }

        return true;
    }
}
