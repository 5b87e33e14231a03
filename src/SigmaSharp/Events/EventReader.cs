using System.IO.Compression;

namespace SigmaSharp.Events;

/// <summary>
/// Streams events from files, folders and streams: JSON Lines, a JSON array, or one (or several
/// concatenated) JSON objects, each optionally gzip-compressed (recognised by its magic bytes);
/// EVTX through <see cref="EventReaderOptions.EvtxSource"/>. Nothing reads a whole file into memory.
/// </summary>
/// <remarks>
/// For parallel scanning, enumerate <see cref="ReadBatches(string, EventReaderOptions?)"/> on one
/// thread and call <see cref="EventBatch.Parse"/> on workers; events of one batch stay in order.
/// </remarks>
public static class EventReader
{
    private static readonly byte[] EvtxMagic = "ElfFile\0"u8.ToArray();

    public static IEnumerable<SigmaEvent> Read(string path, EventReaderOptions? options = null) =>
        ReadBatches(path, options).SelectMany(batch => batch.Parse());

    /// <summary>Events from a stream the caller owns; <paramref name="sourceName"/> names it in diagnostics.</summary>
    public static IEnumerable<SigmaEvent> Read(Stream stream, string sourceName, EventReaderOptions? options = null) =>
        ReadBatches(stream, sourceName, options).SelectMany(batch => batch.Parse());

    /// <summary>Batches of raw records from a file, or from every matching file under a folder.</summary>
    public static IEnumerable<EventBatch> ReadBatches(string path, EventReaderOptions? options = null)
    {
        options ??= new EventReaderOptions();
        var files = Directory.Exists(path) ? FindFiles(path, options) : [path];
        return files.SelectMany(file => ReadFile(file, options));
    }

    public static IEnumerable<EventBatch> ReadBatches(Stream stream, string sourceName, EventReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new EventReaderOptions();
        return Guarded(sourceName, options, () => FromStream(stream, sourceName, options, leaveOpen: true, forceJsonLines: false));
    }

    /// <summary>Files under <paramref name="folder"/> (recursively, in ordinal order) whose name
    /// ends with one of <see cref="EventReaderOptions.Extensions"/>, optionally followed by <c>.gz</c>.</summary>
    public static IEnumerable<string> FindFiles(string folder, EventReaderOptions? options = null)
    {
        options ??= new EventReaderOptions();
        var walk = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*", walk)
            .Where(file => HasExtension(Path.GetFileName(file), options))
            .Order(StringComparer.Ordinal);
    }

    private static bool HasExtension(string name, EventReaderOptions options)
    {
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }
        return options.Extensions.Any(ext => name.EndsWith(ext, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<EventBatch> ReadFile(string file, EventReaderOptions options)
    {
        if (IsEvtx(file, options))
        {
            if (options.EvtxSource is { } evtx)
            {
                return evtx.ReadBatches(file, options);
            }
            options.Report(file, 0, EventDiagnosticCode.UnsupportedFile, "EVTX files need an EVTX source; none is configured");
            return [];
        }
        var lines = file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
            || file.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase);
        return Guarded(file, options, () => FromStream(OpenFile(file), file, options, leaveOpen: false, forceJsonLines: lines));
    }

    private static FileStream OpenFile(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    private static bool IsEvtx(string file, EventReaderOptions options)
    {
        if (file.EndsWith(".evtx", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        try
        {
            using var stream = OpenFile(file);
            Span<byte> head = stackalloc byte[8];
            return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(EvtxMagic);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            options.Report(file, 0, EventDiagnosticCode.UnreadableFile, ex.Message);
            return false;
        }
    }

    private static IEnumerable<EventBatch> FromStream(
        Stream raw, string source, EventReaderOptions options, bool leaveOpen, bool forceJsonLines)
    {
        var head = new byte[2];
        var n = raw.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        Stream input = new PrefixedStream(head, n, raw, leaveOpen);
        if (n == 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            input = new GZipStream(input, CompressionMode.Decompress);
        }
        using (input)
        {
            foreach (var batch in new RecordBatcher(input, source, options, forceJsonLines).ReadBatches())
            {
                yield return batch;
            }
        }
    }

    // An I/O or decompression failure ends that file with a diagnostic, not the whole scan.
    private static IEnumerable<EventBatch> Guarded(string source, EventReaderOptions options, Func<IEnumerable<EventBatch>> open)
    {
        IEnumerator<EventBatch>? batches = null;
        try
        {
            while (true)
            {
                EventBatch current;
                try
                {
                    batches ??= open().GetEnumerator();
                    if (!batches.MoveNext())
                    {
                        yield break;
                    }
                    current = batches.Current;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    options.Report(source, 0, EventDiagnosticCode.UnreadableFile, ex.Message);
                    yield break;
                }
                yield return current;
            }
        }
        finally
        {
            batches?.Dispose();
        }
    }
}
