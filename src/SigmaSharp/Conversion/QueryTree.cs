using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion;

/// <summary>
/// The backend-neutral query tree the walker builds from a rule and every dialect renders. Its shape follows the
/// legacy converter's parse tree (binary AND/OR from the condition, explicit groups), so that the optimizer can
/// flatten and group exactly as sigmac did. Inner nodes compare by identity; leaves by value (for de-duplication).
/// </summary>
internal abstract class QNode;

internal sealed class QAnd(List<QNode> items) : QNode
{
    public List<QNode> Items { get; set; } = items;
}

internal sealed class QOr(List<QNode> items) : QNode
{
    public List<QNode> Items { get; set; } = items;
}

internal sealed class QNot(QNode item) : QNode
{
    public QNode Item { get; set; } = item;
}

/// <summary>A parenthesised sub-expression.</summary>
internal sealed class QGroup(QNode inner) : QNode
{
    public QNode Inner { get; set; } = inner;
}

/// <summary>field = value; the value may be a list (OR), null, or a typed value.</summary>
internal sealed class QField(string field, QValue value) : QNode
{
    public string Field { get; } = field;

    public QValue Value { get; } = value;

    public override bool Equals(object? obj) => obj is QField other && other.Field == Field && other.Value.Equals(Value);

    public override int GetHashCode() => HashCode.Combine(Field, Value);
}

/// <summary>A value searched anywhere in the event (keyword).</summary>
internal sealed class QKeyword(QScalar value) : QNode
{
    public QScalar Value { get; } = value;

    public override bool Equals(object? obj) => obj is QKeyword other && other.Value.Equals(Value);

    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>Field is null/absent (or, with <see cref="Negated"/>, present), from conditional mappings.</summary>
internal sealed class QNull(string field, bool negated) : QNode
{
    public string Field { get; } = field;

    public bool Negated { get; } = negated;
}

/// <summary>Query text from a config (<c>search:</c>), inserted as written.</summary>
internal sealed class QAsIs(string text) : QNode
{
    public string Text { get; } = text;
}

internal abstract record QValue;

/// <summary>
/// A string or number in the legacy converter's text form: <c>*</c> and <c>?</c> are wildcards, a backslash escapes
/// <c>*</c>, <c>?</c> and itself, any other backslash is literal.
/// </summary>
internal sealed record QScalar(string Text, bool IsInteger) : QValue
{
    public override string ToString() => Text;
}

internal sealed record QList(EquatableArray<QScalar> Items) : QValue;

internal sealed record QNone : QValue
{
    public static QNone Instance { get; } = new();
}

internal sealed record QRegex(SigmaRegex Regex) : QValue;

/// <summary>A value only current Sigma has (cidr, comparisons, exists, field references, cased strings): dialects opt in.</summary>
internal sealed record QTyped(SigmaValue Value) : QValue;
