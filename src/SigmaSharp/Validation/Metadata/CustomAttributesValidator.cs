using System.Collections.Frozen;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>Misspelt standard attributes (realted, reference) are kept as custom attributes and silently ignored.</summary>
internal sealed class CustomAttributesValidator : RuleValidator
{
    private static readonly FrozenDictionary<string, string> Misspellings = new Dictionary<string, string>
    {
        ["realted"] = "related", ["relatde"] = "related", ["relted"] = "related", ["rlated"] = "related",
        ["reference"] = "references", ["tag"] = "tags", ["falsepositive"] = "falsepositives",
        ["false_positives"] = "falsepositives", ["field"] = "fields", ["authors"] = "author",
        ["descriptions"] = "description", ["modifed"] = "modified", ["statuses"] = "status",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override string Code => "SIG409";

    public override string Name => "custom-attributes";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "a custom attribute looks like a misspelt standard one (realted, reference, ...)";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        foreach (var attribute in rule.Info.Custom)
        {
            if (Misspellings.TryGetValue(attribute.Name, out var meant))
            {
                yield return Finding(attribute.Position, $"attribute '{attribute.Name}' is not standard and is ignored; did you mean '{meant}'?");
            }
        }
    }
}
