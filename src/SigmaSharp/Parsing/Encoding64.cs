using System.Collections.Immutable;
using System.Text;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Parsing;

/// <summary>The encoding modifiers: base64, base64offset and the UTF-16 family.</summary>
internal static class Encoding64
{
    public static SigmaValue Base64(SigmaValue value, string name, SourcePosition at) =>
        BytesOf(value, name, at, out var bytes) is { } error
            ? new ErrorValue(error)
            : SigmaString.FromLiteral(Convert.ToBase64String(bytes));

    /// <summary>
    /// The three encodings of the value at byte offsets 0, 1 and 2 of a longer encoded text, trimmed to the
    /// characters that do not depend on the neighbouring bytes.
    /// </summary>
    public static SigmaValue Base64Offset(SigmaValue value, string name, SourcePosition at)
    {
        if (BytesOf(value, name, at, out var bytes) is { } error)
        {
            return new ErrorValue(error);
        }

        int[] startTrim = [0, 2, 3];
        int[] endTrim = [0, 3, 2];
        var variants = ImmutableArray.CreateBuilder<SigmaValue>(3);
        for (var shift = 0; shift < 3; shift++)
        {
            var padded = new byte[shift + bytes.Length];
            padded.AsSpan(0, shift).Fill((byte)' ');
            bytes.CopyTo(padded, shift);
            var encoded = Convert.ToBase64String(padded);
            var end = encoded.Length - endTrim[(bytes.Length + shift) % 3];
            var start = startTrim[shift];
            variants.Add(SigmaString.FromLiteral(end > start ? encoded[start..end] : string.Empty));
        }

        return new SigmaExpansion(variants.ToImmutable());
    }

    public static SigmaValue Utf16(SigmaValue value, bool littleEndian, bool bom, string name, SourcePosition at)
    {
        if (ModifierApplier.AsString(value) is not { } s || value is ByteString)
        {
            return new ErrorValue(ModifierApplier.Mismatch(name, "a string", value, at));
        }

        if (!s.IsPlain)
        {
            return new ErrorValue(DiagnosticFacts.WildcardInEncodedValue(at, name));
        }

        var encoding = new UnicodeEncoding(bigEndian: !littleEndian, byteOrderMark: false);
        var body = encoding.GetBytes(s.PlainText);
        byte[] prefix = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : [];
        return new ByteString([.. prefix, .. body]);
    }

    private static SigmaDiagnostic? BytesOf(SigmaValue value, string name, SourcePosition at, out byte[] bytes)
    {
        bytes = [];
        if (value is ByteString b)
        {
            bytes = [.. b.Bytes];
            return null;
        }

        if (ModifierApplier.AsString(value) is not { } s)
        {
            return ModifierApplier.Mismatch(name, "a string", value, at);
        }

        if (!s.IsPlain)
        {
            return DiagnosticFacts.WildcardInEncodedValue(at, name);
        }

        bytes = Encoding.UTF8.GetBytes(s.PlainText);
        return null;
    }
}

/// <summary>Carries a diagnostic through a value-returning step of the modifier pipeline.</summary>
internal sealed record ErrorValue(SigmaDiagnostic Diagnostic) : SigmaValue;
