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

    protected override string? Or(QOr node) => Sigmac
        ? "(?:" + string.Join("|", node.Items.Select(i => ".*" + Node(i))) + ")"
        : "(?:" + string.Join("|", node.Items.Select(Assertion)) + ")";

    protected override string? And(QAnd node) => Sigmac
        ? string.Concat(node.Items.Select(i => "(?=.*" + Node(i) + ")"))
        : string.Concat(node.Items.Select(Assertion));

    protected override string? Not(QNot node)
    {
        if (Sigmac)
        {
            return "(?!.*" + Node(node.Item) + ")";
        }

        // (?!(?=X)) is (?!X): a negated value test is written without the lookahead around it.
        var inner = Assertion(node.Item);
        return inner.StartsWith("(?=", StringComparison.Ordinal) && inner.EndsWith(')') && Balanced(inner[3..^1])
            ? "(?!" + inner[3..^1] + ")"
            : "(?!" + inner + ")";
    }

    protected override string? Group(QGroup node) => Sigmac ? "(?:.*" + Node(node.Inner) + ")" : Assertion(node.Inner);

    /// <summary>A node as a test made at the line start, which consumes nothing.</summary>
    private string Assertion(QNode node)
    {
        if (node is QAnd or QOr or QNot or QGroup)
        {
            return Node(node) ?? string.Empty;
        }

        var pattern = Node(node) ?? string.Empty;
        if (pattern.StartsWith("(?:.*", StringComparison.Ordinal))
        {
            return "(?=" + pattern + ")";
        }

        return "(?=.*" + WithoutLeadingAny(pattern) + ")";
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
    protected override string List(QList list) =>
        "(?:" + string.Join("|", list.Items.Select(i => ".*" + (Sigmac ? Value(i) : WithoutLeadingAny(Value(i))))) + ")";

    private static string WithoutLeadingAny(string pattern) => pattern.StartsWith(".*", StringComparison.Ordinal) ? pattern[2..] : pattern;

    protected override string? Node(QNode node) => !Sigmac && node is QNull ? NullTest() : base.Node(node);

    protected override string? Field(QField node) => node.Value switch
    {
        QNone when !Sigmac => NullTest(),
        QNone => "(?!" + node.Field + ")",
        QScalar scalar => Value(scalar),
        QList list => List(list),
        _ => base.Field(node),
    };

    /// <summary>sigmac wrote <c>(?!field)</c>, a test for the field's name at the line start, which means nothing.</summary>
    private string? NullTest()
    {
        NotSupported("null values (a field's absence): grep ignores field names");
        return null;
    }

    protected override string Value(QScalar scalar)
    {
        var pattern = Sigmac || scalar.IsInteger
            ? ValueEscaper.Escape(scalar.Text, Dialect).Replace("*", ".*", StringComparison.Ordinal)
            : PcreText.FromLegacyText(scalar.Text);
        return pattern.Replace("'", "'\"'\"'", StringComparison.Ordinal);
    }

    protected override string? Regex(string field, SigmaRegex regex)
    {
        NotSupported("regular expressions ('re' modifier): grep -i would match them case-insensitively and ignore the field");
        return null;
    }

    protected override string? Typed(string field, SigmaValue value)
    {
        NotSupported(Describe(value) + ": grep matches text anywhere in the line");
        return null;
    }
}
