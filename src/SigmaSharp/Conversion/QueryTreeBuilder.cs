using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion;

/// <summary>
/// The one walker over a rule: condition tree → search identifiers → detection items, with field mapping and log
/// source conditions from the legacy config chain, producing a <see cref="QNode"/> tree in the legacy converter's
/// shape (binary AND/OR as the condition reads, groups around identifiers), then optimized as sigmac did.
/// </summary>
internal sealed class QueryTreeBuilder(SigmaRule rule, LegacyConfigChain config, string? indexField, bool useLogSource, SigmacQuirks quirks)
{
    /// <summary>The dashes current Sigma's windash adds to sigmac's '-' and '/'.</summary>
    private const string TypographicDashes = "\u2013\u2014\u2015";

    private Dictionary<string, HashSet<string>>? _ruleValues;

    public QNode? Build(ConditionNode condition)
    {
        var query = Condition(condition);
        QNode root = query;
        if (useLogSource)
        {
            root = new QAnd([LogSourceCondition(), query]);
        }

        return QueryTreeOptimizer.Optimize(root);
    }

    private QNode Condition(ConditionNode node) => node switch
    {
        AndNode and => Binary(and.Operands, items => new QAnd(items)),
        OrNode or => Binary(or.Operands, items => new QOr(items)),
        NotNode not => new QNot(NotOperand(not.Operand)),
        SelectionNode selection => new QGroup(Identifier(selection.Name, null)),
        OfNode of => Of(of),
        _ => throw new InvalidOperationException("unknown condition node " + node.GetType().Name),
    };

    /// <summary>sigmac reduced <c>a and b and c</c> left to right into nested binary nodes.</summary>
    private QNode Binary(EquatableArray<ConditionNode> operands, Func<List<QNode>, QNode> create)
    {
        var result = Condition(operands[0]);
        for (var i = 1; i < operands.Count; i++)
        {
            result = create([result, Condition(operands[i])]);
        }

        return result;
    }

    /// <summary>
    /// Under NOT the legacy optimizer did not look: a parenthesised operand stays a group of the optimized group.
    /// An AND/OR operand of NOT must have been written in parentheses.
    /// </summary>
    private QNode NotOperand(ConditionNode operand) => operand switch
    {
        AndNode or OrNode => new QGroup(QueryTreeOptimizer.Optimize(Condition(operand)) ?? new QAnd([])),
        NotNode inner => new QGroup(QueryTreeOptimizer.Optimize(Condition(inner)) ?? new QAnd([])),
        _ => Condition(operand),
    };

    private QGroup Of(OfNode of)
    {
        if (of.Pattern is not null && !of.Pattern.Contains('*', StringComparison.Ordinal))
        {
            return new QGroup(Identifier(of.Pattern, of.Quantifier));
        }

        var items = new List<QNode>(of.Matches.Count);
        foreach (var name in of.Matches)
        {
            items.Add(new QGroup(Identifier(name, null)));
        }

        return new QGroup(of.Quantifier == Quantifier.All ? new QAnd(items) : new QOr(items));
    }

    private QNode Identifier(string name, Quantifier? listOverride)
    {
        var identifier = rule.FindIdentifier(name) ?? throw new InvalidOperationException("condition names undefined identifier " + name);
        return Definition(identifier.Definition, listOverride);
    }

    private QNode Definition(DetectionNode node, Quantifier? listOverride)
    {
        switch (node)
        {
            case DetectionGroup { Linking: Linking.And } map:
                var items = new List<QNode>(map.Items.Count);
                foreach (var child in map.Items)
                {
                    items.Add(child is DetectionItem item ? Item(item) : Definition(child, null));
                }

                return new QAnd(items);
            case DetectionGroup list:
                var alternatives = new List<QNode>(list.Items.Count);
                foreach (var child in list.Items)
                {
                    alternatives.Add(child is DetectionItem { IsKeyword: true } k ? Keywords(k, Linking.Or) : Definition(child, null));
                }

                return listOverride == Quantifier.All ? new QAnd(alternatives) : new QOr(alternatives);
            case DetectionItem { IsKeyword: true } keywords:
                return Keywords(keywords, listOverride == Quantifier.All ? Linking.And : keywords.ValueLinking);
            case DetectionItem item:
                return new QAnd([Item(item)]);
            default:
                throw new InvalidOperationException("unknown detection node");
        }
    }

    private QNode Keywords(DetectionItem item, Linking linking)
    {
        var nodes = new List<QNode>();
        foreach (var value in LegacyRawText.Values(item, quirks))
        {
            if (value is SigmaExpansion expansion)
            {
                nodes.Add(new QOr([.. Alternatives(item, expansion).Select(v => (QNode)KeywordLeaf(v))]));
            }
            else
            {
                nodes.Add(KeywordLeaf(value));
            }
        }

        return linking == Linking.And ? new QAnd(nodes) : new QOr(nodes);
    }

    private static QNode KeywordLeaf(SigmaValue value) =>
        ToScalar(value) is { } scalar ? new QKeyword(scalar) : new QField(string.Empty, new QTyped(value));

    /// <summary>One field item as sigmac's map entry: a scalar, a list (OR), AND-linked values (all), or expansions.</summary>
    private QNode Item(DetectionItem item)
    {
        var values = LegacyRawText.Values(item, quirks);
        var field = item.Field ?? string.Empty;
        QNode result;
        if (HasExpansion(values))
        {
            var alternatives = new List<QNode>(values.Length);
            foreach (var value in values)
            {
                alternatives.Add(new QOr(value is SigmaExpansion e ? MappedEach(field, CollectionsMarshal.AsSpan(Alternatives(item, e))) : [Mapped(field, Value(value))]));
            }

            result = alternatives.Count == 1 ? alternatives[0] : item.ValueLinking == Linking.And ? new QAnd(alternatives) : new QOr(alternatives);
        }
        else if (item.ValueLinking == Linking.And && values.Length > 1)
        {
            result = new QAnd(MappedEach(field, values.AsSpan()));
        }
        else if ((values.Length > 1 || item.WrittenAsList) && Scalars(values) is { } scalars)
        {
            result = Mapped(field, new QList(ImmutableCollectionsMarshal.AsImmutableArray(scalars)));
        }
        else if (values.Length > 1)
        {
            result = new QOr(MappedEach(field, values.AsSpan()));
        }
        else
        {
            result = Mapped(field, Value(values[0]));
        }

        return item.Negated ? new QNot(new QGroup(result)) : result;
    }

    private static bool HasExpansion(ImmutableArray<SigmaValue> values)
    {
        foreach (var value in values)
        {
            if (value is SigmaExpansion)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values in the legacy text form when every one has it; null when one is not a plain scalar.</summary>
    private static QScalar[]? Scalars(ImmutableArray<SigmaValue> values)
    {
        var scalars = new QScalar[values.Length];
        for (var i = 0; i < scalars.Length; i++)
        {
            if (ToScalar(values[i]) is not { } scalar)
            {
                return null;
            }

            scalars[i] = scalar;
        }

        return scalars;
    }

    /// <summary>Each value tested on the field (through the field mapping), in order.</summary>
    private List<QNode> MappedEach(string field, ReadOnlySpan<SigmaValue> values)
    {
        var nodes = new List<QNode>(values.Length);
        foreach (var value in values)
        {
            nodes.Add(Mapped(field, Value(value)));
        }

        return nodes;
    }

    /// <summary>
    /// The values of an expansion; with <c>windash=sigmac</c>, only the '-' and '/' variants sigmac's windash knew
    /// (a variant is dropped when it has more typographic dashes than the value as written).
    /// </summary>
    private List<SigmaValue> Alternatives(DetectionItem item, SigmaExpansion expansion)
    {
        if (!quirks.Windash || !item.Modifiers.Contains(Modifier.Windash) || expansion.Values.Count == 0)
        {
            return [.. expansion.Values];
        }

        var written = TypographicDashCount(expansion.Values[0]);
        return [.. expansion.Values.Where(v => TypographicDashCount(v) == written)];
    }

    private static int TypographicDashCount(SigmaValue value) =>
        value is SigmaString s ? s.Parts.OfType<LiteralPart>().Sum(p => p.Text.Count(c => TypographicDashes.Contains(c, StringComparison.Ordinal))) : 0;

    private static QValue Value(SigmaValue value) => value switch
    {
        SigmaNull => QNone.Instance,
        SigmaRegex regex => new QRegex(regex),
        SigmaString { Cased: true } or SigmaString { HasPlaceholders: true } => new QTyped(value),
        _ => ToScalar(value) is { } scalar ? scalar : new QTyped(value),
    };

    internal static QScalar? ToScalar(SigmaValue value) => value switch
    {
        SigmaString { Cased: false, HasPlaceholders: false } s => new QScalar(LegacyText(s), false),
        LegacyRawText.RawText raw => new QScalar(raw.Text, false),
        SigmaNumber n => new QScalar(n.Text, n.IsInteger),
        SigmaBool b => new QScalar(b.Value ? "true" : "false", false),
        _ => null,
    };

    /// <summary>
    /// The string the way sigmac held it: wildcards bare, literal wildcards and ambiguous backslashes escaped, which is
    /// Sigma's own spelling (placeholders never get here: they are refused before conversion).
    /// </summary>
    internal static string LegacyText(SigmaString value) => value.ToSigmaText();

    /// <summary>Applies the config's field mapping to one field/value pair (sigmac's FieldMappingChain.resolve).</summary>
    private QNode Mapped(string field, QValue value)
    {
        var resolution = config.ResolveField(field);
        if (resolution.Conditional is { } conditional)
        {
            var targets = ConditionalTargets(conditional);
            if (targets.Count == 0)
            {
                return value is QNone ? new QNull(field, false) : new QField(field, value);
            }

            if (targets.Count == 1)
            {
                return value is QNone ? new QNull(targets[0], false) : new QField(targets[0], value);
            }

            var tests = new List<QNode>(targets.Count);
            foreach (var target in targets)
            {
                tests.Add(value is QNone ? new QNull(target, false) : new QField(target, value));
            }

            return new QGroup(new QOr(tests));
        }

        if (resolution.Targets.Count == 1)
        {
            return new QField(resolution.Targets[0], value);
        }

        var fields = new List<QNode>(resolution.Targets.Count);
        foreach (var target in resolution.Targets)
        {
            fields.Add(new QField(target, value));
        }

        return new QGroup(new QOr(fields));
    }

    private List<string> ConditionalTargets(ConditionalFieldMapping mapping)
    {
        _ruleValues ??= RuleValues();
        var targets = new List<string>();
        foreach (var condition in mapping.Conditions)
        {
            if (_ruleValues.TryGetValue(condition.Field, out var values) && values.Contains(condition.Value))
            {
                targets.AddRange(condition.Targets.Where(t => !targets.Contains(t)));
            }
        }

        if (targets.Count == 0)
        {
            var logSource = new Dictionary<string, string?> { ["category"] = rule.LogSource.Category, ["product"] = rule.LogSource.Product, ["service"] = rule.LogSource.Service };
            var bySource = mapping.Conditions.LastOrDefault(c => logSource.GetValueOrDefault(c.Field) == c.Value);
            targets.AddRange(bySource?.Targets ?? mapping.Default ?? EquatableArray<string>.Empty);
        }

        return targets;
    }

    /// <summary>The plain single values the rule's maps give each key, which conditional mappings test.</summary>
    private Dictionary<string, HashSet<string>> RuleValues()
    {
        var values = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Walk(DetectionNode node)
        {
            if (node is DetectionGroup group)
            {
                foreach (var child in group.Items)
                {
                    Walk(child);
                }
            }
            else if (node is DetectionItem { Field: not null, RawValues.Count: 1 } item && item.RawValues[0] is { } raw)
            {
                if (!values.TryGetValue(item.Key, out var set))
                {
                    values[item.Key] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(raw);
            }
        }

        foreach (var identifier in rule.Detection)
        {
            Walk(identifier.Definition);
        }

        return values;
    }

    private QAnd LogSourceCondition()
    {
        var source = config.GetLogSource(rule.LogSource);
        var groups = new List<QNode>(source.Conditions.Count);
        foreach (var conditions in source.Conditions)
        {
            var tests = new List<QNode>(conditions.Count);
            foreach (var condition in conditions)
            {
                tests.Add(Mapped(condition.Key, ConditionValue(condition.Value)));
            }

            groups.Add(new QAnd(tests));
        }

        var result = new QAnd([config.MergesLogSourcesWithOr ? new QOr(groups) : new QAnd(groups)]);
        if (indexField is not null && source.Indices.Count > 0)
        {
            result.Items.Add(source.Indices.Count == 1
                ? new QField(indexField, new QScalar(source.Indices[0], false))
                : new QOr([.. source.Indices.Select(i => (QNode)new QField(indexField, new QScalar(i, false)))]));
        }

        foreach (var search in source.Searches)
        {
            result.Items.Add(new QAsIs(search));
        }

        return result;
    }

    private static QValue ConditionValue(LegacyConditionValue value)
    {
        if (value.IsList)
        {
            return new QList(value.Values.Select(v => new QScalar(v.Text, v.IsInteger)).ToImmutableArray());
        }

        return new QScalar(value.Values[0].Text, value.Values[0].IsInteger);
    }

    internal static string FormatNumber(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>sigmac behaviours reproduced on request (<c>windash=sigmac</c>, <c>escaping=sigmac</c>).</summary>
internal readonly record struct SigmacQuirks(bool Windash, bool TrailingWildcard);
