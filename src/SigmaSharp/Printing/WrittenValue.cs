namespace SigmaSharp.Printing;

/// <summary>One scalar of a detection item as it will be written: its text, and whether it is quoted (a string).</summary>
internal readonly record struct WrittenValue(string? Text, bool Quoted)
{
    public static WrittenValue Null { get; } = new(null, false);

    public EmittedScalar Emit() => new(Text is null ? "null" : Quoted ? YamlScalarText.Quoted(Text) : Text);
}
