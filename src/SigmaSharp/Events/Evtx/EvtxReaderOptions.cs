namespace SigmaSharp.Events.Evtx;

/// <summary>
/// Budgets that keep a hostile file from costing unbounded time or memory. Exceeding one is
/// reported as damage of the record concerned; the reader goes on with the next record.
/// </summary>
public sealed record EvtxReaderOptions
{
    /// <summary>Deepest element / template / nested-BinXML nesting accepted.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Most substitution values one template instance may carry.</summary>
    public int MaxSubstitutions { get; init; } = 4096;

    /// <summary>Most elements one record may expand into.</summary>
    public int MaxElementsPerRecord { get; init; } = 16384;

    /// <summary>Check CRC32 of the file header and of each chunk (mismatches are warnings).</summary>
    public bool VerifyChecksums { get; init; } = true;

    public static EvtxReaderOptions Default { get; } = new();
}
