using System.Text.RegularExpressions;
using SigmaSharp.Events;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// <c>re</c>: a search (not a full match) with .NET's regex engine. Patterns run on the
/// non-backtracking engine (linear time); only constructs it lacks (backreferences, lookarounds,
/// atomic groups) fall back to the backtracking engine under a match timeout. A timeout counts as
/// no match and is reported once per matcher.
/// </summary>
internal sealed class RegexMatcher : ValueMatcher
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMilliseconds(100);

    private readonly DeferredRegex _regex;
    private readonly Action<RegexMatcher>? _onTimeout;
    private int _timedOut;

    private RegexMatcher(DeferredRegex regex, Action<RegexMatcher>? onTimeout)
    {
        _regex = regex;
        _onTimeout = onTimeout;
        RequiredLiterals = RegexLiterals.Required(regex.Pattern);
    }

    public string Pattern => _regex.Pattern;

    /// <summary>True when the pattern needs the backtracking engine (and so runs under a timeout).</summary>
    public bool Backtracking => _regex.UsesBacktracking;

    /// <summary>Literals every match contains (see <see cref="RegexLiterals"/>), for the prefilter.</summary>
    public override IReadOnlyList<string>? RequiredLiterals { get; }

    public bool TimedOut => Volatile.Read(ref _timedOut) != 0;

    /// <summary>Reads the pattern (see <see cref="DeferredRegex"/>); null with <paramref name="error"/> when .NET cannot.</summary>
    public static RegexMatcher? Create(
        SigmaRegex value, TimeSpan timeout, Action<RegexMatcher>? onTimeout, out string? error,
        System.Collections.Concurrent.ConcurrentDictionary<SigmaRegex, DeferredRegex>? shared = null)
    {
        error = null;
        if (shared is not null && shared.TryGetValue(value, out var known))
        {
            return new RegexMatcher(known, onTimeout);
        }
        if (DeferredRegex.Create(value, timeout, out error) is not { } created)
        {
            return null;
        }
        return new RegexMatcher(shared?.GetOrAdd(value, created) ?? created, onTimeout);
    }

    public override bool Matches(string value, EventValueKind kind)
    {
        try
        {
            return _regex.Regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            if (Interlocked.Exchange(ref _timedOut, 1) == 0)
            {
                _onTimeout?.Invoke(this);
            }
            return false;
        }
    }
}
