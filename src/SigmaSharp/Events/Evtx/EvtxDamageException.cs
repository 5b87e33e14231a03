namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Unwinds the recursive BinXML descent when a record turns out to be damaged. It never leaves the
/// reader: <see cref="RecordParser"/> turns it into an <see cref="EvtxDiagnostic"/> and the reader
/// continues with the next record. Threading an error value through every token handler would cost
/// more code than it saves for a path that only damaged records take.
/// </summary>
internal sealed class EvtxDamageException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
