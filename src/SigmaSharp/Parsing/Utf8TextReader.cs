using System.Text;

namespace SigmaSharp.Parsing;

/// <summary>
/// Reads UTF-8 bytes already checked valid as characters, block by block as YamlDotNet asks for them, so that a rule
/// file is never held a second time as one string (~2 bytes per character allocated for every file of a load).
/// </summary>
internal sealed class Utf8TextReader(ReadOnlyMemory<byte> bytes) : TextReader
{
    private ReadOnlyMemory<byte> _rest = bytes;
    private char? _lowSurrogate; // the second half of a character when only one char of room was asked for

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        if (buffer.Length > 0 && _lowSurrogate is { } low)
        {
            buffer[written++] = low;
            _lowSurrogate = null;
        }

        if (buffer.Length - written == 1 && !_rest.IsEmpty)
        {
            // A character outside the BMP takes two chars: its second half waits for the next read.
            Rune.DecodeFromUtf8(_rest.Span, out var rune, out var consumed);
            _rest = _rest[consumed..];
            Span<char> pair = stackalloc char[2];
            var length = rune.EncodeToUtf16(pair);
            buffer[written++] = pair[0];
            _lowSurrogate = length == 2 ? pair[1] : null;
        }
        else if (buffer.Length - written > 1 && !_rest.IsEmpty)
        {
            System.Text.Unicode.Utf8.ToUtf16(_rest.Span, buffer[written..], out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            _rest = _rest[bytesRead..];
            written += charsWritten;
        }

        return written;
    }

    public override int Peek() => throw new NotSupportedException("YamlDotNet reads blocks");

    public override int Read() => throw new NotSupportedException("YamlDotNet reads blocks");
}
