using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// <c>grep -P -i</c>: one PCRE over the whole line, AND as lookaheads, NOT as negative lookahead, field names ignored.
/// The pattern is single-quoted for the shell; a quote in a value closes, escapes and reopens the quoting.
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

    public override string Name => "grep";

    protected override Dialect Dialect => GrepDialect;

    protected override string Query(string condition, SigmaRule rule) => "grep -P -i '^" + condition + "'";

    protected override string? Or(QOr node) => "(?:" + string.Join("|", node.Items.Select(i => ".*" + Node(i))) + ")";

    protected override string? And(QAnd node) => string.Concat(node.Items.Select(i => "(?=.*" + Node(i) + ")"));

    protected override string? Not(QNot node) => "(?!.*" + Node(node.Item) + ")";

    protected override string? Group(QGroup node) => "(?:.*" + Node(node.Inner) + ")";

    protected override string List(QList list) => "(?:" + string.Join("|", list.Items.Select(i => ".*" + Value(i))) + ")";

    protected override string? Field(QField node) => node.Value switch
    {
        QNone => "(?!" + node.Field + ")",
        QScalar scalar => Value(scalar),
        QList list => List(list),
        _ => base.Field(node),
    };

    protected override string Value(QScalar scalar)
    {
        var pattern = _escaping == LegacyEscaping.Sigmac || scalar.IsInteger
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
