using System.Collections.Immutable;
using System.Globalization;
using System.Text;
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
        if (tree is null)
        {
            return null;
        }

        // The whole condition is written into one builder: no node becomes a string of its own that its parent copies.
        var text = t_text ??= new StringBuilder(1024);
        text.Clear();
        Node(tree, text);
        return Query(text.ToString(), rule);
    }

    /// <summary>The builder this thread writes conditions into, reused from rule to rule.</summary>
    [ThreadStatic]
    private static StringBuilder? t_text;

    /// <summary>Wraps the rendered condition into the complete query (prefix, suffix, table of fields).</summary>
    protected virtual string Query(string condition, SigmaRule rule) => condition;

    protected void NotSupported(string reason) => Unsupported ??= reason;

    /// <summary>
    /// Writes a node at the end of <paramref name="into"/>. False when the node says nothing the target can search
    /// (it is left out of its parent); <paramref name="into"/> is then as it was.
    /// </summary>
    protected virtual bool Node(QNode node, StringBuilder into) => node switch
    {
        QAnd and => And(and, into),
        QOr or => Or(or, into),
        QNot not => Not(not, into),
        QGroup group => Group(group, into),
        QField field => Field(field, into),
        QKeyword keyword => Keyword(keyword.Value, into),
        QNull { Negated: false } n => DialectForm.Append(into, Dialect.Null, n.Field),
        QNull n => DialectForm.Append(into, Dialect.NotNull, n.Field),
        QAsIs asIs => DialectForm.Append(into, Dialect.List, asIs.Text),
        _ => false,
    };

    /// <summary>A node written on its own, for a target that has to look at it before it is placed; null as <see cref="Node(QNode, StringBuilder)"/>.</summary>
    protected string? NodeText(QNode node, StringBuilder scratch)
    {
        var start = scratch.Length;
        if (!Node(node, scratch))
        {
            return null;
        }

        var text = scratch.ToString(start, scratch.Length - start);
        scratch.Length = start;
        return text;
    }

    protected virtual bool And(QAnd node, StringBuilder into) => Join(node.Items, Dialect.And, into);

    protected virtual bool Or(QOr node, StringBuilder into) => Join(node.Items, Dialect.Or, into);

    /// <summary>The items that say something, separated by <paramref name="token"/>; false when none does.</summary>
    protected bool Join(List<QNode> items, string token, StringBuilder into) => JoinCount(items, token, into) > 0;

    /// <summary>As <see cref="Join"/>, counting the items written.</summary>
    protected int JoinCount(List<QNode> items, string token, StringBuilder into)
    {
        var written = 0;
        foreach (var item in items)
        {
            var mark = into.Length;
            if (written > 0)
            {
                into.Append(token);
            }

            if (Operand(item, into))
            {
                written++;
            }
            else
            {
                into.Length = mark;
            }
        }

        return written;
    }

    /// <summary>One operand of an AND or OR; false (and nothing written) as <see cref="Node(QNode, StringBuilder)"/>.</summary>
    protected virtual bool Operand(QNode item, StringBuilder into) => Node(item, into);

    protected virtual bool Not(QNot node, StringBuilder into) => Wrapped(into, Dialect.Not, node.Item, string.Empty);

    /// <summary>A node between a prefix and a suffix; nothing at all when the node says nothing.</summary>
    protected bool Wrapped(StringBuilder into, string prefix, QNode node, string suffix)
    {
        var start = into.Length;
        into.Append(prefix);
        if (!Node(node, into))
        {
            into.Length = start;
            return false;
        }

        into.Append(suffix);
        return true;
    }

    protected virtual bool Group(QGroup node, StringBuilder into)
    {
        var start = into.Length;
        var rest = DialectForm.AppendUntil(into, Dialect.Group, 0, '0', string.Empty);
        var inner = into.Length;
        if (!Node(node.Inner, into) || into.Length == inner)
        {
            into.Length = start;
            return false;
        }

        DialectForm.AppendUntil(into, Dialect.Group, rest, '0', string.Empty);
        return true;
    }

    protected virtual bool Field(QField node, StringBuilder into)
    {
        switch (node.Value)
        {
            case QScalar scalar:
                FieldValue(node.Field, scalar, into);
                return true;
            case QList list when Dialect.FieldList is not null:
                return FieldList(node.Field, list, into);
            case QList list:
                var rest = DialectForm.AppendUntil(into, Dialect.FieldValue, 0, '1', node.Field);
                List(list, into);
                DialectForm.AppendUntil(into, Dialect.FieldValue, rest, '1', node.Field);
                return true;
            case QNone:
                return DialectForm.Append(into, Dialect.Null, node.Field);
            case QRegex regex:
                return Regex(node.Field, regex.Regex, into);
            case QTyped { Value: SigmaString { HasPlaceholders: true } }:
                return Placeholder();
            case QTyped typed:
                return Typed(node.Field, typed.Value, into);
            default:
                return false;
        }
    }

    /// <summary>One field compared with one value, in the dialect's form.</summary>
    protected void FieldValue(string field, QScalar scalar, StringBuilder into)
    {
        var rest = DialectForm.AppendUntil(into, Dialect.FieldValue, 0, '1', field);
        Value(scalar, into);
        DialectForm.AppendUntil(into, Dialect.FieldValue, rest, '1', field);
    }

    protected virtual bool FieldList(string field, QList list, StringBuilder into)
    {
        var rest = DialectForm.AppendUntil(into, Dialect.FieldList!, 0, '1', field);
        List(list, into);
        DialectForm.AppendUntil(into, Dialect.FieldList!, rest, '1', field);
        return true;
    }

    protected virtual void List(QList list, StringBuilder into)
    {
        if (list.Items.Count == 1)
        {
            Value(list.Items[0], into);
            return;
        }

        var rest = DialectForm.AppendUntil(into, Dialect.List, 0, '0', string.Empty);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (i > 0)
            {
                into.Append(Dialect.ListSeparator);
            }

            Value(list.Items[i], into);
        }

        DialectForm.AppendUntil(into, Dialect.List, rest, '0', string.Empty);
    }

    protected virtual void Value(QScalar scalar, StringBuilder into) => DialectValue(scalar, into);

    /// <summary>A value in the dialect's form, escaped as the dialect says (what <see cref="Value"/> writes unless a target overrides it).</summary>
    protected void DialectValue(QScalar scalar, StringBuilder into)
    {
        var rest = DialectForm.AppendUntil(into, Dialect.Value, 0, '0', string.Empty);
        if (scalar.IsInteger)
        {
            into.Append(scalar.Text);
        }
        else
        {
            ValueEscaper.Append(into, scalar.Text, Dialect);
        }

        DialectForm.AppendUntil(into, Dialect.Value, rest, '0', string.Empty);
    }

    /// <summary>A value as <see cref="DialectValue"/> writes it, as a string of its own.</summary>
    protected string ValueText(QScalar scalar)
    {
        // A value most often needs no escaping: then its text is returned as it is, with nothing allocated.
        var text = scalar.IsInteger ? scalar.Text : ValueEscaper.Escape(scalar.Text, Dialect);
        return Dialect.Value == "{0}" ? text : string.Format(CultureInfo.InvariantCulture, Dialect.Value, text);
    }

    protected virtual bool Keyword(QScalar value, StringBuilder into)
    {
        Value(value, into);
        return true;
    }

    protected virtual bool Regex(string field, SigmaRegex regex, StringBuilder into)
    {
        NotSupported("regular expressions ('re' modifier)");
        return false;
    }

    /// <summary>Values only current Sigma has; each is rendered when the dialect table has a form for it.</summary>
    protected virtual bool Typed(string field, SigmaValue value, StringBuilder into)
    {
        if (field.Length == 0)
        {
            NotSupported("a keyword (field-less) value of this kind");
            return false;
        }

        switch (value)
        {
            case SigmaCompare compare when Dialect.Compare is not null:
                into.AppendFormat(CultureInfo.InvariantCulture, Dialect.Compare!, field, CompareOperator(compare.Operator), compare.Number.Text);
                return true;
            case SigmaExists exists when Dialect.Exists is not null:
                return DialectForm.Append(into, exists.Exists ? Dialect.Exists : Dialect.NotExists!, field);
            case SigmaCidr cidr when Dialect.Cidr is not null:
                var rest = DialectForm.AppendUntil(into, Dialect.Cidr, 0, '1', field);
                ValueEscaper.Append(into, cidr.Network.ToString(), Dialect);
                DialectForm.AppendUntil(into, Dialect.Cidr, rest, '1', field);
                return true;
            default:
                NotSupported(Describe(value));
                return false;
        }
    }

    /// <summary>Every target alike: a placeholder names values only a pipeline knows, so there is nothing to write yet.</summary>
    private bool Placeholder()
    {
        NotSupported("placeholders ('expand' modifier) must be replaced by a pipeline before conversion");
        return false;
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
