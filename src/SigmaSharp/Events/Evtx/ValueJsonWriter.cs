using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Writes one typed value as a JSON value: integers, floats and booleans as JSON numbers/booleans,
/// arrays as JSON arrays, everything else as the string <see cref="ValueFormatter"/> makes.
/// Strings are written straight from the chunk's UTF-16 bytes without an intermediate string.
/// </summary>
internal static class ValueJsonWriter
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> chunk, in ValuePiece piece)
    {
        var data = chunk.Slice(piece.Offset, piece.Length);
        if ((piece.Type & BinXmlValueType.ArrayFlag) != 0 && piece.Type < BinXmlValueType.CharRefPiece)
        {
            WriteArray(writer, data, (byte)(piece.Type & ~BinXmlValueType.ArrayFlag));
            return;
        }

        WriteScalar(writer, piece.Type, data);
    }

    public static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<char> text)
    {
        if (Utf16Text.IsWellFormed(text))
        {
            writer.WriteStringValue(text);
            return;
        }

        var rented = ArrayPool<char>.Shared.Rent(text.Length);
        Utf16Text.CopyRepaired(text, rented);
        writer.WriteStringValue(rented.AsSpan(0, text.Length));
        ArrayPool<char>.Shared.Return(rented);
    }

    private static void WriteScalar(Utf8JsonWriter writer, byte type, ReadOnlySpan<byte> data)
    {
        var fixedSize = BinXmlValueType.FixedSize(type);
        var complete = data.Length >= fixedSize;
        switch (type)
        {
            case BinXmlValueType.Null or BinXmlValueType.BinXml:
                writer.WriteNullValue();
                return;
            case BinXmlValueType.String or BinXmlValueType.EvtXml:
                WriteString(writer, Utf16Text.TrimNul(Utf16Text.AsChars(data)));
                return;
            case BinXmlValueType.Int8 when complete: writer.WriteNumberValue((sbyte)data[0]); return;
            case BinXmlValueType.UInt8 when complete: writer.WriteNumberValue(data[0]); return;
            case BinXmlValueType.Int16 when complete: writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(data)); return;
            case BinXmlValueType.UInt16 when complete: writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(data)); return;
            case BinXmlValueType.Int32 when complete: writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(data)); return;
            case BinXmlValueType.UInt32 when complete: writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(data)); return;
            case BinXmlValueType.Int64 when complete: writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(data)); return;
            case BinXmlValueType.UInt64 when complete: writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(data)); return;
            case BinXmlValueType.Real32 when complete && float.IsFinite(BinaryPrimitives.ReadSingleLittleEndian(data)):
                writer.WriteNumberValue(BinaryPrimitives.ReadSingleLittleEndian(data));
                return;
            case BinXmlValueType.Real64 when complete && double.IsFinite(BinaryPrimitives.ReadDoubleLittleEndian(data)):
                writer.WriteNumberValue(BinaryPrimitives.ReadDoubleLittleEndian(data));
                return;
            case BinXmlValueType.Bool when complete:
                writer.WriteBooleanValue(BinaryPrimitives.ReadUInt32LittleEndian(data) != 0);
                return;
            default:
                WriteFormatted(writer, type, data);
                return;
        }
    }

    private static void WriteFormatted(Utf8JsonWriter writer, byte type, ReadOnlySpan<byte> data)
    {
        var needed = ValueFormatter.MaxChars(data.Length);
        if (needed <= 512)
        {
            Span<char> scratch = stackalloc char[512];
            writer.WriteStringValue(scratch[..ValueFormatter.Format(type, data, scratch)]);
            return;
        }

        var rented = ArrayPool<char>.Shared.Rent(needed);
        writer.WriteStringValue(rented.AsSpan(0, ValueFormatter.Format(type, data, rented)));
        ArrayPool<char>.Shared.Return(rented);
    }

    private static void WriteArray(Utf8JsonWriter writer, ReadOnlySpan<byte> data, byte itemType)
    {
        writer.WriteStartArray();
        if (itemType == BinXmlValueType.String)
        {
            var chars = Utf16Text.AsChars(data);
            if (!chars.IsEmpty && chars[^1] == '\0')
            {
                chars = chars[..^1];
            }

            while (!chars.IsEmpty)
            {
                var end = chars.IndexOf('\0');
                WriteString(writer, end < 0 ? chars : chars[..end]);
                chars = end < 0 ? [] : chars[(end + 1)..];
            }
        }
        else
        {
            var size = BinXmlValueType.FixedSize(itemType);
            if (size == 0)
            {
                WriteFormatted(writer, BinXmlValueType.Binary, data);
            }
            else
            {
                for (var i = 0; i + size <= data.Length; i += size)
                {
                    WriteScalar(writer, itemType, data.Slice(i, size));
                }
            }
        }

        writer.WriteEndArray();
    }
}
