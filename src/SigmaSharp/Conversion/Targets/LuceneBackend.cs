using System.Globalization;
using System.Text;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Targets;

/// <summary>
/// Elasticsearch query string (es-qs). Values with wildcards (and regular expressions) go to the keyword sub-field
/// unquoted, other values to the analyzed field in quotes; field-less keywords search <c>\*.keyword</c>.
/// </summary>
internal class LuceneBackend : QueryBackend
{
    public static readonly string[] OptionNames = ["keyword_field", "keyword_base_fields", "wildcard_use_keyword", "not_bound_keyword", "analyzed_sub_field_name", "escaping"];

    private static readonly Dialect EsDialect = new()
    {
        And = " AND ",
        Or = " OR ",
        Not = "NOT ",
        ListSeparator = " OR ",
        Value = "{0}",
        Null = "NOT _exists_:{0}",
        NotNull = "_exists_:{0}",
        FieldValue = "{0}:{1}",
        EscapedCharacters = "+-=!(){}[]^\"~:/",
        EscapeWhitespace = true,
        EscapedPairs = ["&&", "||"],
        EscapeUnicodeMarker = true,
        Compare = "{0}:{1}{2}",
        Exists = "_exists_:{0}",
        NotExists = "NOT _exists_:{0}",
        Cidr = "{0}:{1}",
    };

    private readonly string _keywordSuffix;
    private readonly string _analyzedSuffix;
    private readonly IReadOnlyList<string> _keywordBaseFields;
    private readonly bool _wildcardUsesKeyword;
    private readonly string _notBoundKeyword;
    private readonly LegacyEscaping _escaping;

    /// <summary>sigmac kept this as state: set by each field test, read by the values rendered after it.</summary>
    private bool _matchKeyword = true;

    public LuceneBackend(LegacyConfigChain config, BackendOptions options)
        : base(config, options)
    {
        var keyword = options.String("keyword_field", "keyword").Trim().Trim('.');
        _keywordSuffix = keyword.Length == 0 ? string.Empty : "." + keyword;
        var analyzed = options.String("analyzed_sub_field_name", string.Empty).Trim().Trim('.');
        _analyzedSuffix = analyzed.Length == 0 ? string.Empty : "." + analyzed;
        _keywordBaseFields = options.List("keyword_base_fields");
        _wildcardUsesKeyword = options.Bool("wildcard_use_keyword", true);
        _notBoundKeyword = options.String("not_bound_keyword", @"\*.keyword");
        _escaping = options.Choice("escaping", LegacyEscaping.Exact, LegacyEscapingOption.Choices);
    }

    public override string Name => "es-qs";

    protected override Dialect Dialect => EsDialect;

    protected override string? ConvertCondition(Rules.SigmaRule rule, Rules.Conditions.ConditionNode condition)
    {
        _matchKeyword = true;
        return base.ConvertCondition(rule, condition);
    }

    protected override bool Not(QNot node, StringBuilder into) => Wrapped(into, "(" + Dialect.Not, node.Item, ")");

    protected override bool Group(QGroup node, StringBuilder into)
    {
        // A group of bare keywords searches every keyword field, each value wrapped in wildcards.
        if (node.Inner is QAnd or QOr && Items(node.Inner) is { } items && items.All(i => i is QKeyword))
        {
            var wrapped = items.Select(i => (QNode)new QKeyword(Wrap(((QKeyword)i).Value))).ToList();
            QNode inner = node.Inner is QAnd ? new QAnd(wrapped) : new QOr(wrapped);
            _matchKeyword = true;
            _inKeywordGroup = true;
            var start = into.Length;
            into.Append(_notBoundKeyword).Append(':');
            var result = base.Group(new QGroup(inner), into);
            if (!result)
            {
                into.Length = start;
            }

            _inKeywordGroup = false;
            _matchKeyword = false;
            return result;
        }

        return base.Group(node, into);
    }

    private bool _inKeywordGroup;

    /// <summary>
    /// A keyword on its own is searched as a group's keywords are: in every keyword field, wrapped in wildcards. sigmac
    /// wrote it bare, which Elasticsearch reads as a term of the default fields (the whole value of a keyword field;
    /// a token of an analyzed one), not the substring of any value a keyword means; <c>escaping=sigmac</c> keeps that.
    /// </summary>
    protected override bool Keyword(QScalar value, StringBuilder into)
    {
        if (Sigmac || _inKeywordGroup)
        {
            return base.Keyword(value, into);
        }

        var matchKeyword = _matchKeyword;
        _matchKeyword = true;
        into.Append(_notBoundKeyword).Append(':');
        Value(Wrap(value), into);
        _matchKeyword = matchKeyword;
        return true;
    }

    private static List<QNode>? Items(QNode node) => node switch
    {
        QAnd a => a.Items,
        QOr o => o.Items,
        _ => null,
    };

    private static QScalar Wrap(QScalar value)
    {
        if (value.IsInteger)
        {
            return value;
        }

        var text = value.Text.StartsWith('*') ? value.Text : "*" + value.Text;
        return value with { Text = text.EndsWith('*') ? text : text + "*" };
    }

    protected override bool Field(QField node, StringBuilder into)
    {
        // A keyword item inside a map ('|all' keywords) reaches here without a field; sigmac wrote ':"value"', which
        // no Lucene parser reads.
        if (!Sigmac && node.Field.Length == 0)
        {
            switch (node.Value)
            {
                case QScalar scalar:
                    return Keyword(scalar, into);
                case QList list:
                    return Group(new QGroup(new QOr([.. list.Items.Select(i => (QNode)new QKeyword(i))])), into);
            }
        }

        var field = FieldName(node.Field, node.Value);
        return base.Field(new QField(field, node.Value), into);
    }

    private bool Sigmac => _escaping == LegacyEscaping.Sigmac;

    /// <summary>
    /// Lucene's query parser has no precedence: in <c>a OR b AND c</c> the AND makes b required and a optional, and in
    /// <c>a OR NOT b</c> the NOT excludes b from the whole group. sigmac relied on AND binding tighter than OR and
    /// left a NOT bare after OR; we group every AND/OR operand of another AND/OR and every NOT operand.
    /// </summary>
    protected override bool Operand(QNode item, StringBuilder into)
    {
        if (Sigmac)
        {
            return base.Operand(item, into);
        }

        var start = into.Length;
        if (!(item is QAnd or QOr ? Group(new QGroup(item), into) : Node(item, into)))
        {
            return false;
        }

        if (StartsWith(into, start, Dialect.Not))
        {
            into.Insert(start, '(').Append(')');
        }

        return true;
    }

    /// <summary>Whether the text written from <paramref name="start"/> begins with <paramref name="prefix"/>.</summary>
    private static bool StartsWith(StringBuilder text, int start, string prefix)
    {
        if (text.Length - start < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (text[start + i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Chooses the keyword or analyzed sub-field for a value.</summary>
    private string FieldName(string field, QValue value)
    {
        var keywordSuffix = _keywordSuffix;
        var forceKeyword = keywordSuffix.Length == 0;
        if (!forceKeyword && _keywordBaseFields.Any(p => GlobMatch(field, p)))
        {
            keywordSuffix = string.Empty;
        }

        var wildcard = value switch
        {
            QScalar s => !s.IsInteger && ValueEscaper.HasWildcard(s.Text),
            QList l => l.Items.Any(s => !s.IsInteger && ValueEscaper.HasWildcard(s.Text)),
            _ => false,
        };
        _matchKeyword = forceKeyword || (_wildcardUsesKeyword && wildcard) || value is QRegex || value is QTyped { Value: SigmaString { Cased: true } };
        return field + (_matchKeyword ? keywordSuffix : _analyzedSuffix);
    }

    private static bool GlobMatch(string text, string pattern) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            System.Text.RegularExpressions.RegexOptions.NonBacktracking);

    protected override void Value(QScalar scalar, StringBuilder into)
    {
        var result = ValueText(scalar);
        if (result.Length == 0 || string.IsNullOrWhiteSpace(result))
        {
            into.Append("\"\"");
        }
        else if (_matchKeyword || ValueEscaper.HasWildcard(result))
        {
            into.Append(result);
        }
        else
        {
            into.Append('"').Append(result).Append('"');
        }
    }

    /// <summary>
    /// The rule's regular expression translated to Lucene's (<see cref="Conversion.LuceneRegex"/>); with
    /// <c>escaping=sigmac</c>, sigmac's form: the pattern as written, anchors dropped and an anchored side opened with
    /// <c>.*</c> (an unanchored pattern then had to match the whole value, and \d, \s, (?: ... meant something else).
    /// </summary>
    protected override bool Regex(string field, SigmaRegex regex, StringBuilder into)
    {
        string pattern;
        if (!Sigmac)
        {
            var translated = Conversion.LuceneRegex.Translate(regex, out var unsupported);
            if (translated is null)
            {
                NotSupported("this regular expression in Lucene's syntax: " + unsupported);
                return false;
            }

            pattern = translated;
        }
        else if (regex.Flags != RegexFlags.None)
        {
            NotSupported("regular expression flags ('i', 'm', 's'): Lucene regular expressions have none");
            return false;
        }
        else
        {
            pattern = SigmacRegex(regex.Pattern);
        }

        into.AppendFormat(CultureInfo.InvariantCulture, Dialect.FieldValue, field, "/" + pattern + "/");
        return true;
    }

    /// <summary>
    /// sigmac's Lucene regular expressions: they match the whole value, so sigmac dropped anchors; the bare slash it
    /// left (which ends the expression early) is kept too.
    /// </summary>
    private static string SigmacRegex(string pattern)
    {
        if (pattern.Length > 0 && pattern[0] == '^' && pattern[^1] == '$' && pattern.Length > 1)
        {
            pattern = pattern[1..^1];
        }
        else if (pattern.Length > 0 && pattern[0] == '^')
        {
            pattern = pattern.EndsWith(".*", StringComparison.Ordinal) ? pattern[1..] : pattern[1..] + ".*";
        }
        else if (pattern.Length > 0 && pattern[^1] == '$')
        {
            pattern = pattern.StartsWith(".*", StringComparison.Ordinal) ? pattern[..^1] : ".*" + pattern[..^1];
        }

        return pattern;
    }

    protected override bool Typed(string field, SigmaValue value, StringBuilder into)
    {
        if (value is SigmaString { Cased: true } cased && field.Length > 0)
        {
            // The keyword sub-field holds the value as written, so a match there is case-sensitive.
            into.AppendFormat(CultureInfo.InvariantCulture, Dialect.FieldValue, field, ValueText(new QScalar(QueryTreeBuilder.LegacyText(cased with { Cased = false }), false)));
            return true;
        }

        return base.Typed(field, value, into);
    }
}
