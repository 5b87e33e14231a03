using System.Globalization;
using System.Text.Json;

namespace SigmaSharp.Web.Serving;

/// <summary>Turns a request's JSON options into the <c>-O key=value</c> strings the library reads.</summary>
internal static class ConversionSetup
{
    /// <summary>Accepts string, boolean and number values; anything else is the caller's mistake (null and a message).</summary>
    public static (Dictionary<string, string>? Options, string? Error) ReadOptions(IReadOnlyDictionary<string, JsonElement>? raw)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in raw ?? new Dictionary<string, JsonElement>())
        {
            string? text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            if (text is null)
            {
                return (null, string.Create(CultureInfo.InvariantCulture, $"option '{key}' must be a string, boolean or number"));
            }

            options[key] = text;
        }

        return (options, null);
    }
}
