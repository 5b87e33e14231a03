using System.Text;

namespace SigmaSharp.Events;

/// <summary>
/// Decodes a JSON string's contents whose escapes are all two characters long (<c>\\</c>, <c>\"</c>,
/// <c>\/</c>, <c>\b</c>, <c>\f</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>): Windows paths are full of <c>\\</c>,
/// and decoding them this way costs a copy instead of a JSON reader per value. <c>\u</c> escapes are
/// left to the reader (surrogate pairs, lone surrogates).
/// </summary>
internal static class TwoCharacterEscapes
{
    /// <summary>Longer contents go to the JSON reader: the copy is made on the stack.</summary>
    public const int MaxLength = 1024;

    /// <summary>The decoded text of <paramref name="raw"/> (valid UTF-8 string contents, quotes excluded), or null when it holds a <c>\u</c> escape or is too long.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > MaxLength)
        {
            return null;
        }
        Span<byte> text = stackalloc byte[raw.Length];
        var written = 0;
        var read = 0;
        for (var at = raw.IndexOf((byte)'\\'); at >= 0; at = raw[read..].IndexOf((byte)'\\'))
        {
            at += read;
            raw[read..at].CopyTo(text[written..]);
            written += at - read;
            byte? unescaped = at + 1 < raw.Length ? raw[at + 1] switch
            {
                (byte)'\\' => (byte)'\\',
                (byte)'"' => (byte)'"',
                (byte)'/' => (byte)'/',
                (byte)'b' => (byte)'\b',
                (byte)'f' => (byte)'\f',
                (byte)'n' => (byte)'\n',
                (byte)'r' => (byte)'\r',
                (byte)'t' => (byte)'\t',
                _ => null,
            } : null;
            if (unescaped is not { } b)
            {
                return null;
            }
            text[written++] = b;
            read = at + 2;
        }
        raw[read..].CopyTo(text[written..]);
        written += raw.Length - read;
        return Encoding.UTF8.GetString(text[..written]);
    }
}
