using System.Buffers;

namespace SigmaSharp.Events;

/// <summary>
/// Finds record boundaries in a byte stream that arrives in chunks. Scanning state survives between
/// calls, so a record longer than the buffer can be skipped without ever holding it whole.
/// </summary>
internal abstract class RecordSplitter
{
    protected static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>Index of the next record's first byte in <paramref name="data"/>, or -1 when
    /// <paramref name="data"/> holds only separators. <paramref name="finished"/> is set once no
    /// further record can follow (a JSON array's closing bracket).</summary>
    public abstract int FindStart(ReadOnlySpan<byte> data, out bool finished);

    /// <summary>Continues scanning the current record; index just past its end, or -1 if it goes on.</summary>
    public abstract int FindEnd(ReadOnlySpan<byte> data);
}

/// <summary>One JSON value per line; blank lines are skipped.</summary>
internal sealed class JsonLinesSplitter : RecordSplitter
{
    public override int FindStart(ReadOnlySpan<byte> data, out bool finished)
    {
        finished = false;
        return data.IndexOfAnyExcept(Whitespace);
    }

    // The record excludes the newline; a trailing '\r' is JSON whitespace and harmless.
    public override int FindEnd(ReadOnlySpan<byte> data) => data.IndexOf((byte)'\n');
}
