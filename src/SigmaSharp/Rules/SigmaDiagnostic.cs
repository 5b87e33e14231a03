namespace SigmaSharp.Rules;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// A finding about a rule or input file. Errors are values, not exceptions: a batch gathers them and goes on.
/// Codes are stable (SIG1xx YAML/structure, SIG2xx detection and modifiers, SIG3xx conditions,
/// SIG4xx metadata and tags, SIG5xx conversion limits); tests assert on codes, not messages.
/// </summary>
public sealed record SigmaDiagnostic(string Code, DiagnosticSeverity Severity, string Message, SourcePosition Position)
{
    public override string ToString() =>
        $"{Position}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
