using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Turns one record's BinXML into an <see cref="EvtxRecord"/>: compile, expand templates into the
/// tree, render JSON into a reused buffer. A damaged record becomes a diagnostic instead.
/// </summary>
internal sealed class RecordParser : IDisposable
{
    private readonly ChunkContext _chunk;
    private readonly EventTree _tree;
    private readonly TemplateExpander _expander;
    private readonly JsonShapeWriter _shape = new();
    private readonly ArrayBufferWriter<byte> _json = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;

    public RecordParser(ChunkContext chunk, EvtxReaderOptions options)
    {
        _chunk = chunk;
        _tree = new EventTree(options);
        _expander = new TemplateExpander(new BinXmlCompiler(chunk, options), _tree, options);
        // Relaxed escaping keeps non-ASCII text readable; the output is data, never embedded in HTML.
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            SkipValidation = true,
        });
    }

    /// <summary>Parses the BinXML in [start, end) of the chunk; returns null and reports when damaged.</summary>
    public EvtxRecord? Parse(int start, int end, ulong recordId, DateTime timestamp, long recordFileOffset,
        string fileName, Action<EvtxDiagnostic>? report)
    {
        _tree.Clear();
        _expander.Clear();
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        try
        {
            _expander.ExpandRecord(start, end);
            _shape.Write(_writer, _tree, _chunk);
            _writer.Flush();
            return new EvtxRecord(recordId, timestamp, _chunk.Index, _json.WrittenSpan.ToArray());
        }
        catch (EvtxDamageException damage)
        {
            report?.Invoke(EvtxDiagnosticFacts.Record(fileName, _chunk.Index, recordFileOffset, recordId,
                damage.Code, damage.Message));
        }
        catch (Exception bug)
        {
            // A reader bug must not end the file: report it (type and message only, no stack trace).
            report?.Invoke(EvtxDiagnosticFacts.Record(fileName, _chunk.Index, recordFileOffset, recordId,
                EvtxDiagnosticFacts.InternalError, $"unexpected {bug.GetType().Name}: {bug.Message}"));
        }

        return null;
    }

    public void Dispose() => _writer.Dispose();
}
