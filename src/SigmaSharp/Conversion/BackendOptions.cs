using SigmaSharp.Rules;

namespace SigmaSharp.Conversion;

/// <summary>The <c>-O key=value</c> options of one backend, with typed reads that report bad values.</summary>
internal sealed class BackendOptions(string target, IReadOnlyDictionary<string, string> values)
{
    public List<SigmaDiagnostic> Errors { get; } = [];

    public string String(string key, string fallback) => values.TryGetValue(key, out var v) ? v : fallback;

    public string? OptionalString(string key) => values.TryGetValue(key, out var v) ? v : null;

    public bool Bool(string key, bool fallback)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return fallback;
        }

        switch (v.Trim().ToLowerInvariant())
        {
            case "" or "true" or "yes" or "1" or "on" or "y" or "t":
                return true;
            case "false" or "no" or "0" or "off" or "n" or "f":
                return false;
            default:
                Errors.Add(ConversionFacts.BadOption(target, key, $"'{v}' is not true or false"));
                return fallback;
        }
    }

    public T Choice<T>(string key, T fallback, IReadOnlyDictionary<string, T> choices)
    {
        if (!values.TryGetValue(key, out var v))
        {
            return fallback;
        }

        if (choices.TryGetValue(v, out var choice))
        {
            return choice;
        }

        Errors.Add(ConversionFacts.BadOption(target, key, $"'{v}' is not one of {string.Join(", ", choices.Keys)}"));
        return fallback;
    }

    /// <summary>Comma-separated list, spaces removed (as sigmac read its list options).</summary>
    public IReadOnlyList<string> List(string key) =>
        values.TryGetValue(key, out var v) ? v.Replace(" ", string.Empty, StringComparison.Ordinal).Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
}
