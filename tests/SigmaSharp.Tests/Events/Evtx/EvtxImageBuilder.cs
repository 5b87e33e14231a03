using System.Buffers.Binary;
using SigmaSharp.Events.Evtx;

namespace SigmaSharp.Tests.Events.Evtx;

/// <summary>Assembles a complete EVTX file in memory: file header, chunks, records, checksums.</summary>
internal sealed class EvtxImageBuilder
{
    public const int RecordBinXmlOffset = 24;

    private readonly List<byte[]> _chunks = [];
    private byte[]? _chunk;
    private int _position;
    private ulong _nextRecordId = 1;

    /// <summary>Starts a chunk; records added next go into it.</summary>
    public EvtxImageBuilder Chunk()
    {
        _chunk = new byte[ChunkContext.Size];
        "ElfChnk\0"u8.CopyTo(_chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(40), 128);
        _position = ChunkContext.HeaderSize;
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(48), (uint)_position);
        _chunks.Add(_chunk);
        return this;
    }

    /// <summary>Adds a record whose BinXML <paramref name="write"/> produces.</summary>
    public EvtxImageBuilder Record(Action<BinXmlBuilder> write)
    {
        var binXml = new BinXmlBuilder(_position + RecordBinXmlOffset);
        write(binXml);
        var body = binXml.ToArray();
        var size = RecordBinXmlOffset + body.Length + 4;
        var record = _chunk!.AsSpan(_position, size);
        BinaryPrimitives.WriteUInt32LittleEndian(record, 0x00002A2A);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)size);
        BinaryPrimitives.WriteUInt64LittleEndian(record[8..], _nextRecordId++);
        BinaryPrimitives.WriteInt64LittleEndian(record[16..], new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).ToFileTimeUtc());
        body.CopyTo(record[RecordBinXmlOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(record[^4..], (uint)size);
        _position += size;
        BinaryPrimitives.WriteUInt32LittleEndian(_chunk.AsSpan(48), (uint)_position);
        return this;
    }

    public byte[] Build()
    {
        var file = new byte[4096 + (_chunks.Count * ChunkContext.Size)];
        "ElfFile\0"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), 128);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(36), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(38), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(40), 4096);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(42), (ushort)_chunks.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(124), Crc32.Compute(file.AsSpan(0, 120)));
        for (var i = 0; i < _chunks.Count; i++)
        {
            var chunk = _chunks[i];
            var freeSpace = (int)BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(48));
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(52), Crc32.Compute(chunk.AsSpan(512, freeSpace - 512)));
            var headerCrc = Crc32.Append(Crc32.Compute(chunk.AsSpan(0, 120)), chunk.AsSpan(128, 384));
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(124), headerCrc);
            chunk.CopyTo(file, 4096 + (i * ChunkContext.Size));
        }

        return file;
    }
}
