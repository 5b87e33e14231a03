using System.Collections.Frozen;
using SigmaSharp.Rules;

namespace SigmaSharp.Validation;

/// <summary>
/// Which validators run and how their findings are reported. Validators are named by code (SIG250) or by
/// name (escaped-wildcard), case-insensitively.
/// </summary>
public sealed record ValidationOptions
{
    public static ValidationOptions Default { get; } = new();

    /// <summary>Validators that do not run at all.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = FrozenSet<string>.Empty;

    /// <summary>When set, only these validators run (sigma-cli's "validators" list).</summary>
    public IReadOnlySet<string>? Only { get; init; }

    /// <summary>Per rule id, the validators whose findings are dropped for that rule (sigma-cli's "exclusions").</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Exclusions { get; init; } =
        FrozenDictionary<string, IReadOnlySet<string>>.Empty;

    /// <summary>Severity per validator, replacing the default one.</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity> Severities { get; init; } =
        FrozenDictionary<string, DiagnosticSeverity>.Empty;

    /// <summary>The day "in the future" is measured from; fixed in tests so results do not age.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    internal static bool Names(IEnumerable<string> set, IRuleValidator validator) =>
        set.Any(s => string.Equals(s, validator.Code, StringComparison.OrdinalIgnoreCase)
            || string.Equals(s, validator.Name, StringComparison.OrdinalIgnoreCase));

    internal bool Runs(IRuleValidator validator) =>
        !Names(Disabled, validator) && (Only is null || Names(Only, validator));

    internal DiagnosticSeverity SeverityOf(IRuleValidator validator)
    {
        foreach (var (key, severity) in Severities)
        {
            if (Names([key], validator))
            {
                return severity;
            }
        }

        return validator.DefaultSeverity;
    }

    internal bool Excludes(SigmaRuleBase rule, IRuleValidator validator) =>
        rule.Id is { } id && Exclusions.TryGetValue(id, out var excluded) && Names(excluded, validator);
}
