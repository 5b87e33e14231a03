using SigmaSharp.Conversion;
using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Output;

/// <summary>What a conversion run did: converted, unsupported by reason, and rules that failed to load.</summary>
internal sealed class ConversionSummary(RuleCollection collection, IReadOnlyList<ConversionResult> results)
{
    public int Converted { get; } = results.Count(r => r.IsConverted);

    public IReadOnlyList<SigmaDiagnostic> Unsupported { get; } =
        [.. results.Where(r => !r.IsConverted).SelectMany(r => r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(1))];

    public int Errors { get; } = collection.RulesWithErrors + collection.FilesSkipped;

    public override string ToString()
    {
        var reasons = Unsupported.GroupBy(d => Reason(d.Message)).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Count()} {g.Key}");
        var unsupported = Unsupported.Count == 0 ? "0 unsupported" : $"{Unsupported.Count} unsupported ({string.Join("; ", reasons)})";
        return $"{Converted} rules converted, {unsupported}, {Errors} rules or files with errors";
    }

    /// <summary>The reason without the rule-specific detail after a colon, so that reasons group.</summary>
    private static string Reason(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var reason = colon >= 0 ? message[(colon + 2)..] : message;
        var quote = reason.IndexOf('\'', StringComparison.Ordinal);
        return quote > 0 ? reason[..quote].TrimEnd() : reason;
    }
}
