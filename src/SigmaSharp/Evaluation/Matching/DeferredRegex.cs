using System.Text.RegularExpressions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// The .NET regex of one <c>re</c> value. Building it for the non-backtracking engine costs
/// milliseconds (its character classes become decision diagrams), and most of a rule set's regexes
/// never run, because the prefilter turns their rules away first: that engine's regex is made on
/// first use. The pattern is still read when the rule is compiled, by the backtracking engine's
/// parser, so a pattern .NET cannot read is an error of the rule, not of the scan. Thread-safe;
/// shared by every matcher of the same value.
/// </summary>
internal sealed class DeferredRegex
{
    private readonly string _pattern;
    private readonly RegexOptions _options;
    private readonly Regex _backtracking;
    private Regex? _regex;

    private DeferredRegex(string pattern, RegexOptions options, Regex backtracking)
    {
        _pattern = pattern;
        _options = options;
        _backtracking = backtracking;
    }

    public string Pattern => _pattern;

    /// <summary>True when the pattern needs the backtracking engine (backreferences, lookarounds, atomic groups), which runs under the timeout.</summary>
    public bool UsesBacktracking => ReferenceEquals(Regex, _backtracking);

    /// <summary>The regex to run: non-backtracking when that engine reads the pattern.</summary>
    public Regex Regex => Volatile.Read(ref _regex) ?? Build();

    /// <summary>Reads the pattern; null with <paramref name="error"/> when .NET cannot.</summary>
    public static DeferredRegex? Create(SigmaRegex value, TimeSpan timeout, out string? error)
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
        try
        {
            error = null;
            return new DeferredRegex(value.Pattern, options, new Regex(value.Pattern, options, timeout));
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    // Two threads may both build it; either result is the same regex, and one is kept.
    private Regex Build()
    {
        Regex built;
        try
        {
            built = new Regex(_pattern, _options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            built = _backtracking;
        }
        return Interlocked.CompareExchange(ref _regex, built, null) ?? built;
    }
}
