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

    private readonly Regex _regex;
    private readonly Action<RegexMatcher>? _onTimeout;
    private int _timedOut;

    private RegexMatcher(Regex regex, bool backtracking, Action<RegexMatcher>? onTimeout)
    {
        _regex = regex;
        Backtracking = backtracking;
        _onTimeout = onTimeout;
        RequiredLiterals = RegexLiterals.Required(regex.ToString());
    }

    public string Pattern => _regex.ToString();

    /// <summary>True when the pattern needed the backtracking engine (and so runs under a timeout).</summary>
    public bool Backtracking { get; }

    /// <summary>Literals every match contains (see <see cref="RegexLiterals"/>), for the prefilter.</summary>
    public override IReadOnlyList<string>? RequiredLiterals { get; }

    public bool TimedOut => Volatile.Read(ref _timedOut) != 0;

    /// <summary>Compiles the pattern; null with <paramref name="error"/> when .NET cannot read it.</summary>
    public static RegexMatcher? Create(
        SigmaRegex value, TimeSpan timeout, Action<RegexMatcher>? onTimeout, out string? error,
        Dictionary<SigmaRegex, (Regex Regex, bool Backtracking)>? shared = null)
    {
        if (shared is not null && shared.TryGetValue(value, out var known))
        {
            error = null;
            return new RegexMatcher(known.Regex, known.Backtracking, onTimeout);
        }
        var created = Build(value, timeout, out error);
        if (created is { } pair)
        {
            shared?.Add(value, pair);
            return new RegexMatcher(pair.Regex, pair.Backtracking, onTimeout);
        }
        return null;
    }

    private static (Regex Regex, bool Backtracking)? Build(SigmaRegex value, TimeSpan timeout, out string? error)
    {
        var options = RegexOptions.CultureInvariant;
        if (value.Flags.HasFlag(RegexFlags.IgnoreCase))
        {
            options |= RegexOptions.IgnoreCase;
        }
        if (value.Flags.HasFlag(RegexFlags.Multiline))
        {
            options |= RegexOptions.Multiline;
        }
        if (value.Flags.HasFlag(RegexFlags.DotAll))
        {
            options |= RegexOptions.Singleline;
        }
        error = null;
        try
        {
            return (new Regex(value.Pattern, options | RegexOptions.NonBacktracking), false);
        }
        catch (NotSupportedException)
        {
            // The pattern uses a construct only the backtracking engine has; fall through.
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
        try
        {
            return (new Regex(value.Pattern, options, timeout), true);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    public override bool Matches(string value, EventValueKind kind)
    {
        try
        {
            return _regex.IsMatch(value);
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
