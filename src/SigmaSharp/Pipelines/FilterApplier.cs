using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Pipelines;

/// <summary>
/// Applies Sigma filters to the rules they name (filters specification v2.1): the filter's search identifiers are
/// added to the rule under a prefix, and every condition of the rule becomes <c>(condition) and (filter condition)</c>.
/// A filter applies only when its log source covers the rule's (each of category, product and service the filter
/// sets must equal the rule's), as pySigma does. Returns new rules; the input is not changed.
/// </summary>
public static class FilterApplier
{
    public static RuleCollection Apply(RuleCollection collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var filters = collection.Filters.ToList();
        if (filters.Count == 0)
        {
            return collection;
        }

        var rules = collection.Rules.Select(rule => rule is SigmaRule detection ? Apply(detection, filters) : rule);
        return collection with { Rules = rules.ToEquatableArray() };
    }

    public static SigmaRule Apply(SigmaRule rule, IReadOnlyList<SigmaFilter> filters)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(filters);
        for (var i = 0; i < filters.Count; i++)
        {
            var filter = filters[i];
            if (Targets(filter, rule) && Covers(filter.LogSource, rule.LogSource) && filter.Conditions.Count > 0 && filter.Conditions[0].Expression is not null)
            {
                rule = AddFilter(rule, filter, $"_filter{i + 1}_");
            }
        }

        return rule;
    }

    private static bool Targets(SigmaFilter filter, SigmaRule rule) =>
        filter.Rules.Any(r => string.Equals(r, rule.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(r, rule.Name, StringComparison.Ordinal));

    internal static bool Covers(LogSource filter, LogSource rule) =>
        (filter.Category is null || filter.Category == rule.Category)
        && (filter.Product is null || filter.Product == rule.Product)
        && (filter.Service is null || filter.Service == rule.Service);

    private static SigmaRule AddFilter(SigmaRule rule, SigmaFilter filter, string prefix)
    {
        var filterCondition = filter.Conditions[0];
        var renamed = Rename(filterCondition.Expression!, prefix);
        var identifiers = rule.Detection.Concat(filter.Detection.Select(d => d with { Name = prefix + d.Name }));
        var conditions = rule.Conditions.Select(c => c.Expression is null
            ? c
            : c with
            {
                Text = $"({c.Text}) and ({filterCondition.Text})",
                Expression = new AndNode(new[] { c.Expression, renamed }, c.Position),
            });
        return rule with { Detection = identifiers.ToEquatableArray(), Conditions = conditions.ToEquatableArray() };
    }

    private static ConditionNode Rename(ConditionNode node, string prefix) => node switch
    {
        AndNode a => a with { Operands = a.Operands.Select(o => Rename(o, prefix)).ToEquatableArray() },
        OrNode o => o with { Operands = o.Operands.Select(x => Rename(x, prefix)).ToEquatableArray() },
        NotNode n => n with { Operand = Rename(n.Operand, prefix) },
        SelectionNode s => s with { Name = prefix + s.Name },
        OfNode of => of with { Pattern = of.Pattern is null ? null : prefix + of.Pattern, Matches = of.Matches.Select(m => prefix + m).ToEquatableArray() },
        _ => node,
    };
}
