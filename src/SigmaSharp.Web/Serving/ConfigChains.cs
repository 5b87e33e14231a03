using System.Collections.Concurrent;
using SigmaSharp.Conversion;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;

namespace SigmaSharp.Web.Serving;

/// <summary>
/// The legacy configs a request may name: the ones the library ships, by name only (never a path: the library's
/// shipped-only loader does not look at the file system). Chains are built once and shared; the set of names is
/// small and fixed.
/// </summary>
internal sealed class ConfigChains
{
    private readonly HashSet<string> shipped = new(LegacyConfigLoader.ShippedNames, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (LegacyConfigChain? Chain, IReadOnlyList<SigmaDiagnostic> Diagnostics)> loaded = new(StringComparer.Ordinal);

    public ConfigChains() => Names = [.. shipped.Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Names { get; }

    /// <summary>The configs a target uses when the request names none (null), as sigmac's documentation did.</summary>
    public static IReadOnlyList<string> DefaultsOf(ConversionTarget target) =>
        target.DefaultConfig is { } name ? [name] : [];

    public bool IsShipped(string name) => shipped.Contains(name);

    /// <summary>The chain of the named configs in order; callers pass shipped names only (see <see cref="IsShipped"/>).</summary>
    public (LegacyConfigChain? Chain, IReadOnlyList<SigmaDiagnostic> Diagnostics) Get(IReadOnlyList<string> names) =>
        names.Count == 0 ? (LegacyConfigChain.Empty, []) : loaded.GetOrAdd(string.Join('\n', names), _ => Load(names));

    private static (LegacyConfigChain? Chain, IReadOnlyList<SigmaDiagnostic> Diagnostics) Load(IReadOnlyList<string> names)
    {
        var configs = new List<LegacyConfig>();
        var diagnostics = new List<SigmaDiagnostic>();
        foreach (var name in names)
        {
            var (config, found) = LegacyConfigLoader.LoadShipped(name);
            diagnostics.AddRange(found);
            if (config is not null)
            {
                configs.Add(config);
            }
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? (null, diagnostics) : (new LegacyConfigChain(configs), diagnostics);
    }
}
