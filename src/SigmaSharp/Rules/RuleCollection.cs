namespace SigmaSharp.Rules;

/// <summary>
/// Everything one load produced: the rules of every kind, in file order, and the diagnostics of the files
/// and rules that could not be read (a batch never stops at the first bad file).
/// </summary>
public sealed record RuleCollection(
    EquatableArray<SigmaRuleBase> Rules,
    EquatableArray<SigmaDiagnostic> Diagnostics,
    int FilesRead,
    int FilesSkipped,
    int RulesWithErrors = 0)
{
    public IEnumerable<SigmaRule> DetectionRules => Rules.OfType<SigmaRule>();

    public IEnumerable<CorrelationRule> Correlations => Rules.OfType<CorrelationRule>();

    public IEnumerable<SigmaFilter> Filters => Rules.OfType<SigmaFilter>();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Finds a rule by id, else by name, as correlation and filter references do.</summary>
    public SigmaRuleBase? FindReference(string reference) =>
        Rules.FirstOrDefault(r => string.Equals(r.Id, reference, StringComparison.OrdinalIgnoreCase))
        ?? Rules.FirstOrDefault(r => string.Equals(r.Name, reference, StringComparison.Ordinal));
}
