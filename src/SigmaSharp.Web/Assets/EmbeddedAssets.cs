using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace SigmaSharp.Web.Assets;

/// <summary>One file bundled in the assembly, with the headers it is served with.</summary>
internal sealed record EmbeddedAsset(string Name, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The page, its script and style, the OpenAPI document and the example rules, read once from the assembly's
/// resources: requests never touch the file system.
/// </summary>
internal static class EmbeddedAssets
{
    private static readonly FrozenDictionary<string, EmbeddedAsset> All = Load();

    public static EmbeddedAsset? Find(string name) => All.GetValueOrDefault(name);

    public static IEnumerable<EmbeddedAsset> Under(string folder) =>
        All.Values.Where(a => a.Name.StartsWith(folder + "/", StringComparison.Ordinal)).OrderBy(a => a.Name, StringComparer.Ordinal);

    public static string Text(EmbeddedAsset asset) => Encoding.UTF8.GetString(asset.Content);

    private static FrozenDictionary<string, EmbeddedAsset> Load()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var assets = new Dictionary<string, EmbeddedAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"";
            assets[name] = new EmbeddedAsset(name, bytes, ContentTypeOf(name), etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".yml" => "text/yaml; charset=utf-8",
        _ => "application/octet-stream",
    };
}
