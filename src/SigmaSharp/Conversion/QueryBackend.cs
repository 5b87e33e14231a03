using System.Collections.Immutable;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion;

/// <summary>
/// The shared renderer: walks the optimized query tree and spells each node with the target's <see cref="Dialect"/>.
/// Targets override only what the table cannot say. A value the target cannot express sets <see cref="Unsupported"/>,
/// which turns the rule's result into a SIG500 diagnostic.
/// </summary>
internal abstract class QueryBackend(LegacyConfigChain config, BackendOptions options) : IBackend
{
    protected LegacyConfigChain Config { get; } = config;

    /// <summary>Trees this thread built lately, shared by every target converting on it.</summary>
    [ThreadStatic]
    private static QueryTreeCache? t_trees;

    protected BackendOptions Options { get; } = options;

    /// <summary>
    /// <c>windash=sigmac</c>: expand windash into '-' and '/' only, as sigmac did, instead of the five dashes of
    /// current Sigma (docs/sigmac-differences.md).
    /// </summary>
    private readonly bool _sigmacWindash = options.Choice("windash", false, WindashChoices);

    private static readonly Dictionary<string, bool> WindashChoices = new(StringComparer.Ordinal) { ["spec"] = false, ["sigmac"] = true };

    /// <summary><c>escaping=sigmac</c>: sigmac's test for an existing trailing wildcard (docs/sigmac-differences.md).</summary>
    private readonly bool _sigmacEscaping = options.Choice("escaping", Targets.LegacyEscaping.Exact, Targets.LegacyEscapingOption.Choices) == Targets.LegacyEscaping.Sigmac;

    /// <summary>Options every target reads.</summary>
    internal static readonly string[] CommonOptionNames = ["windash", "escaping"];

    public abstract string Name { get; }

    protected abstract Dialect Dialect { get; }

    /// <summary>The field that selects an index in the query (Splunk's <c>index</c>), or null.</summary>
    protected virtual string? IndexField => null;

    /// <summary>Whether log source conditions from the config are added to the query.</summary>
    protected virtual bool UsesLogSourceConditions => true;

    /// <summary>The first reason the current rule cannot be expressed; null while it can.</summary>
    protected string? Unsupported { get; private set; }

    protected SigmaRule? CurrentRule { get; private set; }

    public virtual string? Finalize() => null;

    public virtual bool ConvertsIndependently => true;

    public ConversionResult Convert(SigmaRuleBase rule)
    {
        switch (rule)
        {
            case CorrelationRule:
                return Failed(rule, ConversionFacts.RuleKindNotSupported(rule.Source.Position, Name, "correlation"));
            case SigmaFilter:
                return Failed(rule, ConversionFacts.RuleKindNotSupported(rule.Source.Position, Name, "filter"));
        }

        var sigmaRule = (SigmaRule)rule;
        if (sigmaRule.Conditions.IsEmpty)
        {
            return Failed(rule, ConversionFacts.RuleHasNoCondition(rule.Source.Position));
        }

        var queries = ImmutableArray.CreateBuilder<string>();
        CurrentRule = sigmaRule;
        try
        {
            foreach (var condition in sigmaRule.Conditions)
            {
                Unsupported = null;
                if (condition.Aggregation is not null || condition.Expression is null)
                {
                    return Failed(rule, ConversionFacts.NotSupported(condition.Position, Name,
                        condition.Expression is null ? "the condition did not parse" : "aggregations in conditions (use a correlation rule)"));
                }

                var query = ConvertCondition(sigmaRule, condition.Expression);
                if (Unsupported is not null || query is null)
                {
                    return Failed(rule, ConversionFacts.NotSupported(condition.Position, Name, Unsupported ?? "the condition selects nothing the target can search"));
                }

                queries.Add(query);
            }
        }
        finally
        {
            CurrentRule = null;
        }

        return Completed(new ConversionResult(rule, queries.ToImmutable(), EquatableArray<SigmaDiagnostic>.Empty));
    }

    /// <summary>A converted rule's result, before it is returned: where a target records what only converted rules count for.</summary>
    protected virtual ConversionResult Completed(ConversionResult result) => result;

    private static ConversionResult Failed(SigmaRuleBase rule, SigmaDiagnostic diagnostic) =>
        new(rule, EquatableArray<string>.Empty, ImmutableArray.Create(diagnostic));

    protected virtual string? ConvertCondition(SigmaRule rule, Rules.Conditions.ConditionNode condition)
    {
        var key = new QueryTreeKey(rule, condition, Config, IndexField, UsesLogSourceConditions, new(_sigmacWindash, _sigmacEscaping));
        var tree = (t_trees ??= new QueryTreeCache()).GetOrBuild(key);
        return tree is null ? null : Query(Node(tree) ?? string.Empty, rule);
    }

    /// <summary>Wraps the rendered condition into the complete query (prefix, suffix, table of fields).</summary>
    protected virtual string Query(string condition, SigmaRule rule) => condition;

    protected void NotSupported(string reason) => Unsupported ??= reason;

    protected virtual string? Node(QNode node) => node switch
    {
        QAnd and => And(and),
        QOr or => Or(or),
        QNot not => Not(not),
        QGroup group => Group(group),
        QField field => Field(field),
        QKeyword keyword => Keyword(keyword.Value),
        QNull { Negated: false } n => string.Format(Dialect.Null, n.Field),
        QNull n => string.Format(Dialect.NotNull, n.Field),
        QAsIs asIs => string.Format(Dialect.List, asIs.Text),
        _ => null,
    };

    protected virtual string? And(QAnd node) => Join(node.Items, Dialect.And);

    protected virtual string? Or(QOr node) => Join(node.Items, Dialect.Or);

    protected string? Join(IEnumerable<QNode> items, string token)
    {
        var parts = items.Select(Node).Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join(token, parts);
    }

    protected virtual string? Not(QNot node) => Node(node.Item) is { } inner ? Dialect.Not + inner : null;

    protected virtual string? Group(QGroup node) => Node(node.Inner) is { Length: > 0 } inner ? string.Format(Dialect.Group, inner) : null;

    protected virtual string? Field(QField node) => node.Value switch
    {
        QScalar scalar => string.Format(Dialect.FieldValue, node.Field, Value(scalar)),
        QList list when Dialect.FieldList is not null => FieldList(node.Field, list),
        QList list => string.Format(Dialect.FieldValue, node.Field, List(list)),
        QNone => string.Format(Dialect.Null, node.Field),
        QRegex regex => Regex(node.Field, regex.Regex),
        QTyped { Value: SigmaString { HasPlaceholders: true } } => Placeholder(),
        QTyped typed => Typed(node.Field, typed.Value),
        _ => null,
    };

    protected virtual string FieldList(string field, QList list) => string.Format(Dialect.FieldList!, field, List(list));

    protected virtual string List(QList list)
    {
        var values = list.Items.Select(Value).ToList();
        return values.Count == 1 ? values[0] : string.Format(Dialect.List, string.Join(Dialect.ListSeparator, values));
    }

    protected virtual string Value(QScalar scalar) =>
        string.Format(Dialect.Value, scalar.IsInteger ? scalar.Text : ValueEscaper.Escape(scalar.Text, Dialect));

    protected virtual string? Keyword(QScalar value) => Value(value);

    protected virtual string? Regex(string field, SigmaRegex regex)
    {
        NotSupported("regular expressions ('re' modifier)");
        return null;
    }

    /// <summary>Values only current Sigma has; each is rendered when the dialect table has a form for it.</summary>
    protected virtual string? Typed(string field, SigmaValue value)
    {
        if (field.Length == 0)
        {
            NotSupported("a keyword (field-less) value of this kind");
            return null;
        }

        switch (value)
        {
            case SigmaCompare compare when Dialect.Compare is not null:
                return string.Format(Dialect.Compare!, field, CompareOperator(compare.Operator), compare.Number.Text);
            case SigmaExists exists when Dialect.Exists is not null:
                return string.Format(exists.Exists ? Dialect.Exists : Dialect.NotExists!, field);
            case SigmaCidr cidr when Dialect.Cidr is not null:
                return string.Format(Dialect.Cidr, field, ValueEscaper.Escape(cidr.Network.ToString(), Dialect));
            default:
                NotSupported(Describe(value));
                return null;
        }
    }

    /// <summary>Every target alike: a placeholder names values only a pipeline knows, so there is nothing to write yet.</summary>
    private string? Placeholder()
    {
        NotSupported("placeholders ('expand' modifier) must be replaced by a pipeline before conversion");
        return null;
    }

    protected static string CompareOperator(CompareOperator op) => op switch
    {
        Rules.Values.CompareOperator.LessThan => "<",
        Rules.Values.CompareOperator.LessThanOrEqual => "<=",
        Rules.Values.CompareOperator.GreaterThan => ">",
        _ => ">=",
    };

    protected static string Describe(SigmaValue value) => value switch
    {
        SigmaCompare => "numeric comparisons ('lt', 'lte', 'gt', 'gte' modifiers)",
        SigmaExists => "field existence tests ('exists' modifier)",
        SigmaCidr => "CIDR network matching ('cidr' modifier)",
        SigmaFieldRef => "comparing two fields ('fieldref' modifier)",
        SigmaString { Cased: true } => "case-sensitive matching ('cased' modifier)",
        SigmaTimePart => "matching parts of timestamps ('minute', 'hour', ... modifiers)",
        SigmaRegex => "regular expressions ('re' modifier)",
        _ => "values of type " + value.GetType().Name,
    };
}
