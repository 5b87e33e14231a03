using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Targets;

/// <summary>Splunk SPL: implicit AND, every AND in parentheses, lists as ORs, and '| table' of the rule's fields.</summary>
internal sealed class SplunkBackend(LegacyConfigChain config, BackendOptions options) : QueryBackend(config, options)
{
    private static readonly Dialect SplunkDialect = new()
    {
        And = " ",
        Or = " OR ",
        Not = "NOT ",
        ListSeparator = " ",
        Null = "NOT {0}=\"*\"",
        NotNull = "{0}=\"*\"",
        FieldValue = "{0}={1}",
        FieldList = "{0} IN {1}",
        Compare = "{0}{1}{2}",
        Exists = "{0}=\"*\"",
        NotExists = "NOT {0}=\"*\"",
        Cidr = "{0}=\"{1}\"",
    };

    private readonly bool _ruleComment = options.Bool("rulecomment", false);

    public override string Name => "splunk";

    protected override Dialect Dialect => SplunkDialect;

    protected override string? IndexField => "index";

    protected override string? And(QAnd node) => base.And(node) is { } joined ? "(" + joined + ")" : null;

    protected override string FieldList(string field, QList list) =>
        "(" + string.Join(" OR ", list.Items.Select(v => string.Format(Dialect.FieldValue, field, Value(v)))) + ")";

    protected override string Query(string condition, SigmaRule rule)
    {
        var query = _ruleComment ? $"# {rule.Title}\n{condition}\n" : condition;
        if (rule.Info.Fields.IsEmpty)
        {
            return query;
        }

        var columns = rule.Info.Fields.SelectMany(f => Config.ResolveField(f) is { Conditional: { } c } ? [c.Default?.FirstOrDefault() ?? f] : Config.ResolveField(f).Targets);
        return query + " | table " + string.Join(",", columns);
    }

    protected override string? Typed(string field, SigmaValue value)
    {
        if (value is SigmaString { Cased: true } cased && field.Length > 0)
        {
            // Splunk compares field values case-insensitively unless the value is wrapped in CASE().
            return $"{field}=CASE({Value(new QScalar(QueryTreeBuilder.LegacyText(cased with { Cased = false }), false))})";
        }

        return base.Typed(field, value);
    }
}
