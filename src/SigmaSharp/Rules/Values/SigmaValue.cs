namespace SigmaSharp.Rules.Values;

/// <summary>A value of a detection item after its modifiers were applied.</summary>
public abstract record SigmaValue;

/// <summary>A YAML null: the field must be absent or null.</summary>
public sealed record SigmaNull : SigmaValue
{
    public static SigmaNull Instance { get; } = new();
}

public sealed record SigmaBool(bool Value) : SigmaValue;

/// <summary>A number as written in the rule; <see cref="Text"/> keeps its canonical spelling.</summary>
public sealed record SigmaNumber(decimal Value, string Text, bool IsInteger) : SigmaValue
{
    public override string ToString() => Text;
}

public enum RegexFlags
{
    None = 0,
    IgnoreCase = 1,
    Multiline = 2,
    DotAll = 4,
}

/// <summary>A regular expression value (<c>re</c> modifier), PCRE subset of the specification.</summary>
public sealed record SigmaRegex(string Pattern, RegexFlags Flags) : SigmaValue;

/// <summary>A CIDR network (<c>cidr</c> modifier), IPv4 or IPv6.</summary>
public sealed record SigmaCidr(System.Net.IPNetwork Network, string Text) : SigmaValue;

/// <summary>A reference to another field of the same event (<c>fieldref</c>).</summary>
public sealed record SigmaFieldRef(string Field, bool StartsWith = false, bool EndsWith = false) : SigmaValue;

/// <summary>Field existence test (<c>exists</c>).</summary>
public sealed record SigmaExists(bool Exists) : SigmaValue;

public enum CompareOperator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>A numeric comparison (<c>lt</c>, <c>lte</c>, <c>gt</c>, <c>gte</c>).</summary>
public sealed record SigmaCompare(CompareOperator Operator, SigmaNumber Number) : SigmaValue;

public enum TimePart
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A part of a timestamp field compared to a number (<c>hour</c>, <c>day</c>, ...).</summary>
public sealed record SigmaTimePart(TimePart Part, SigmaValue Value) : SigmaValue;

/// <summary>
/// Alternatives that one written value expanded into (windash, base64offset); always OR-linked,
/// whatever the item's own linking, as the specification's expansion modifiers mean.
/// </summary>
public sealed record SigmaExpansion(EquatableArray<SigmaValue> Values) : SigmaValue;
