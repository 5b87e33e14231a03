using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Turns a typed BinXML value into text the way evtx_dump prints it: GUIDs upper-case without
/// braces, hex integers as <c>0x…</c> lower-case, binary as upper-case hex, times as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, SIDs as <c>S-1-…</c>. Numbers are not handled here: the
/// JSON writer emits those as JSON numbers.
/// </summary>
internal static class ValueFormatter
{
    private const long FileTimeEpochTicks = 504911232000000000; // 1601-01-01 in DateTime ticks
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Upper bound of chars <see cref="TryFormat"/> needs for <paramref name="byteLength"/> bytes.</summary>
    public static int MaxChars(int byteLength) => 64 + (byteLength * 4);

    /// <summary>Formats any non-string scalar type (numbers included) into <paramref name="target"/>.</summary>
    public static int Format(byte type, ReadOnlySpan<byte> data, Span<char> target)
    {
        var fixedSize = BinXmlValueType.FixedSize(type);
        if (fixedSize > 0 && data.Length < fixedSize)
        {
            return Hex(data, target, upper: true); // a truncated value: show its bytes rather than guess
        }

        int n;
        switch (type)
        {
            case BinXmlValueType.Int8: ((sbyte)data[0]).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.UInt8: data[0].TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.Int16: BinaryPrimitives.ReadInt16LittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.UInt16: BinaryPrimitives.ReadUInt16LittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.Int32: BinaryPrimitives.ReadInt32LittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.UInt32: BinaryPrimitives.ReadUInt32LittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.Int64: BinaryPrimitives.ReadInt64LittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.UInt64: BinaryPrimitives.ReadUInt64LittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.Real32: BinaryPrimitives.ReadSingleLittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.Real64: BinaryPrimitives.ReadDoubleLittleEndian(data).TryFormat(target, out n, provider: CultureInfo.InvariantCulture); return n;
            case BinXmlValueType.Bool: return Copy(BinaryPrimitives.ReadUInt32LittleEndian(data) != 0 ? "true" : "false", target);
            case BinXmlValueType.Guid: return FormatGuid(data, target);
            case BinXmlValueType.HexInt32: return Hex(BinaryPrimitives.ReadUInt32LittleEndian(data), target);
            case BinXmlValueType.HexInt64: return Hex(BinaryPrimitives.ReadUInt64LittleEndian(data), target);
            case BinXmlValueType.SizeT when data.Length == 4: return Hex(BinaryPrimitives.ReadUInt32LittleEndian(data), target);
            case BinXmlValueType.SizeT when data.Length == 8: return Hex(BinaryPrimitives.ReadUInt64LittleEndian(data), target);
            case BinXmlValueType.FileTime: return FormatFileTime(BinaryPrimitives.ReadUInt64LittleEndian(data), data, target);
            case BinXmlValueType.SystemTime: return FormatSystemTime(data, target);
            case BinXmlValueType.Sid: return FormatSid(data, target);
            case BinXmlValueType.AnsiString: return Latin1(data, target);
            default: return Hex(data, target, upper: true);
        }
    }

    /// <summary>Appends any piece (strings, char/entity refs, typed values) as text.</summary>
    public static void AppendText(StringBuilder builder, ReadOnlySpan<byte> chunk, in ValuePiece piece)
    {
        switch (piece.Type)
        {
            case BinXmlValueType.Null or BinXmlValueType.BinXml:
                return;
            case BinXmlValueType.String or BinXmlValueType.EvtXml:
                builder.Append(Utf16Text.TrimNul(Utf16Text.AsChars(chunk.Slice(piece.Offset, piece.Length))));
                return;
            case BinXmlValueType.CharRefPiece:
                builder.Append((char)piece.Offset);
                return;
            case BinXmlValueType.EntityRefPiece:
                builder.Append(piece.Entity!.Value switch
                {
                    "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "apos" => "'",
                    var other => "&" + other + ";",
                });
                return;
            default:
                if ((piece.Type & BinXmlValueType.ArrayFlag) != 0)
                {
                    AppendArrayText(builder, chunk.Slice(piece.Offset, piece.Length), (byte)(piece.Type & ~BinXmlValueType.ArrayFlag));
                    return;
                }

                Span<char> scratch = stackalloc char[256];
                var data = chunk.Slice(piece.Offset, piece.Length);
                if (MaxChars(data.Length) <= scratch.Length)
                {
                    builder.Append(scratch[..Format(piece.Type, data, scratch)]);
                }
                else
                {
                    var big = new char[MaxChars(data.Length)];
                    builder.Append(big.AsSpan(0, Format(piece.Type, data, big)));
                }

                return;
        }
    }

    private static void AppendArrayText(StringBuilder builder, ReadOnlySpan<byte> data, byte itemType)
    {
        if (itemType == BinXmlValueType.String)
        {
            builder.Append(Utf16Text.TrimNul(Utf16Text.AsChars(data)).ToString().Replace('\0', ','));
            return;
        }

        var size = BinXmlValueType.FixedSize(itemType);
        Span<char> scratch = stackalloc char[128];
        for (var i = 0; size > 0 && i + size <= data.Length; i += size)
        {
            if (i > 0) { builder.Append(','); }
            builder.Append(scratch[..Format(itemType, data.Slice(i, size), scratch)]);
        }
    }

    private static int Copy(string text, Span<char> target)
    {
        text.CopyTo(target);
        return text.Length;
    }

    private static int Hex(ulong value, Span<char> target)
    {
        target[0] = '0';
        target[1] = 'x';
        value.TryFormat(target[2..], out var n, "x", CultureInfo.InvariantCulture);
        return n + 2;
    }

    public static int Hex(ReadOnlySpan<byte> data, Span<char> target, bool upper)
    {
        const string Upper = "0123456789ABCDEF";
        const string Lower = "0123456789abcdef";
        var digits = upper ? Upper : Lower;
        for (var i = 0; i < data.Length; i++)
        {
            target[2 * i] = digits[data[i] >> 4];
            target[(2 * i) + 1] = digits[data[i] & 0xF];
        }

        return data.Length * 2;
    }

    private static int FormatGuid(ReadOnlySpan<byte> data, Span<char> target)
    {
        Span<char> lower = stackalloc char[36];
        new Guid(data[..16]).TryFormat(lower, out var n, "D");
        return lower[..n].ToUpperInvariant(target);
    }

    private static int FormatFileTime(ulong fileTime, ReadOnlySpan<byte> data, Span<char> target)
    {
        if (fileTime > (ulong)(DateTime.MaxValue.Ticks - FileTimeEpochTicks))
        {
            return Hex(data, target, upper: true);
        }

        return FormatTime(new DateTime((long)fileTime + FileTimeEpochTicks, DateTimeKind.Utc), target);
    }

    private static int FormatSystemTime(ReadOnlySpan<byte> data, Span<char> target)
    {
        var (year, month, day) = (Field(data, 0), Field(data, 1), Field(data, 3));
        var (hour, minute, second, ms) = (Field(data, 4), Field(data, 5), Field(data, 6), Field(data, 7));
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || ms > 999)
        {
            return Hex(data, target, upper: true);
        }

        return FormatTime(new DateTime(year, month, day, hour, minute, second, ms, DateTimeKind.Utc), target);
    }

    /// <summary>UTC with microseconds (the 100 ns FILETIME digit is cut, as the reference does).</summary>
    private static int FormatTime(DateTime time, Span<char> target)
    {
        time.TryFormat(target, out var n, TimeFormat, CultureInfo.InvariantCulture);
        return n;
    }

    private static int Field(ReadOnlySpan<byte> data, int index) =>
        BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * index)..]);

    private static int FormatSid(ReadOnlySpan<byte> data, Span<char> target)
    {
        if (data.Length < 8 || data.Length < 8 + (data[1] * 4))
        {
            return Hex(data, target, upper: true);
        }

        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | data[i];
        }

        var n = Copy("S-", target);
        data[0].TryFormat(target[n..], out var w, provider: CultureInfo.InvariantCulture);
        n += w;
        target[n++] = '-';
        if (authority >> 32 != 0)
        {
            n += Hex(authority, target[n..]);
        }
        else
        {
            authority.TryFormat(target[n..], out w, provider: CultureInfo.InvariantCulture);
            n += w;
        }

        for (var i = 0; i < data[1]; i++)
        {
            target[n++] = '-';
            BinaryPrimitives.ReadUInt32LittleEndian(data[(8 + (4 * i))..]).TryFormat(target[n..], out w, provider: CultureInfo.InvariantCulture);
            n += w;
        }

        return n;
    }

    private static int Latin1(ReadOnlySpan<byte> data, Span<char> target)
    {
        var end = data.IndexOf((byte)0);
        var text = end < 0 ? data : data[..end];
        return Encoding.Latin1.GetChars(text, target);
    }
}
