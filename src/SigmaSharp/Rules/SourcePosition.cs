namespace SigmaSharp.Rules;

/// <summary>Where a model node came from: file, 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public static SourcePosition None { get; } = new(string.Empty, 0, 0);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
