using System.Buffers.Binary;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Checks a chunk's header and walks its event records. A record with a bad signature or size is
/// reported and the scan resumes at the next record signature, so one bad record costs only itself.
/// </summary>
internal sealed class ChunkRecordScanner(ChunkContext chunk, RecordParser parser, EvtxReaderOptions options)
{
    private const uint RecordSignature = 0x00002A2A;
    private const int RecordHeaderSize = 24;
    private static ReadOnlySpan<byte> ChunkMagic => "ElfChnk\0"u8;
    private static ReadOnlySpan<byte> RecordMagic => [0x2A, 0x2A, 0x00, 0x00];

    /// <summary>Reports problems of the chunk header; false when the chunk must be skipped.</summary>
    public bool CheckHeader(string fileName, Action<EvtxDiagnostic>? report, out int recordsEnd)
    {
        var buffer = chunk.Buffer.AsSpan();
        recordsEnd = ChunkContext.Size;
        if (!buffer.StartsWith(ChunkMagic))
        {
            report?.Invoke(EvtxDiagnosticFacts.ChunkMagic(fileName, chunk.Index, chunk.FileOffset));
            return false;
        }

        var freeSpace = BinaryPrimitives.ReadUInt32LittleEndian(buffer[48..]);
        if (freeSpace is >= ChunkContext.HeaderSize and <= ChunkContext.Size)
        {
            recordsEnd = (int)freeSpace;
        }
        else
        {
            report?.Invoke(EvtxDiagnosticFacts.FreeSpace(fileName, chunk.Index, chunk.FileOffset, freeSpace));
        }

        if (options.VerifyChecksums)
        {
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(buffer[124..]);
            var computed = Crc32.Append(Crc32.Compute(buffer[..120]), buffer[128..ChunkContext.HeaderSize]);
            if (stored != computed)
            {
                report?.Invoke(EvtxDiagnosticFacts.ChunkHeaderCrc(fileName, chunk.Index, chunk.FileOffset, stored, computed));
            }

            var storedRecords = BinaryPrimitives.ReadUInt32LittleEndian(buffer[52..]);
            var computedRecords = Crc32.Compute(buffer[ChunkContext.HeaderSize..recordsEnd]);
            if (storedRecords != computedRecords)
            {
                report?.Invoke(EvtxDiagnosticFacts.ChunkRecordsCrc(fileName, chunk.Index, chunk.FileOffset,
                    storedRecords, computedRecords));
            }
        }

        return true;
    }

    public IEnumerable<EvtxRecord> ReadRecords(int recordsEnd, string fileName, Action<EvtxDiagnostic>? report)
    {
        var pos = ChunkContext.HeaderSize;
        while (pos + RecordHeaderSize <= recordsEnd)
        {
            var fileOffset = chunk.FileOffset + pos;
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(chunk.Buffer.AsSpan(pos));
            if (signature != RecordSignature)
            {
                report?.Invoke(EvtxDiagnosticFacts.RecordSignature(fileName, chunk.Index, fileOffset));
                pos = NextSignature(pos + 1, recordsEnd);
                continue;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.Buffer.AsSpan(pos + 4));
            if (size < RecordHeaderSize + 4 || size > ChunkContext.Size - pos)
            {
                report?.Invoke(EvtxDiagnosticFacts.RecordSize(fileName, chunk.Index, fileOffset, size));
                pos = NextSignature(pos + 4, recordsEnd);
                continue;
            }

            var end = pos + (int)size;
            var recordId = BinaryPrimitives.ReadUInt64LittleEndian(chunk.Buffer.AsSpan(pos + 8));
            var fileTime = BinaryPrimitives.ReadInt64LittleEndian(chunk.Buffer.AsSpan(pos + 16));
            var copy = BinaryPrimitives.ReadUInt32LittleEndian(chunk.Buffer.AsSpan(end - 4));
            if (copy != size)
            {
                report?.Invoke(EvtxDiagnosticFacts.RecordSizeCopy(fileName, chunk.Index, fileOffset, recordId, size, copy));
            }

            var record = parser.Parse(pos + RecordHeaderSize, end - 4, recordId, ToUtc(fileTime), fileOffset, fileName, report);
            if (record is not null)
            {
                yield return record;
            }

            pos = end;
        }
    }

    private int NextSignature(int from, int recordsEnd)
    {
        if (from >= recordsEnd)
        {
            return recordsEnd;
        }

        var found = chunk.Buffer.AsSpan(from, recordsEnd - from).IndexOf(RecordMagic);
        return found < 0 ? recordsEnd : from + found;
    }

    private static DateTime ToUtc(long fileTime) =>
        fileTime >= 0 && fileTime <= DateTime.MaxValue.ToFileTimeUtc()
            ? DateTime.FromFileTimeUtc(fileTime)
            : DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
}
