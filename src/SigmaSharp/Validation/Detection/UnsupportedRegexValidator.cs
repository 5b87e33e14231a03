using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// The modifiers appendix allows only a PCRE subset; lookaround, backreferences and the like are refused by
/// several backends (RE2-based ones, Elasticsearch), so a rule using them is not portable.
/// </summary>
internal sealed class UnsupportedRegexValidator : DetectionItemValidator
{
    public override string Code => "SIG261";

    public override string Name => "regex-unsupported-construct";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a regular expression uses a construct outside the specification's PCRE subset";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        foreach (var regex in item.Values.OfType<SigmaRegex>())
        {
            var constructs = RegexConstructScanner.Find(regex.Pattern);
            if (constructs.Count > 0)
            {
                yield return Finding(item.Position, $"{Describe(item)} regex '{regex.Pattern}' uses {string.Join(", ", constructs)}, outside the specification's PCRE subset");
            }
        }
    }
}
