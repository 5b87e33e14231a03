using SigmaSharp.Rules;

namespace SigmaSharp.Validation.Metadata;

/// <summary>SigmaHQ references are public links; anything else (a bare title, a file path) cannot be followed.</summary>
internal sealed class ReferenceUrlValidator : RuleValidator
{
    public override string Code => "SIG424";

    public override string Name => "reference-url";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Info;

    public override string Description => "a reference is not an absolute http(s) URL";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, ValidationOptions options) =>
        rule.Info.References.Where(r => !IsWebUrl(r))
            .Select(r => Finding(RulePosition(rule), $"reference '{r}' is not an http(s) URL"));

    internal static bool IsWebUrl(string reference) =>
        Uri.TryCreate(reference.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;
}
