using SigmaSharp.Rules;

namespace SigmaSharp.Cli.Output;

/// <summary>The closing line of a check: nothing loaded or dropped goes uncounted.</summary>
internal sealed record CheckSummary(int Files, int Rules, int RulesWithErrors, int FilesSkipped, int Errors, int Warnings, int Infos)
{
    public CheckSummary(RuleCollection collection, IReadOnlyCollection<SigmaDiagnostic> findings)
        : this(
            collection.FilesRead + collection.FilesSkipped,
            collection.Rules.Count,
            collection.RulesWithErrors,
            collection.FilesSkipped,
            findings.Count(f => f.Severity == DiagnosticSeverity.Error),
            findings.Count(f => f.Severity == DiagnosticSeverity.Warning),
            findings.Count(f => f.Severity == DiagnosticSeverity.Info))
    {
    }

    public override string ToString() =>
        $"{Files} files, {Rules} rules loaded, {RulesWithErrors} rules with errors, {FilesSkipped} files skipped; " +
        $"{Errors} errors, {Warnings} warnings, {Infos} info";
}
