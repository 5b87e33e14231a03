using System.Collections.Immutable;
using System.Globalization;
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

        var items = of.Matches.Select(name => (QNode)new QGroup(Identifier(name, null))).ToList();
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
                return new QAnd([.. map.Items.Select(i => i is DetectionItem item ? Item(item) : Definition(i, null))]);
            case DetectionGroup list:
                var alternatives = list.Items.Select(i => i is DetectionItem { IsKeyword: true } k ? Keywords(k, Linking.Or) : Definition(i, null)).ToList();
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
        foreach (var value in WithRawText(item).Values)
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
        item = WithRawText(item);
        var field = item.Field ?? string.Empty;
        QNode result;
        if (item.Values.Any(v => v is SigmaExpansion))
        {
            var alternatives = new List<QNode>();
            foreach (var value in item.Values)
            {
                var values = value is SigmaExpansion e ? Alternatives(item, e) : [value];
                alternatives.Add(new QOr([.. values.Select(v => Mapped(field, Value(v)))]));
            }

            result = alternatives.Count == 1 ? alternatives[0] : item.ValueLinking == Linking.And ? new QAnd(alternatives) : new QOr(alternatives);
        }
        else if (item.ValueLinking == Linking.And && item.Values.Count > 1)
        {
            result = new QAnd([.. item.Values.Select(v => Mapped(field, Value(v)))]);
        }
        else if ((item.Values.Count > 1 || item.WrittenAsList) && item.Values.All(v => ToScalar(v) is not null))
        {
            result = Mapped(field, new QList(item.Values.Select(v => ToScalar(v)!).ToImmutableArray()));
        }
        else if (item.Values.Count > 1)
        {
            result = new QOr([.. item.Values.Select(v => Mapped(field, Value(v)))]);
        }
        else
        {
            result = Mapped(field, Value(item.Values[0]));
        }

        return item.Negated ? new QNot(new QGroup(result)) : result;
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

    /// <summary>
    /// For plain strings with only wildcard modifiers, the text as written (with sigmac's own wildcard rules applied)
    /// is what sigmac escaped; keeping it reproduces its output exactly for odd backslash runs.
    /// </summary>
    private DetectionItem WithRawText(DetectionItem item)
    {
        if (item.RawValues.Count != item.Values.Count)
        {
            return item;
        }

        // Loops, not LINQ: this runs for every item of every rule, once per target.
        var contains = false;
        var startsWith = false;
        var endsWith = false;
        foreach (var modifier in item.Modifiers)
        {
            switch (modifier)
            {
                case Modifier.Contains:
                    contains = true;
                    break;
                case Modifier.StartsWith:
                    startsWith = true;
                    break;
                case Modifier.EndsWith:
                    endsWith = true;
                    break;
                case Modifier.All:
                    break;
                default:
                    return item;
            }
        }

        foreach (var value in item.Values)
        {
            if (value is not SigmaString { Cased: false, HasPlaceholders: false })
            {
                return item;
            }
        }

        var values = new SigmaValue[item.Values.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var raw = item.RawValues[i];
            if (raw is null)
            {
                return item;
            }

            if (contains || endsWith)
            {
                raw = raw.StartsWith('*') ? raw : "*" + raw;
            }

            if ((contains || startsWith) && !(quirks.TrailingWildcard ? raw.EndsWith('*') : EndsWithWildcard(raw)))
            {
                // An odd run of trailing backslashes ends in a literal one, which a bare '*' would turn into "\*".
                raw += (quirks.TrailingWildcard ? raw.EndsWith('\\') : TrailingBackslashes(raw) % 2 == 1) ? "\\*" : "*";
            }

            values[i] = new RawText(raw);
        }

        return item with { Values = values };
    }

    /// <summary>
    /// A trailing '*' is a wildcard unless escaped by an odd backslash run. sigmac looked at the last character only, so
    /// a value ending in a literal star (<c>\*</c>) lost its 'contains'/'startswith' wildcard.
    /// </summary>
    private static bool EndsWithWildcard(string raw) => raw.EndsWith('*') && TrailingBackslashes(raw[..^1]) % 2 == 0;

    private static int TrailingBackslashes(string text)
    {
        var count = 0;
        while (count < text.Length && text[text.Length - 1 - count] == '\\')
        {
            count++;
        }

        return count;
    }

    /// <summary>A string already in legacy text form.</summary>
    private sealed record RawText(string Text) : SigmaValue;

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
        RawText raw => new QScalar(raw.Text, false),
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

            return new QGroup(new QOr([.. targets.Select(t => value is QNone ? (QNode)new QNull(t, false) : new QField(t, value))]));
        }

        return resolution.Targets.Count == 1
            ? new QField(resolution.Targets[0], value)
            : new QGroup(new QOr([.. resolution.Targets.Select(t => (QNode)new QField(t, value))]));
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
        var groups = source.Conditions.Select(conditions => (QNode)new QAnd([.. conditions.Select(c => Mapped(c.Key, ConditionValue(c.Value)))])).ToList();
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
