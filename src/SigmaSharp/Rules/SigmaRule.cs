using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Rules;

/// <summary>A Sigma detection rule.</summary>
public sealed record SigmaRule(
    RuleInfo Info,
    LogSource LogSource,
    EquatableArray<SearchIdentifier> Detection,
    EquatableArray<SigmaCondition> Conditions,
    string? Timeframe,
    RuleSource Source) : SigmaRuleBase(Info, Source)
{
    public SearchIdentifier? FindIdentifier(string name) =>
        Detection.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
}
