using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>
/// Log source keys other than category, product, service and definition are ignored by pipelines and backends,
/// so the restriction they express is silently lost.
/// </summary>
internal sealed class LogSourceCustomAttributeValidator : RuleValidator
{
    public override string Code => "SIG427";

    public override string Name => "fieldname-logsource";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description => "the log source has a key other than category, product, service and definition";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options)
    {
        var logSource = rule switch
        {
            SigmaRule r => r.LogSource,
            SigmaFilter f => f.LogSource,
            _ => null,
        };
        return logSource is null
            ? []
            : logSource.Custom.Select(c => Finding(logSource.Position, $"log source key '{c.Key}' is not standard and is ignored by pipelines and backends"));
    }
}
