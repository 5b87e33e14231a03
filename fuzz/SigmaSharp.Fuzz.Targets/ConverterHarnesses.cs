using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Parsing;
using SigmaSharp.Pipelines;
using SigmaSharp.Rules;

namespace SigmaSharp.Fuzz.Targets;

/// <summary>Rule text in, query text out, for one target; the target's output format is picked by the input's hash.</summary>
internal static class ConverterHarnesses
{
    public static IEnumerable<(string Target, Action<ReadOnlyMemory<byte>> Run)> All()
    {
        foreach (var target in ConversionTargets.All)
        {
            var chain = new Lazy<LegacyConfigChain>(() => target.DefaultConfig is null
                ? LegacyConfigChain.Empty
                : LegacyConfigLoader.LoadChain([target.DefaultConfig]).Chain ?? LegacyConfigChain.Empty);
            yield return (target.Name, input => Sigmac(target.Name, chain.Value, input));
        }

        foreach (var target in ModernTargets.All)
        {
            var formats = ModernTargets.Formats(target.Name).Keys.Order(StringComparer.Ordinal).ToArray();
            yield return (target.Name, input => Modern(target.Name, formats, input));
        }
    }

    private static void Sigmac(string target, LegacyConfigChain chain, ReadOnlyMemory<byte> input)
    {
        var collection = RuleLoader.LoadTexts([("fuzz.yml", FuzzInput.Text(input))]);
        var (backend, _) = ConversionTargets.Create(target, null, chain);
        ConvertAll(backend, collection);
    }

    private static void Modern(string target, string[] formats, ReadOnlyMemory<byte> input)
    {
        var collection = RuleLoader.LoadTexts([("fuzz.yml", FuzzInput.Text(input))]);
        var options = formats.Length == 0
            ? null
            : new Dictionary<string, string> { ["format"] = formats[(int)((uint)Hash(input.Span) % (uint)formats.Length)] };
        var (backend, _) = ModernTargets.CreateWith(target, [], options, collection);
        ConvertAll(backend, collection);
    }

    private static void ConvertAll(IBackend? backend, RuleCollection collection)
    {
        if (backend is null)
        {
            return;
        }

        foreach (var rule in collection.Rules)
        {
            backend.Convert(rule);
        }

        backend.Finalize();
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 17;
        foreach (var b in bytes)
        {
            hash = unchecked((hash * 31) + b);
        }

        return hash;
    }
}
