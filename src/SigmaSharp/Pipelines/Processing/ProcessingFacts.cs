using SigmaSharp.Rules;

namespace SigmaSharp.Pipelines.Processing;

/// <summary>Diagnostics of processing pipelines and the pySigma-family targets (SIG52x), one factory each.</summary>
public static class ProcessingFacts
{
    /// <summary>SIG520: a pipeline file is malformed (unknown transformation, wrong type, missing parameter ...).</summary>
    public static SigmaDiagnostic BadPipeline(SourcePosition at, string detail) =>
        new("SIG520", DiagnosticSeverity.Error, "pipeline: " + detail, at);

    /// <summary>SIG521: no pipeline file and no shipped pipeline of that name.</summary>
    public static SigmaDiagnostic UnknownPipeline(string name, IEnumerable<string> known) =>
        new("SIG521", DiagnosticSeverity.Error, $"no pipeline file or shipped pipeline named '{name}'; shipped: {string.Join(", ", known)}", SourcePosition.None);

    /// <summary>SIG522: a pipeline refused the rule (rule_failure, detection_item_failure, strict field mapping).</summary>
    public static SigmaDiagnostic RuleRejected(SourcePosition at, string pipeline, string message) =>
        new("SIG522", DiagnosticSeverity.Error, $"pipeline '{pipeline}': {message}", at);

    /// <summary>
    /// SIG523: the same pipeline is given twice. Its transformations would run twice over each rule (conditions added
    /// twice, prefixes doubled), which is never what was meant; pySigma silently does it.
    /// </summary>
    public static SigmaDiagnostic DuplicatePipeline(string name) =>
        new("SIG523", DiagnosticSeverity.Error, $"pipeline '{name}' is given more than once; its transformations would be applied twice", SourcePosition.None);

    /// <summary>SIG524: a pipeline is applied for a backend it does not allow (warning, as pySigma warns).</summary>
    public static SigmaDiagnostic NotForBackend(string pipeline, string backend) =>
        new("SIG524", DiagnosticSeverity.Warning, $"pipeline '{pipeline}' is not meant for target '{backend}'", SourcePosition.None);

    /// <summary>SIG525: a transformation could not be applied to a value of the rule (e.g. a string that is no number).</summary>
    public static SigmaDiagnostic TransformationFailed(SourcePosition at, string pipeline, string detail) =>
        new("SIG525", DiagnosticSeverity.Error, $"pipeline '{pipeline}': {detail}", at);
}
