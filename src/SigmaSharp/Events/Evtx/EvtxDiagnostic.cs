namespace SigmaSharp.Events.Evtx;

/// <summary>How bad a reported problem is.</summary>
public enum EvtxSeverity
{
    /// <summary>A checksum or consistency check failed; the data was still read.</summary>
    Warning,

    /// <summary>Data was damaged and had to be skipped (a chunk, a record, or the file header).</summary>
    Error,
}

/// <summary>
/// One damage report about an EVTX file. Damage never aborts reading: the reader reports it and
/// goes on with the next record or chunk. <see cref="Code"/> is stable (tests and callers match on
/// it); <see cref="Message"/> is for people.
/// </summary>
/// <param name="FileName">The name the caller gave for the stream.</param>
/// <param name="ChunkIndex">Zero-based chunk number, or -1 for the file header.</param>
/// <param name="FileOffset">Byte offset in the file where the damage was found.</param>
/// <param name="RecordId">The record identifier when the damaged record's header was readable.</param>
/// <param name="Code">Stable identifier, e.g. <c>EVTX201</c>; see <c>EvtxDiagnosticFacts</c>.</param>
/// <param name="Severity">Warning (data still read) or error (data skipped).</param>
/// <param name="Message">Human-readable explanation.</param>
public sealed record EvtxDiagnostic(
    string FileName,
    int ChunkIndex,
    long FileOffset,
    ulong? RecordId,
    string Code,
    EvtxSeverity Severity,
    string Message)
{
    public override string ToString() =>
        $"{FileName}: chunk {ChunkIndex} @0x{FileOffset:x}{(RecordId is { } id ? $" record {id}" : "")}: {Severity} {Code}: {Message}";
}
