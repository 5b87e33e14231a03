namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Every diagnostic the EVTX reader can report, one factory each, with a stable code:
/// EVTX1xx file header, EVTX2xx chunks, EVTX3xx record framing, EVTX4xx BinXML content,
/// EVTX9xx reader bugs (caught so that one bad record never ends the file).
/// </summary>
internal static class EvtxDiagnosticFacts
{
    public const string FileHeaderBadMagic = "EVTX101";
    public const string FileHeaderChecksum = "EVTX102";
    public const string FileTooShort = "EVTX103";
    public const string ChunkBadMagic = "EVTX201";
    public const string ChunkHeaderChecksum = "EVTX202";
    public const string ChunkRecordsChecksum = "EVTX203";
    public const string ChunkTruncated = "EVTX204";
    public const string ChunkFreeSpaceOffset = "EVTX205";
    public const string RecordBadSignature = "EVTX301";
    public const string RecordBadSize = "EVTX302";
    public const string RecordSizeCopyMismatch = "EVTX303";
    public const string BinXmlUnexpectedToken = "EVTX401";
    public const string BinXmlOutOfBounds = "EVTX402";
    public const string BinXmlTooDeep = "EVTX403";
    public const string BinXmlTooManySubstitutions = "EVTX404";
    public const string BinXmlTooManyElements = "EVTX405";
    public const string BinXmlTemplateCycle = "EVTX406";
    public const string BinXmlBadTemplate = "EVTX407";
    public const string BinXmlUnsupportedValue = "EVTX408";
    public const string InternalError = "EVTX901";

    public static EvtxDiagnostic FileHeaderMagic(string file) => new(file, -1, 0, null, FileHeaderBadMagic,
        EvtxSeverity.Error, "file header signature is not 'ElfFile'; trying to read chunks anyway");

    public static EvtxDiagnostic FileHeaderCrc(string file, uint stored, uint computed) => new(file, -1, 0, null,
        FileHeaderChecksum, EvtxSeverity.Warning, $"file header CRC32 0x{stored:x8} does not match computed 0x{computed:x8}");

    public static EvtxDiagnostic TooShort(string file, long length) => new(file, -1, 0, null, FileTooShort,
        EvtxSeverity.Error, $"file has {length} bytes, less than the 4096-byte file header");

    public static EvtxDiagnostic ChunkMagic(string file, int chunk, long offset) => new(file, chunk, offset, null,
        ChunkBadMagic, EvtxSeverity.Error, "chunk signature is not 'ElfChnk'; chunk skipped");

    public static EvtxDiagnostic ChunkHeaderCrc(string file, int chunk, long offset, uint stored, uint computed) =>
        new(file, chunk, offset, null, ChunkHeaderChecksum, EvtxSeverity.Warning,
            $"chunk header CRC32 0x{stored:x8} does not match computed 0x{computed:x8}; chunk still read");

    public static EvtxDiagnostic ChunkRecordsCrc(string file, int chunk, long offset, uint stored, uint computed) =>
        new(file, chunk, offset, null, ChunkRecordsChecksum, EvtxSeverity.Warning,
            $"chunk records CRC32 0x{stored:x8} does not match computed 0x{computed:x8}; records still read");

    public static EvtxDiagnostic Truncated(string file, int chunk, long offset, int length) => new(file, chunk,
        offset, null, ChunkTruncated, EvtxSeverity.Error, $"chunk has only {length} of 65536 bytes; reading what is there");

    public static EvtxDiagnostic FreeSpace(string file, int chunk, long offset, uint value) => new(file, chunk,
        offset, null, ChunkFreeSpaceOffset, EvtxSeverity.Warning,
        $"free-space offset {value} is outside the chunk; records are read up to the chunk end");

    public static EvtxDiagnostic RecordSignature(string file, int chunk, long offset) => new(file, chunk, offset,
        null, RecordBadSignature, EvtxSeverity.Error, "record signature is not 0x00002a2a; searching for the next record");

    public static EvtxDiagnostic RecordSize(string file, int chunk, long offset, uint size) => new(file, chunk,
        offset, null, RecordBadSize, EvtxSeverity.Error,
        $"record size {size} is smaller than a record header or larger than the rest of its chunk; searching for the next record");

    public static EvtxDiagnostic RecordSizeCopy(string file, int chunk, long offset, ulong id, uint size, uint copy) =>
        new(file, chunk, offset, id, RecordSizeCopyMismatch, EvtxSeverity.Warning,
            $"record size {size} differs from its trailing copy {copy}; record still read");

    public static EvtxDiagnostic Record(string file, int chunk, long offset, ulong id, string code, string message) =>
        new(file, chunk, offset, id, code, EvtxSeverity.Error, message + "; record skipped");
}
