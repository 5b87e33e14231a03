using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Output;

/// <summary>What a conversion run did: converted, unsupported by reason, and rules that failed to load.</summary>
internal sealed class ConversionSummary(int errors, IReadOnlyList<ConvertedRule> results)
{
    public int Converted { get; } = results.Count(r => r.IsConverted);

    public IReadOnlyList<SigmaDiagnostic> Unsupported { get; } =
        [.. results.Where(r => !r.IsConverted).SelectMany(r => r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(1))];

    /// <summary>Rules with errors and files that could not be read.</summary>
    public int Errors { get; } = errors;

    public override string ToString()
    {
        var reasons = Unsupported.GroupBy(d => Reason(d.Message)).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} {g.Key}");
        var unsupported = Unsupported.Count == 0 ? "0 unsupported" : $"{Unsupported.Count} unsupported ({string.Join("; ", reasons)})";
        return $"{Converted} rules converted, {unsupported}, {Errors} rules or files with errors";
    }

    /// <summary>
    /// The reason without the rule-specific detail, so that reasons group: the text after the target's name up to a
    /// further explanation (": ..."), with quoted names ('x') blanked unless they name a modifier in parentheses.
    /// </summary>
    internal static string Reason(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var reason = colon >= 0 ? message[(colon + 2)..] : message;
        var detail = reason.IndexOf(": ", StringComparison.Ordinal);
        reason = detail >= 0 ? reason[..detail] : reason;
        var text = new System.Text.StringBuilder(reason.Length);
        for (var i = 0; i < reason.Length; i++)
        {
            var close = reason[i] == '\'' && (i == 0 || reason[i - 1] != '(') ? reason.IndexOf('\'', i + 1) : -1;
            if (close > i)
            {
                text.Append("'…'");
                i = close;
            }
            else
            {
                text.Append(reason[i]);
            }
        }

        return text.ToString();
    }
}
