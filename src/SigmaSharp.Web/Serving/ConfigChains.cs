using System.Collections.Concurrent;
using SigmaSharp.Conversion;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;
using SigmaSharp.Web.Assets;

namespace SigmaSharp.Web.Serving;

/// <summary>
/// The legacy configs a request may name: the shipped ones (data/configs, bundled in this assembly), by name only.
/// They are parsed from the bundled text, never loaded by name or path through the library's loader, which would
/// look at the file system first. Chains are built once and shared; the set of names is small and fixed.
/// </summary>
internal sealed class ConfigChains
{
    private readonly Dictionary<string, string> texts = EmbeddedAssets.Under("configs")
        .ToDictionary(a => Path.GetFileNameWithoutExtension(a.Name), EmbeddedAssets.Text, StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, (LegacyConfigChain? Chain, IReadOnlyList<SigmaDiagnostic> Diagnostics)> loaded = new(StringComparer.Ordinal);

    public ConfigChains() => Names = [.. texts.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Names { get; }

    /// <summary>The configs a target uses when the request names none (null), as sigmac's documentation did.</summary>
    public static IReadOnlyList<string> DefaultsOf(ConversionTarget target) =>
        target.DefaultConfig is { } name ? [name] : [];

    public bool IsShipped(string name) => texts.ContainsKey(name);

    /// <summary>The chain of the named configs in order; callers pass shipped names only (see <see cref="IsShipped"/>).</summary>
    public (LegacyConfigChain? Chain, IReadOnlyList<SigmaDiagnostic> Diagnostics) Get(IReadOnlyList<string> names) =>
        names.Count == 0 ? (LegacyConfigChain.Empty, []) : loaded.GetOrAdd(string.Join('\n', names), _ => Load(names));

    private (LegacyConfigChain? Chain, IReadOnlyList<SigmaDiagnostic> Diagnostics) Load(IReadOnlyList<string> names)
    {
        var configs = new List<LegacyConfig>();
        var diagnostics = new List<SigmaDiagnostic>();
        foreach (var name in names)
        {
            var (config, found) = LegacyConfigLoader.Parse(texts[name], name + ".yml");
            diagnostics.AddRange(found);
            if (config is not null)
            {
                configs.Add(config);
            }
        }

        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? (null, diagnostics) : (new LegacyConfigChain(configs), diagnostics);
    }
}
