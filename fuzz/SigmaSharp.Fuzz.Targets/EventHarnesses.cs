using System.Text.Json;
using SigmaSharp.Events;
using SigmaSharp.Events.Evtx;

namespace SigmaSharp.Fuzz.Targets;

/// <summary>Event files: JSON (lines, arrays, concatenated objects, gzip) and EVTX, whole files and single chunks.</summary>
internal static class EventHarnesses
{
    private const int FileHeaderSize = 4096;
    private const int ChunkSize = 65536;

    private static readonly EventReaderOptions JsonOptions = new()
    {
        Diagnostics = new EventDiagnosticLog(maxKept: 16),
        EvtxSource = null,
    };

    private static readonly EvtxReader FileReader = new();
    private static readonly EvtxReader ChunkReader = new(new EvtxReaderOptions { VerifyChecksums = false });

    public static void Json(ReadOnlyMemory<byte> input)
    {
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        foreach (var e in EventReader.Read(stream, "fuzz.json", JsonOptions))
        {
            foreach (var field in e.Fields)
            {
                _ = field;
            }

            _ = e.AllValues.Count();
            _ = e.Timestamp;
            _ = e.Computer;
            _ = e["Image"];
        }
    }

    public static void EvtxFile(ReadOnlyMemory<byte> input)
    {
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        ReadAll(FileReader, stream);
    }

    /// <summary>The input is one chunk behind a valid file header; its signature is forced so every input reaches the records.</summary>
    public static void EvtxChunk(ReadOnlyMemory<byte> input)
    {
        var file = new byte[FileHeaderSize + Math.Max(input.Length, 8)];
        "ElfFile\0"u8.CopyTo(file);
        input.Span.CopyTo(file.AsSpan(FileHeaderSize));
        "ElfChnk\0"u8.CopyTo(file.AsSpan(FileHeaderSize));
        using var stream = new MemoryStream(file, 0, Math.Min(file.Length, FileHeaderSize + ChunkSize), writable: false);
        ReadAll(ChunkReader, stream);
    }

    // The reader promises evtx_dump-shaped JSON for every record it yields: invalid JSON is a bug too.
    private static void ReadAll(EvtxReader reader, Stream stream)
    {
        foreach (var record in reader.ReadRecords(stream, "fuzz.evtx", _ => { }))
        {
            using var document = JsonDocument.Parse(record.Utf8Json);
        }
    }
}
