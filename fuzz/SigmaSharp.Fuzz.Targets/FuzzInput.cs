using System.Text;

namespace SigmaSharp.Fuzz.Targets;

/// <summary>How harnesses turn fuzzer bytes into the text a loader receives.</summary>
internal static class FuzzInput
{
    // Invalid UTF-8 becomes U+FFFD as the file readers' callers would see it after a lossy read; the strict
    // decoder of rule files is fuzzed by nothing here because it only ever returns a diagnostic.
    public static string Text(ReadOnlyMemory<byte> input) => Encoding.UTF8.GetString(input.Span);

    public static byte[][] Tokens(params string[] tokens) => [.. tokens.Select(Encoding.UTF8.GetBytes)];
}
