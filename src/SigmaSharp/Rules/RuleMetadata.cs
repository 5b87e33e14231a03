namespace SigmaSharp.Rules;

public enum RuleStatus
{
    Stable,
    Test,
    Experimental,
    Deprecated,
    Unsupported,
}

public enum RuleLevel
{
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

public enum RelationType
{
    Derived,
    Obsolete,
    Merged,
    Renamed,
    Similar,
}

public sealed record RelatedRule(string Id, RelationType Type, SourcePosition Position);

/// <summary>
/// A tag split at its first dot: <c>attack.t1059.001</c> is namespace <c>attack</c>, name <c>t1059.001</c>. A tag
/// without a namespace (no dot, or a leading dot) keeps its whole text as the name, so it is written back unchanged.
/// </summary>
public sealed record SigmaTag(string Namespace, string Name, SourcePosition Position)
{
    public static SigmaTag Parse(string text, SourcePosition position)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 ? new SigmaTag(string.Empty, text, position) : new SigmaTag(text[..dot], text[(dot + 1)..], position);
    }

    public override string ToString() => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}

/// <summary>A rule date as written, with the parsed calendar date when it has a known format.</summary>
public sealed record SigmaDate(string Text, DateOnly? Value, SourcePosition Position)
{
    public override string ToString() => Text;
}

/// <summary>
/// A custom (non-standard) attribute kept as written: a string, null, a list (<c>EquatableArray&lt;object?&gt;</c>) or
/// an ordered map (<c>EquatableArray&lt;KeyValuePair&lt;string, object?&gt;&gt;</c>) of these, so that rules compare by content.
/// </summary>
public sealed record CustomAttribute(string Name, object? Value, SourcePosition Position);

/// <summary>Metadata shared by detection, correlation and filter rules.</summary>
public sealed record RuleInfo(
    string Title,
    string? Id,
    string? Name,
    EquatableArray<RelatedRule> Related,
    string? Taxonomy,
    RuleStatus? Status,
    string? Description,
    string? License,
    string? Author,
    EquatableArray<string> References,
    SigmaDate? Date,
    SigmaDate? Modified,
    EquatableArray<string> Fields,
    EquatableArray<string> FalsePositives,
    RuleLevel? Level,
    EquatableArray<SigmaTag> Tags,
    EquatableArray<string> Scope,
    EquatableArray<CustomAttribute> Custom);
