using System.Collections.Concurrent;

namespace SigmaSharp.Evaluation.Prefilter;

/// <summary>
/// Automata already built for a rule set, by literal list: groups of one log source read through
/// different field names (Sysmon and Security process creation) share their tables, which halves
/// the memory the scan keeps hot. Groups are built on several threads; each list is built once.
/// </summary>
internal sealed class AutomatonCache
{
    private readonly ConcurrentDictionary<string, Lazy<LiteralAutomaton>> _built = new(StringComparer.Ordinal);

    public LiteralAutomaton GetOrBuild(IReadOnlyList<string> literals) =>
        _built.GetOrAdd(string.Join('\n', literals), _ => new Lazy<LiteralAutomaton>(() => LiteralAutomaton.Build(literals, out bool[] _))).Value;
}
