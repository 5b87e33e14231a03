using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

internal static class RuleDates
{
    public static IEnumerable<(string Attribute, SigmaDate Date)> Of(SigmaRuleBase rule)
    {
        if (rule.Info.Date is { } date)
        {
            yield return ("date", date);
        }

        if (rule.Info.Modified is { } modified)
        {
            yield return ("modified", modified);
        }
    }
}
