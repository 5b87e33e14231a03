using SigmaSharp.Rules;

namespace SigmaSharp.Evaluation;

/// <summary>
/// Diagnostics of the evaluator (family SIG6xx: evaluation). A rule with an error here is not
/// scanned, and the scan says so; it is never dropped silently.
/// </summary>
public static class EvaluationFacts
{
    public static SigmaDiagnostic UnresolvedPlaceholder(SourcePosition at, string name) =>
        Error("SIG600", at, $"placeholder '%{name}%' has no values; give them in a placeholder file");

    public static SigmaDiagnostic UnsupportedRegex(SourcePosition at, string pattern, string detail) =>
        Error("SIG601", at, $"regular expression '{pattern}' cannot be evaluated: {detail}");

    public static SigmaDiagnostic LegacyAggregationNotEvaluated(SourcePosition at) =>
        Error("SIG602", at, "a legacy aggregation (| count() ...) is not evaluated; write it as a correlation rule");

    public static SigmaDiagnostic UnusableCondition(SourcePosition at, string detail) =>
        Error("SIG603", at, "condition cannot be evaluated: " + detail);

    public static SigmaDiagnostic RegexTimedOut(SourcePosition at, string pattern) =>
        new("SIG604", DiagnosticSeverity.Warning,
            $"regular expression '{pattern}' exceeded its match time on some value; such values count as not matching", at);

    public static SigmaDiagnostic UnroutedLogSource(SourcePosition at, string logSource) =>
        new("SIG605", DiagnosticSeverity.Info,
            $"log source '{logSource}' has no routing entry; the rule is applied to every event", at);

    public static SigmaDiagnostic InvalidLogSourceMap(SourcePosition at, string detail) => Error("SIG606", at, "log source map: " + detail);

    public static SigmaDiagnostic UnsupportedCorrelation(SourcePosition at, string detail) => Error("SIG607", at, "correlation: " + detail);

    public static SigmaDiagnostic ExpansionTooLarge(SourcePosition at, int limit) =>
        Error("SIG608", at, $"placeholders expand to more than {limit:N0} values");

    public static SigmaDiagnostic InvalidPlaceholderFile(SourcePosition at, string detail) => Error("SIG609", at, "placeholder file: " + detail);

    public static SigmaDiagnostic UnsupportedValue(SourcePosition at, string detail) => Error("SIG610", at, "value cannot be evaluated: " + detail);

    public static SigmaDiagnostic SkippedLogSource(SourcePosition at, string logSource) =>
        new("SIG611", DiagnosticSeverity.Info, $"log source '{logSource}' has no routing entry; the rule is skipped", at);

    private static SigmaDiagnostic Error(string code, SourcePosition at, string message) => new(code, DiagnosticSeverity.Error, message, at);
}
