using SigmaSharp.Rules.Values;

namespace SigmaSharp.Rules;

public enum Linking
{
    Or,
    And,
}

/// <summary>A node of a search identifier's definition: an item or a group of nodes.</summary>
public abstract record DetectionNode(SourcePosition Position);

/// <summary>
/// One field (or keyword) test. <see cref="Values"/> hold the values after modifiers were applied;
/// <see cref="RawValues"/> the scalars as written, for tools that must reproduce a legacy converter's spelling.
/// </summary>
public sealed record DetectionItem(
    string? Field,
    EquatableArray<Modifier> Modifiers,
    EquatableArray<SigmaValue> Values,
    EquatableArray<string?> RawValues,
    Linking ValueLinking,
    bool Negated,
    SourcePosition Position) : DetectionNode(Position)
{
    /// <summary>True for keyword items (no field: the value is searched in the whole event).</summary>
    public bool IsKeyword => Field is null;

    /// <summary>
    /// True when the YAML wrote the values as a list, even of one item. Matching never depends on it, but the
    /// legacy converter rendered <c>F: [x]</c> and <c>F: x</c> differently and we reproduce its output.
    /// </summary>
    public bool WrittenAsList { get; init; }

    /// <summary>The key as written: field and modifiers separated by <c>|</c>.</summary>
    public string Key => (Field ?? string.Empty) + string.Concat(Modifiers.Select(m => "|" + ModifierNames.NameOf(m)));
}

/// <summary>Maps are AND-linked groups of items; lists are OR-linked groups.</summary>
public sealed record DetectionGroup(EquatableArray<DetectionNode> Items, Linking Linking, SourcePosition Position)
    : DetectionNode(Position);

/// <summary>A named search identifier of the detection section.</summary>
public sealed record SearchIdentifier(string Name, DetectionNode Definition, SourcePosition Position);
