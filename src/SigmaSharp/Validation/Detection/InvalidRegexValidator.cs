using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// A regex that does not compile cannot be converted or evaluated. Patterns are compiled (never run) with .NET's
/// engine; failures caused by PCRE-only syntax are left to <see cref="UnsupportedRegexValidator"/>.
/// </summary>
internal sealed class InvalidRegexValidator : DetectionItemValidator
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public override string Code => "SIG260";

    public override string Name => "invalid-regex";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Error;

    public override string Description => "a regular expression (re modifier) does not compile";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        foreach (var regex in item.Values.OfType<SigmaRegex>())
        {
            if (Compile(regex) is { } error && RegexConstructScanner.Find(regex.Pattern).Count == 0)
            {
                yield return Finding(item.Position, $"{Describe(item)} regex '{regex.Pattern}' does not compile: {error}");
            }
        }
    }

    internal static string? Compile(SigmaRegex regex)
    {
        var options = RegexOptions.CultureInvariant;
        options |= regex.Flags.HasFlag(RegexFlags.IgnoreCase) ? RegexOptions.IgnoreCase : RegexOptions.None;
        options |= regex.Flags.HasFlag(RegexFlags.Multiline) ? RegexOptions.Multiline : RegexOptions.None;
        options |= regex.Flags.HasFlag(RegexFlags.DotAll) ? RegexOptions.Singleline : RegexOptions.None;
        try
        {
            _ = new Regex(regex.Pattern, options, MatchTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
