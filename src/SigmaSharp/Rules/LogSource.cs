namespace SigmaSharp.Rules;

/// <summary>The log source of a rule; further keys besides category/product/service are kept in <see cref="Custom"/>.</summary>
public sealed record LogSource(
    string? Category,
    string? Product,
    string? Service,
    string? Definition,
    EquatableArray<KeyValuePair<string, string>> Custom,
    SourcePosition Position)
{
    public static LogSource Empty { get; } = new(null, null, null, null, EquatableArray<KeyValuePair<string, string>>.Empty, SourcePosition.None);

    public override string ToString() =>
        string.Join(", ", new[] { ("category", Category), ("product", Product), ("service", Service) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}: {p.Item2}"));
}
