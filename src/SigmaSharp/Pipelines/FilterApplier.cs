using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Pipelines;

/// <summary>
/// Applies Sigma filters to the rules they name (filters specification v2.1): the filter's search identifiers are
/// added to the rule under a prefix, and every condition of the rule becomes <c>(condition) and (filter condition)</c>.
/// Which rules a filter applies to is <see cref="AppliesTo"/>, shared with the evaluator so that a converted query
/// and a scan never disagree. Returns new rules; the input is not changed.
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
            if (AppliesTo(filter, rule) && filter.Conditions.Count > 0 && filter.Conditions[0].Expression is not null)
            {
                rule = AddFilter(rule, filter, $"_filter{i + 1}_");
            }
        }

        return rule;
    }

    /// <summary>
    /// pySigma's semantics: the filter's <c>rules</c> name the rule (by id, or by name) or are <c>any</c>, and each
    /// log source attribute the filter sets equals the rule's.
    /// </summary>
    public static bool AppliesTo(SigmaFilter filter, SigmaRule rule)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(rule);
        return Covers(filter.LogSource.Category, rule.LogSource.Category)
               && Covers(filter.LogSource.Product, rule.LogSource.Product)
               && Covers(filter.LogSource.Service, rule.LogSource.Service)
               && filter.Rules.Any(r =>
                   r.Equals("any", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(r, rule.Id, StringComparison.OrdinalIgnoreCase)
                   || string.Equals(r, rule.Name, StringComparison.Ordinal));
    }

    private static bool Covers(string? filterValue, string? ruleValue) =>
        filterValue is null || string.Equals(filterValue, ruleValue, StringComparison.OrdinalIgnoreCase);

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
