using SigmaSharp.Rules;

namespace SigmaSharp.Conversion;

/// <summary>A conversion target: turns rules into query text, one query per rule condition.</summary>
public interface IBackend
{
    /// <summary>The target's name as the CLI spells it (<c>splunk</c>, <c>es-qs</c>, ...).</summary>
    string Name { get; }

    /// <summary>
    /// Converts one rule. Never throws for any rule: what the target cannot express is reported as a SIG5xx
    /// diagnostic in the result, and the batch goes on.
    /// </summary>
    ConversionResult Convert(SigmaRuleBase rule);

    /// <summary>
    /// Output due at the end of a run (xpack-watcher emits all watches at once, as sigmac did); null for targets that
    /// emit everything per rule. Calling it does not reset the backend.
    /// </summary>
    string? Finalize();

    /// <summary>
    /// True when <see cref="Convert"/> keeps nothing from one rule for the next (no end-of-run document, no
    /// run-wide names), so a batch may be split between several instances converting in parallel.
    /// </summary>
    bool ConvertsIndependently { get; }
}

/// <summary>The queries of one rule (one per condition), or the diagnostics saying why there are none.</summary>
public sealed record ConversionResult(SigmaRuleBase Rule, EquatableArray<string> Queries, EquatableArray<SigmaDiagnostic> Diagnostics)
{
    public bool IsConverted => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}

/// <summary>A target's name and what it produces, for listings.</summary>
public sealed record ConversionTarget(string Name, string Description, string? DefaultConfig, EquatableArray<string> Options);
