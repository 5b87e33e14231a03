using SigmaSharp.Rules;
using SigmaSharp.Validation;

namespace SigmaSharp.Cli.Commands;

/// <summary>
/// Parser diagnostics plus validator findings. <c>--disable</c> turns off validators or parser codes by code or name
/// (<c>all</c> turns off every validator); <c>--enable</c> turns one back on, so <c>--disable all --enable X</c> runs X only.
/// </summary>
internal static class RuleChecks
{
    public static IEnumerable<SigmaDiagnostic> Run(RuleCollection collection, IReadOnlyCollection<string> disable, IReadOnlyCollection<string> enable)
    {
        foreach (var name in disable.Concat(enable).Where(n => !IsKnown(n)))
        {
            throw new UsageException($"unknown validator or code '{name}'; see 'sigma list validators' and docs/diagnostics.md");
        }

        var enabled = new HashSet<string>(enable, StringComparer.OrdinalIgnoreCase);
        var everyValidator = disable.Contains("all", StringComparer.OrdinalIgnoreCase)
            ? ValidatorRegistry.All.Where(v => !enabled.Contains(v.Code) && !enabled.Contains(v.Name)).Select(v => v.Code)
            : [];
        var disabledSet = new HashSet<string>(everyValidator.Concat(disable.Where(d => !enabled.Contains(d))), StringComparer.OrdinalIgnoreCase);
        var options = ValidationOptions.Default with { Disabled = disabledSet };
        var parserFindings = collection.Diagnostics.Where(d => !disabledSet.Contains(d.Code));
        return parserFindings.Concat(RuleValidation.Validate(collection, options));
    }

    private static bool IsKnown(string name) =>
        string.Equals(name, "all", StringComparison.OrdinalIgnoreCase)
        || ValidatorRegistry.Find(name) is not null
        || (name.StartsWith("SIG", StringComparison.OrdinalIgnoreCase) && name.Length == 6 && name[3..].All(char.IsAsciiDigit));
}
