using SigmaSharp.Rules;

namespace SigmaSharp.Conversion;

/// <summary>
/// Diagnostics of the conversion layer (SIG5xx), one factory each, continuing <see cref="DiagnosticFacts"/>' numbering.
/// </summary>
public static class ConversionFacts
{
    /// <summary>SIG500: the rule uses something the target's query language cannot express exactly.</summary>
    public static SigmaDiagnostic NotSupported(SourcePosition at, string target, string reason) =>
        new("SIG500", DiagnosticSeverity.Error, $"not supported by {target}: {reason}", at);

    /// <summary>SIG501: a rule kind (correlation, filter) the target does not convert.</summary>
    public static SigmaDiagnostic RuleKindNotSupported(SourcePosition at, string target, string kind) =>
        new("SIG501", DiagnosticSeverity.Error, $"not supported by {target}: {kind} rules cannot be converted to this target", at);

    /// <summary>SIG502: no conversion target of that name.</summary>
    public static SigmaDiagnostic UnknownTarget(string name, IEnumerable<string> known) =>
        new("SIG502", DiagnosticSeverity.Error, $"unknown target '{name}'; known: {string.Join(", ", known)}", SourcePosition.None);

    /// <summary>SIG503: a backend option has a value the target cannot use.</summary>
    public static SigmaDiagnostic BadOption(string target, string option, string detail) =>
        new("SIG503", DiagnosticSeverity.Error, $"option '{option}' of {target}: {detail}", SourcePosition.None);

    /// <summary>SIG504: a legacy config is malformed.</summary>
    public static SigmaDiagnostic BadConfig(SourcePosition at, string detail) =>
        new("SIG504", DiagnosticSeverity.Error, "config: " + detail, at);

    /// <summary>SIG505: no shipped config of that name and no such file.</summary>
    public static SigmaDiagnostic UnknownConfig(SourcePosition at, string name, IEnumerable<string> known) =>
        new("SIG505", DiagnosticSeverity.Error, $"no config file or shipped config named '{name}'; shipped: {string.Join(", ", known)}", at);

    /// <summary>SIG506: the rule did not parse, so there is nothing to convert.</summary>
    public static SigmaDiagnostic RuleHasNoCondition(SourcePosition at) =>
        new("SIG506", DiagnosticSeverity.Error, "the rule has no parsed condition to convert", at);
}
