using System.Text;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// Splunk SPL: implicit AND, every AND in parentheses, lists as ORs, and '| table' of the rule's fields. Regular
/// expressions, which sigmac refused, go to <c>| regex field="..."</c> commands after the search when they are ANDed
/// with it (or negated there: <c>!=</c>); under an OR a regex command cannot say the rule, so the rule is refused.
/// </summary>
internal sealed class SplunkBackend(LegacyConfigChain config, BackendOptions options) : QueryBackend(config, options)
{
    private readonly List<string> _regexCommands = [];
    private int _alternativeDepth;

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

    protected override bool And(QAnd node, StringBuilder into)
    {
        var deferredBefore = _regexCommands.Count;
        var start = into.Length;
        into.Append('(');
        var written = JoinCount(node.Items, Dialect.And, into);
        if (written == 0)
        {
            into.Length = start;
            return false;
        }

        // An AND left with one term because its regex moved to a regex command needs no parentheses of its own.
        if (written == 1 && _regexCommands.Count > deferredBefore)
        {
            into.Remove(start, 1);
        }
        else
        {
            into.Append(')');
        }

        return true;
    }

    protected override string? ConvertCondition(SigmaRule rule, Rules.Conditions.ConditionNode condition)
    {
        _regexCommands.Clear();
        _alternativeDepth = 0;
        return base.ConvertCondition(rule, condition);
    }

    protected override bool Or(QOr node, StringBuilder into)
    {
        _alternativeDepth++;
        try
        {
            return base.Or(node, into);
        }
        finally
        {
            _alternativeDepth--;
        }
    }

    protected override bool Not(QNot node, StringBuilder into)
    {
        var inner = node.Item;
        while (inner is QGroup or QAnd { Items.Count: 1 })
        {
            inner = inner is QGroup group ? group.Inner : ((QAnd)inner).Items[0];
        }

        if (_alternativeDepth == 0 && inner is QField { Value: QRegex regex } field && field.Field.Length > 0)
        {
            _regexCommands.Add($"regex {field.Field}!=\"{RegexText(regex.Regex)}\"");
            return false;
        }

        _alternativeDepth++;
        try
        {
            return base.Not(node, into);
        }
        finally
        {
            _alternativeDepth--;
        }
    }

    protected override bool Regex(string field, SigmaRegex regex, StringBuilder into)
    {
        if (_alternativeDepth > 0 || field.Length == 0)
        {
            NotSupported(field.Length == 0
                ? "regular expressions ('re' modifier) without a field"
                : "regular expressions ('re' modifier) under OR or NOT: the regex command filters the whole result");
            return false;
        }

        _regexCommands.Add($"regex {field}=\"{RegexText(regex)}\"");
        return false;
    }

    /// <summary>The pattern in a quoted SPL string: flags as inline modifiers, backslashes and quotes escaped.</summary>
    private static string RegexText(SigmaRegex regex)
    {
        var flags = (regex.Flags.HasFlag(RegexFlags.IgnoreCase) ? "i" : string.Empty)
            + (regex.Flags.HasFlag(RegexFlags.Multiline) ? "m" : string.Empty)
            + (regex.Flags.HasFlag(RegexFlags.DotAll) ? "s" : string.Empty);
        var pattern = (flags.Length > 0 ? "(?" + flags + ")" : string.Empty) + regex.Pattern;
        return pattern.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
    }

    protected override bool FieldList(string field, QList list, StringBuilder into)
    {
        into.Append('(');
        for (var i = 0; i < list.Items.Count; i++)
        {
            into.Append(i == 0 ? string.Empty : " OR ");
            FieldValue(field, list.Items[i], into);
        }

        into.Append(')');
        return true;
    }

    protected override string Query(string condition, SigmaRule rule)
    {
        if (_regexCommands.Count > 0)
        {
            condition = (condition.Length == 0 ? "*" : condition) + " | " + string.Join(" | ", _regexCommands);
        }

        var query = _ruleComment ? $"# {rule.Title}\n{condition}\n" : condition;
        if (rule.Info.Fields.IsEmpty)
        {
            return query;
        }

        var columns = rule.Info.Fields.SelectMany(f => Config.ResolveField(f) is { Conditional: { } c } ? [c.Default?.FirstOrDefault() ?? f] : Config.ResolveField(f).Targets);
        return query + " | table " + string.Join(",", columns);
    }

    protected override bool Typed(string field, SigmaValue value, StringBuilder into)
    {
        if (value is SigmaString { Cased: true } cased && field.Length > 0)
        {
            // Splunk compares field values case-insensitively unless the value is wrapped in CASE().
            into.Append(field).Append("=CASE(");
            Value(new QScalar(QueryTreeBuilder.LegacyText(cased with { Cased = false }), false), into);
            into.Append(')');
            return true;
        }

        return base.Typed(field, value, into);
    }
}
