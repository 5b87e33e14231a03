namespace SigmaSharp.Fuzz.Targets;

/// <summary>
/// One fuzzing harness: bytes in, and any exception out of <see cref="Run"/> is a bug (bad input must come back as
/// diagnostics). <see cref="SeedKinds"/> name the corpus folders fuzz/build-corpus.sh fills for it.
/// </summary>
public sealed record FuzzTarget(
    string Name,
    string Description,
    int MaxInputBytes,
    IReadOnlyList<string> SeedKinds,
    IReadOnlyList<byte[]> Dictionary,
    Action<ReadOnlyMemory<byte>> Run);
