using System.Buffers.Binary;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// One 64 KiB chunk held in memory together with what is cached for it: decoded names, compiled
/// templates and Data-key strings. All offsets inside BinXML are relative to the chunk start, so
/// every cache is keyed by offset and cleared when the next chunk is loaded.
/// </summary>
internal sealed class ChunkContext
{
    public const int Size = 65536;
    public const int HeaderSize = 512;

    private readonly Dictionary<int, XmlName> _names = [];
    private readonly Dictionary<int, string> _keys = [];

    public byte[] Buffer { get; } = new byte[Size];

    public int Index { get; private set; }

    public long FileOffset { get; private set; }

    public Dictionary<int, CompiledTemplate> Templates { get; } = [];

    /// <summary>Template definitions being compiled right now; a repeat means a cycle.</summary>
    public HashSet<int> TemplatesInProgress { get; } = [];

    public void Reset(int index, long fileOffset)
    {
        Index = index;
        FileOffset = fileOffset;
        _names.Clear();
        _keys.Clear();
        Templates.Clear();
        TemplatesInProgress.Clear();
    }

    public static void Require(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Size - length)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlOutOfBounds,
                $"BinXML reads {length} bytes at chunk offset {offset}, beyond the chunk");
        }
    }

    public byte U8(int offset)
    {
        Require(offset, 1);
        return Buffer[offset];
    }

    public ushort U16(int offset)
    {
        Require(offset, 2);
        return BinaryPrimitives.ReadUInt16LittleEndian(Buffer.AsSpan(offset));
    }

    public uint U32(int offset)
    {
        Require(offset, 4);
        return BinaryPrimitives.ReadUInt32LittleEndian(Buffer.AsSpan(offset));
    }

    /// <summary>
    /// Reads the name structure at <paramref name="nameOffset"/> (next offset, hash, length, UTF-16,
    /// NUL). When it sits right at <paramref name="position"/> it is defined inline and the position
    /// moves past it; otherwise it was defined earlier and is only referenced.
    /// </summary>
    public XmlName ReadName(uint nameOffset, ref int position)
    {
        if (nameOffset >= Size)
        {
            throw new EvtxDamageException(EvtxDiagnosticFacts.BinXmlOutOfBounds,
                $"name offset {nameOffset} lies outside the chunk");
        }

        var offset = (int)nameOffset;
        var length = U16(offset + 6);
        var byteLength = 8 + (length * 2) + 2;
        Require(offset, byteLength);
        if (offset == position)
        {
            position += byteLength;
        }

        if (!_names.TryGetValue(offset, out var name))
        {
            var chars = Utf16Text.AsChars(Buffer.AsSpan(offset + 8, length * 2));
            name = new XmlName(Utf16Text.ToRepairedString(chars));
            _names[offset] = name;
        }

        return name;
    }

    /// <summary>A Data element's key from a string value, decoded once per chunk.</summary>
    public string KeyFromString(int offset, int length)
    {
        if (!_keys.TryGetValue(offset, out var key))
        {
            var chars = Utf16Text.TrimNul(Utf16Text.AsChars(Buffer.AsSpan(offset, length)));
            key = Utf16Text.ToRepairedString(chars);
            _keys[offset] = key;
        }

        return key;
    }
}
