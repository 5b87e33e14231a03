using System.Runtime.InteropServices;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// UTF-16LE text straight from chunk bytes. Strings from a compromised machine may hold lone
/// surrogates, which Utf8JsonWriter refuses; they are replaced by U+FFFD here so writing never fails.
/// </summary>
internal static class Utf16Text
{
    /// <summary>Views little-endian bytes as chars (x86/ARM are little-endian; no copy).</summary>
    public static ReadOnlySpan<char> AsChars(ReadOnlySpan<byte> bytes) =>
        MemoryMarshal.Cast<byte, char>(bytes[..(bytes.Length & ~1)]);

    /// <summary>
    /// Drops the NUL terminators Windows keeps inside value sizes and, as evtx_dump does since 0.8.5,
    /// trailing whitespace (Windows pads some fields, e.g. LogonProcessName "Advapi  ").
    /// </summary>
    public static ReadOnlySpan<char> TrimNul(ReadOnlySpan<char> text)
    {
        var end = text.Length;
        while (end > 0 && (text[end - 1] == '\0' || char.IsWhiteSpace(text[end - 1])))
        {
            end--;
        }

        return text[..end];
    }

    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        var i = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return true;
        }

        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies <paramref name="text"/> into <paramref name="target"/>, replacing lone surrogates.</summary>
    public static void CopyRepaired(ReadOnlySpan<char> text, Span<char> target)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                target[i] = c;
                target[i + 1] = text[i + 1];
                i++;
            }
            else
            {
                target[i] = char.IsSurrogate(c) ? '\uFFFD' : c;
            }
        }
    }

    public static string ToRepairedString(ReadOnlySpan<char> text)
    {
        if (IsWellFormed(text))
        {
            return new string(text);
        }

        var chars = new char[text.Length];
        CopyRepaired(text, chars);
        return new string(chars);
    }
}
