namespace SigmaSharp.Events;

/// <summary>Where an event came from: its file and its 1-based line (JSON Lines, arrays) or record number.</summary>
public readonly record struct EventOrigin(string Source, long Line)
{
    public override string ToString() => $"{Source}:{Line}";
}
