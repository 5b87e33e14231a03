using System.Text;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// <c>grep -P -i</c>: one PCRE over the whole line, field names ignored. A condition that is a single value test is
/// that value at the line start; otherwise every test is an assertion made at the line start — a value is
/// <c>(?=.*value)</c>, AND their concatenation, OR an alternation of them, NOT a negative lookahead — so that
/// negations see the whole line and nothing is retried from other positions. (sigmac prefixed every group with
/// <c>.*</c>: a NOT inside an AND was then tested from the line's end and always held, and nested groups made PCRE
/// exceed its backtracking limit; <c>escaping=sigmac</c> reproduces that form.) The pattern is single-quoted for the
/// shell; a quote in a value closes, escapes and reopens the quoting.
/// </summary>
internal sealed class GrepBackend(LegacyConfigChain config, BackendOptions options) : QueryBackend(config, options)
{
    private static readonly Dialect GrepDialect = new()
    {
        And = string.Empty,
        Or = "|",
        Not = string.Empty,
        ListSeparator = "|",
        Value = "{0}",
        Null = "(?!{0})",
        NotNull = "{0}",
        FieldValue = "{1}",
        EscapedCharacters = "|()[]{}.^$+",
        EscapeLoneBackslash = false,
    };

    private readonly LegacyEscaping _escaping = options.Choice("escaping", LegacyEscaping.Exact, LegacyEscapingOption.Choices);

    private bool Sigmac => _escaping == LegacyEscaping.Sigmac;

    public override string Name => "grep";

    protected override Dialect Dialect => GrepDialect;

    protected override string Query(string condition, SigmaRule rule) => "grep -P -i '^" + condition + "'";

    protected override bool Or(QOr node, StringBuilder into)
    {
        into.Append("(?:");
        for (var i = 0; i < node.Items.Count; i++)
        {
            into.Append(i == 0 ? string.Empty : "|");
            if (Sigmac)
            {
                into.Append(".*");
                Node(node.Items[i], into); // an item that says nothing leaves just ".*", as sigmac wrote it
            }
            else
            {
                Assertion(node.Items[i], into);
            }
        }

        into.Append(')');
        return true;
    }

    protected override bool And(QAnd node, StringBuilder into)
    {
        foreach (var item in node.Items)
        {
            if (Sigmac)
            {
                Enclosed(into, "(?=.*", item);
            }
            else
            {
                Assertion(item, into);
            }
        }

        return true;
    }

    protected override bool Not(QNot node, StringBuilder into)
    {
        if (Sigmac)
        {
            Enclosed(into, "(?!.*", node.Item);
            return true;
        }

        // (?!(?=X)) is (?!X): a negated value test is written without the lookahead around it.
        var start = into.Length;
        Assertion(node.Item, into);
        var inner = into.ToString(start, into.Length - start);
        into.Length = start;
        into.Append(inner.StartsWith("(?=", StringComparison.Ordinal) && inner.EndsWith(')') && Balanced(inner[3..^1])
            ? "(?!" + inner[3..^1] + ")"
            : "(?!" + inner + ")");
        return true;
    }

    protected override bool Group(QGroup node, StringBuilder into)
    {
        if (Sigmac)
        {
            Enclosed(into, "(?:.*", node.Inner);
        }
        else
        {
            Assertion(node.Inner, into);
        }

        return true;
    }

    /// <summary>sigmac's form: a node between an opening and ')', the opening kept even when the node says nothing.</summary>
    private void Enclosed(StringBuilder into, string opening, QNode node)
    {
        into.Append(opening);
        Node(node, into);
        into.Append(')');
    }

    /// <summary>A node as a test made at the line start, which consumes nothing.</summary>
    private void Assertion(QNode node, StringBuilder into)
    {
        if (node is QAnd or QOr or QNot or QGroup)
        {
            Node(node, into);
            return;
        }

        var pattern = NodeText(node, into) ?? string.Empty;
        if (pattern.StartsWith("(?:.*", StringComparison.Ordinal))
        {
            into.Append("(?=").Append(pattern).Append(')');
            return;
        }

        into.Append("(?=.*").Append(WithoutLeadingAny(pattern)).Append(')');
    }

    /// <summary>Whether every parenthesis of a pattern part is closed within it (escapes and classes respected).</summary>
    private static bool Balanced(string pattern)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[':
                    inClass = true;
                    break;
                case ']':
                    inClass = false;
                    break;
                case '(' when !inClass:
                    depth++;
                    break;
                case ')' when !inClass:
                    if (--depth < 0)
                    {
                        return false;
                    }

                    break;
            }
        }

        return depth == 0;
    }

    /// <summary>A list of values, each anywhere in the line (a value's own leading <c>.*</c> is not doubled, which only made PCRE retry).</summary>
    protected override void List(QList list, StringBuilder into) =>
        into.Append("(?:").AppendJoin('|', list.Items.Select(i => ".*" + (Sigmac ? ValuePattern(i) : WithoutLeadingAny(ValuePattern(i))))).Append(')');

    private static string WithoutLeadingAny(string pattern) => pattern.StartsWith(".*", StringComparison.Ordinal) ? pattern[2..] : pattern;

    protected override bool Node(QNode node, StringBuilder into) => !Sigmac && node is QNull ? NullTest() : base.Node(node, into);

    protected override bool Field(QField node, StringBuilder into)
    {
        switch (node.Value)
        {
            case QNone when !Sigmac:
                return NullTest();
            case QNone:
                into.Append("(?!").Append(node.Field).Append(')');
                return true;
            case QScalar scalar:
                Value(scalar, into);
                return true;
            case QList list:
                List(list, into);
                return true;
            default:
                return base.Field(node, into);
        }
    }

    /// <summary>sigmac wrote <c>(?!field)</c>, a test for the field's name at the line start, which means nothing.</summary>
    private bool NullTest()
    {
        NotSupported("null values (a field's absence): grep ignores field names");
        return false;
    }

    protected override void Value(QScalar scalar, StringBuilder into) => into.Append(ValuePattern(scalar));

    private string ValuePattern(QScalar scalar)
    {
        var pattern = Sigmac || scalar.IsInteger
            ? ValueEscaper.Escape(scalar.Text, Dialect).Replace("*", ".*", StringComparison.Ordinal)
            : PcreText.FromLegacyText(scalar.Text);
        return pattern.Replace("'", "'\"'\"'", StringComparison.Ordinal);
    }

    protected override bool Regex(string field, SigmaRegex regex, StringBuilder into)
    {
        NotSupported("regular expressions ('re' modifier): grep -i would match them case-insensitively and ignore the field");
        return false;
    }

    protected override bool Typed(string field, SigmaValue value, StringBuilder into)
    {
        NotSupported(Describe(value) + ": grep matches text anywhere in the line");
        return false;
    }
}
