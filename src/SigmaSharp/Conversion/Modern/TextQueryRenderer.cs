using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// Spells a <see cref="CNode"/> tree in a <see cref="TextDialect"/>, with pySigma's rules for grouping (precedence or
/// parenthesize), in-expressions, string escaping and the choice between equals/startswith/endswith/contains/wildcard
/// templates. Targets override the few tests a table cannot say. One instance renders one condition.
/// </summary>
internal partial class TextQueryRenderer(TextDialect dialect)
{
    protected TextDialect Dialect { get; } = dialect;

    /// <summary>The first reason the condition cannot be expressed; null while it can.</summary>
    public string? Unsupported { get; private set; }

    /// <summary>Query parts that follow the main expression (Splunk's <c>| regex</c>), in order of appearance.</summary>
    public List<string> Deferred { get; } = [];

    /// <summary>How many OR nodes enclose the node being rendered.</summary>
    protected int OrDepth { get; private set; }

    public void NotSupported(string reason) => Unsupported ??= reason;

    public virtual string? Render(CNode node) => node switch
    {
        COr any when DecideIn(any.Items, isOr: true) => InExpression(any.Items, Dialect.OrInOperator!),
        COr any => Joined(any, any.Items, Dialect.Or),
        CAnd all when DecideIn(all.Items, isOr: false) => InExpression(all.Items, Dialect.AndInOperator!),
        CAnd all => Joined(all, all.Items, Dialect.And),
        CNot not => Negated(not),
        CField field => FieldValue(field, negated: false),
        CValue value => Keyword(value.Value),
        _ => null,
    };

    protected string? Joined(CNode parent, IReadOnlyList<CNode> items, string token)
    {
        var joiner = Dialect.TokenSeparator == token ? token : Dialect.TokenSeparator + token + Dialect.TokenSeparator;
        var isOr = parent is COr;
        if (isOr)
        {
            OrDepth++;
        }

        var parts = new List<string>(items.Count);
        foreach (var item in items)
        {
            var text = NeedsNoGroup(parent, item) ? Render(item) : GroupOf(item);
            if (text is not null)
            {
                parts.Add(text);
            }
        }

        if (isOr)
        {
            OrDepth--;
        }

        return parts.Count == 0 ? null : string.Join(joiner, parts);
    }

    protected string? GroupOf(CNode node) => Render(node) is { } text ? Template.Format(Dialect.Group, ("expr", text)) : null;

    /// <summary>pySigma's compare_precedence: true when the operand binds at least as strongly as its parent.</summary>
    protected virtual bool NeedsNoGroup(CNode outer, CNode inner)
    {
        var isLeaf = inner is CField or CValue;
        if (Dialect.Parenthesize && !isLeaf)
        {
            return false;
        }

        var innerRank = inner switch
        {
            CField { Value: SigmaExpansion } or CValue { Value: SigmaExpansion } => Rank(typeof(COr)),
            CAnd or COr or CNot => Rank(inner.GetType()),
            _ => -1,
        };
        return innerRank <= Rank(outer.GetType());
    }

    private int Rank(Type kind) => kind == typeof(CNot) ? 0
        : Dialect.Precedence == Precedence.NotAndOr ? (kind == typeof(CAnd) ? 1 : 2)
        : (kind == typeof(COr) ? 1 : 2);

    protected virtual string? Negated(CNot not)
    {
        if (not.Item is CAnd or COr or CNot)
        {
            return GroupOf(not.Item) is { } group ? Dialect.Not + Dialect.TokenSeparator + group : null;
        }

        if (not.Item is CField field)
        {
            return FieldValue(field, negated: true) is { } text ? Dialect.Not + Dialect.TokenSeparator + text : null;
        }

        return Render(not.Item) is { } inner ? Dialect.Not + Dialect.TokenSeparator + inner : null;
    }

    protected bool DecideIn(IReadOnlyList<CNode> items, bool isOr)
    {
        if (isOr ? !Dialect.OrAsIn : !Dialect.AndAsIn)
        {
            return false;
        }

        string? field = null;
        foreach (var item in items)
        {
            if (item is not CField f || (field is not null && f.Field != field))
            {
                return false;
            }

            field = f.Field;
            switch (f.Value)
            {
                case SigmaString s when !Dialect.InAllowsWildcards && (s.HasWildcards || s.HasPlaceholders):
                    return false;
                case SigmaString or SigmaNumber:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    protected virtual string? InExpression(IReadOnlyList<CNode> items, string op)
    {
        var field = ((CField)items[0]).Field;
        var values = new List<string>(items.Count);
        foreach (var item in items)
        {
            var value = ((CField)item).Value;
            values.Add(value is SigmaString s ? StringValue(s) : ((SigmaNumber)value).Text);
        }

        return Template.Format(Dialect.FieldInList!, ("field", QuoteField(field)), ("op", op), ("list", string.Join(Dialect.ListSeparator, values)));
    }

    protected virtual string? FieldValue(CField node, bool negated)
    {
        var field = node.Field;
        switch (node.Value)
        {
            case SigmaExpansion expansion:
                return Expansion(field, expansion);
            case SigmaString { Cased: true } cased:
                return CasedString(field, cased);
            case SigmaString s:
                return StringMatch(field, s);
            case SigmaNumber n:
                return QuoteField(field) + Dialect.Eq + n.Text;
            case SigmaBool b:
                return QuoteField(field) + Dialect.Eq + (b.Value ? Dialect.BoolValues.True : Dialect.BoolValues.False);
            case SigmaNull:
                return Optional(Dialect.FieldNull, "null tests", ("field", QuoteField(field)));
            case SigmaExists { Exists: true }:
                return Optional(Dialect.FieldExists, "field existence tests ('exists' modifier)", ("field", QuoteField(field)));
            case SigmaExists:
                return Optional(Dialect.FieldNotExists, "field existence tests ('exists' modifier)", ("field", QuoteField(field)));
            case SigmaRegex regex:
                return RegexMatch(field, regex);
            case SigmaCidr cidr:
                return CidrMatch(field, cidr);
            case SigmaCompare compare:
                return Optional(Dialect.Compare, "numeric comparisons", ("field", QuoteField(field)), ("op", CompareOperator(compare.Operator)), ("value", compare.Number.Text));
            case SigmaFieldRef reference:
                return FieldReference(field, reference);
            case SigmaTimePart part:
                return TimePartMatch(field, part);
            case Pipelines.Processing.QueryExpressionValue expression:
                return Template.Format(expression.Expression, ("field", QuoteField(field)), ("id", expression.Id));
            default:
                NotSupported("values of type " + node.Value.GetType().Name);
                return null;
        }
    }

    protected virtual string? Expansion(string field, SigmaExpansion expansion)
    {
        var items = expansion.Values.Select(v => (CNode)new CField(field, v)).ToList();
        return Dialect.ExpansionAsIn && DecideIn(items, isOr: true)
            ? InExpression(items, Dialect.OrInOperator!)
            : Joined(new COr(items), items, Dialect.Or);
    }

    protected string? Optional(string? template, string what, params (string, string)[] values)
    {
        if (template is null)
        {
            NotSupported(what);
            return null;
        }

        return Template.Format(template, values);
    }

    protected static string CompareOperator(CompareOperator op) => op switch
    {
        Rules.Values.CompareOperator.LessThan => "<",
        Rules.Values.CompareOperator.LessThanOrEqual => "<=",
        Rules.Values.CompareOperator.GreaterThan => ">",
        _ => ">=",
    };

    /// <summary>pySigma's choice of template: startswith, endswith, contains, wildcard match, else equals.</summary>
    protected virtual string? StringMatch(string field, SigmaString value) =>
        StringTemplate(field, value, Dialect.StartsWith, Dialect.EndsWith, Dialect.Contains, Dialect.WildcardMatch, _equals ??= Template.Format(Dialect.EqExpression, ("eq", Dialect.Eq)));

    private string? _equals;

    protected virtual string? CasedString(string field, SigmaString value)
    {
        if (Dialect.CasedMatch is null)
        {
            NotSupported("case-sensitive matching ('cased' modifier)");
            return null;
        }

        return StringTemplate(field, value, Dialect.CasedStartsWith, Dialect.CasedEndsWith, Dialect.CasedContains, null, Dialect.CasedMatch);
    }

    private string? StringTemplate(string field, SigmaString value, string? startsWith, string? endsWith, string? contains, string? wildcard, string equals)
    {
        if (value.HasPlaceholders)
        {
            NotSupported("placeholders ('expand' modifier) must be replaced by a pipeline before conversion");
            return null;
        }

        var parts = value.Parts;
        string template;
        SigmaString shown;
        if (startsWith is not null && value.EndsWithWildcard && (Dialect.StartsWithAllowSpecial || !HasSpecial(parts, 0, parts.Count - 1)))
        {
            template = startsWith;
            shown = Slice(value, 0, parts.Count - 1);
        }
        else if (endsWith is not null && value.StartsWithWildcard && (Dialect.EndsWithAllowSpecial || !HasSpecial(parts, 1, parts.Count)))
        {
            template = endsWith;
            shown = Slice(value, 1, parts.Count);
        }
        else if (contains is not null && parts.Count >= 2 && value.StartsWithWildcard && value.EndsWithWildcard && (Dialect.ContainsAllowSpecial || !HasSpecial(parts, 1, parts.Count - 1)))
        {
            template = contains;
            shown = Slice(value, 1, parts.Count - 1);
        }
        else if (wildcard is not null && value.HasWildcards)
        {
            template = wildcard;
            shown = value;
        }
        else
        {
            template = equals;
            shown = value;
        }

        var needsRegex = template.Contains("{regex}", StringComparison.Ordinal);
        return Template.Format(template, ("field", QuoteField(field)), ("value", StringValue(shown)), ("regex", needsRegex ? ToRegex(shown) : string.Empty));
    }

    /// <summary>Whether parts[from..to) hold a wildcard or placeholder, i.e. anything but literal text.</summary>
    protected static bool HasSpecial(EquatableArray<StringPart> parts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (parts[i] is WildcardMultiPart or WildcardSinglePart or PlaceholderPart)
            {
                return true;
            }
        }

        return false;
    }

    protected static SigmaString Slice(SigmaString value, int from, int to) =>
        new(value.Parts.Items.AsSpan(from, to - from).ToImmutableArray(), value.Cased);

    protected virtual string? RegexMatch(string field, SigmaRegex regex)
    {
        if (Dialect.RegexExpression is null)
        {
            NotSupported("regular expressions ('re' modifier)");
            return null;
        }

        var flags = new List<(string, string)> { ("field", QuoteField(field)), ("regex", RegexText(regex)) };
        if (!Dialect.RegexFlagPrefix)
        {
            foreach (var (flag, letter) in new[] { (RegexFlags.IgnoreCase, "i"), (RegexFlags.Multiline, "m"), (RegexFlags.DotAll, "s") })
            {
                var set = regex.Flags.HasFlag(flag);
                if (set && Dialect.RegexFlagTemplates?.ContainsKey(flag) != true)
                {
                    NotSupported("regular expression flag '" + letter + "'");
                    return null;
                }

                flags.Add(("flag_" + letter, set ? Dialect.RegexFlagTemplates![flag] : string.Empty));
            }
        }

        return Template.Format(Dialect.RegexExpression, [.. flags]);
    }

    protected virtual string? CidrMatch(string field, SigmaCidr cidr)
    {
        if (Dialect.Cidr is null)
        {
            NotSupported("CIDR network matching ('cidr' modifier)");
            return null;
        }

        var network = cidr.Network;
        return Template.Format(
            Dialect.Cidr,
            ("field", field),
            ("value", network.ToString()),
            ("network", network.BaseAddress.ToString()),
            ("prefixlen", network.PrefixLength.ToString(CultureInfo.InvariantCulture)));
    }

    protected virtual string? FieldReference(string field, SigmaFieldRef reference)
    {
        if (Dialect.FieldEqualsField is null || reference.StartsWith || reference.EndsWith)
        {
            NotSupported("comparing two fields ('fieldref' modifier)");
            return null;
        }

        return Template.Format(Dialect.FieldEqualsField, ("field1", QuoteField(field)), ("field2", QuoteField(reference.Field)));
    }

    protected virtual string? TimePartMatch(string field, SigmaTimePart part)
    {
        if (Dialect.TimePartExpression is null || Dialect.TimePartNames is null || part.Value is not SigmaNumber number)
        {
            NotSupported("matching parts of timestamps ('minute', 'hour', ... modifiers)");
            return null;
        }

        return Template.Format(Dialect.TimePartExpression, ("field", QuoteField(field)), ("timestamp_part", Dialect.TimePartNames[part.Part])) + Dialect.Eq + number.Text;
    }

    protected virtual string? Keyword(SigmaValue value)
    {
        switch (value)
        {
            case SigmaString { HasPlaceholders: false } s when Dialect.UnboundString is not null:
                return Template.Format(Dialect.UnboundString, ("value", StringValue(s)), ("regex", ToRegex(s)));
            case SigmaNumber n when Dialect.UnboundNumber is not null:
                return Template.Format(Dialect.UnboundNumber, ("value", n.Text));
            case SigmaRegex r when Dialect.UnboundRegex is not null:
                return Template.Format(Dialect.UnboundRegex, ("value", RegexText(r)));
            case SigmaExpansion expansion:
                return Joined(new COr([.. expansion.Values.Select(v => (CNode)new CValue(v))]), [.. expansion.Values.Select(v => (CNode)new CValue(v))], Dialect.Or);
            default:
                NotSupported("keyword (field-less) values of this kind");
                return null;
        }
    }
}
