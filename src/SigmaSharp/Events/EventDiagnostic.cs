namespace SigmaSharp.Events;

/// <summary>Why a record or file was skipped. Values are stable; tests assert on them.</summary>
public enum EventDiagnosticCode
{
    InvalidJson = 1,
    InvalidUtf8 = 2,
    RecordTooLarge = 3,
    NestingTooDeep = 4,
    NotAnObject = 5,
    UnreadableFile = 6,
    UnsupportedFile = 7,
    DamagedEvtx = 8,
    DamagedEvtxWarning = 9,
}

/// <summary>A skipped record or file: where (file and 1-based line or record number) and why.</summary>
public sealed record EventDiagnostic(string Source, long Line, EventDiagnosticCode Code, string Message)
{
    public override string ToString() => $"{Source}:{Line}: {Code}: {Message}";
}
