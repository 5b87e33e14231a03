using System.Buffers.Binary;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Reads Windows EVTX event logs chunk by chunk from a stream (one 64 KiB buffer, never the whole
/// file). Damage never throws: it is reported through the diagnostic callback and reading goes on
/// with the next record or chunk.
/// </summary>
public sealed class EvtxReader(EvtxReaderOptions? options = null)
{
    private const int FileHeaderSize = 4096;
    private static ReadOnlySpan<byte> FileMagic => "ElfFile\0"u8;

    private readonly EvtxReaderOptions _options = options ?? EvtxReaderOptions.Default;

    /// <summary>
    /// Streams the records of an EVTX file. <paramref name="fileName"/> only labels diagnostics.
    /// Each enumeration reads the stream from its current position once.
    /// </summary>
    public IEnumerable<EvtxRecord> ReadRecords(Stream stream, string fileName, Action<EvtxDiagnostic>? onDiagnostic = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return Read(stream, fileName, onDiagnostic);
    }

    /// <summary>Opens <paramref name="path"/> and streams its records.</summary>
    public IEnumerable<EvtxRecord> ReadFile(string path, Action<EvtxDiagnostic>? onDiagnostic = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        foreach (var record in Read(stream, path, onDiagnostic))
        {
            yield return record;
        }
    }

    private IEnumerable<EvtxRecord> Read(Stream stream, string fileName, Action<EvtxDiagnostic>? report)
    {
        var chunk = new ChunkContext();
        var header = chunk.Buffer;
        var headerLength = stream.ReadAtLeast(header.AsMemory(0, FileHeaderSize).Span, FileHeaderSize, throwOnEndOfStream: false);
        if (headerLength < FileHeaderSize)
        {
            report?.Invoke(EvtxDiagnosticFacts.TooShort(fileName, headerLength));
            yield break;
        }

        CheckFileHeader(header, fileName, report);
        using var parser = new RecordParser(chunk, _options);
        var scanner = new ChunkRecordScanner(chunk, parser, _options);
        long offset = FileHeaderSize;
        for (var index = 0; ; index++, offset += ChunkContext.Size)
        {
            var length = stream.ReadAtLeast(chunk.Buffer, ChunkContext.Size, throwOnEndOfStream: false);
            if (length == 0)
            {
                yield break;
            }

            chunk.Reset(index, offset);
            if (length < ChunkContext.Size)
            {
                if (!chunk.Buffer.AsSpan(0, length).ContainsAnyExcept((byte)0))
                {
                    yield break; // zero padding after the last chunk
                }

                report?.Invoke(EvtxDiagnosticFacts.Truncated(fileName, index, offset, length));
                Array.Clear(chunk.Buffer, length, ChunkContext.Size - length);
            }
            else if (!chunk.Buffer.AsSpan(0, 8).ContainsAnyExcept((byte)0) && !chunk.Buffer.AsSpan().ContainsAnyExcept((byte)0))
            {
                continue; // an unused, zero-filled chunk holds nothing to report
            }

            if (!scanner.CheckHeader(fileName, report, out var recordsEnd))
            {
                continue;
            }

            foreach (var record in scanner.ReadRecords(Math.Min(recordsEnd, Math.Max(length, ChunkContext.HeaderSize)), fileName, report))
            {
                yield return record;
            }
        }
    }

    private void CheckFileHeader(byte[] header, string fileName, Action<EvtxDiagnostic>? report)
    {
        if (!header.AsSpan().StartsWith(FileMagic))
        {
            report?.Invoke(EvtxDiagnosticFacts.FileHeaderMagic(fileName));
            return;
        }

        if (_options.VerifyChecksums)
        {
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(124));
            var computed = Crc32.Compute(header.AsSpan(0, 120));
            if (stored != computed)
            {
                report?.Invoke(EvtxDiagnosticFacts.FileHeaderCrc(fileName, stored, computed));
            }
        }
    }
}
