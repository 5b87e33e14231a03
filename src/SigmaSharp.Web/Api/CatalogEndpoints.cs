using Microsoft.AspNetCore.Http;
using SigmaSharp.Conversion;
using SigmaSharp.Web.Assets;
using SigmaSharp.Web.Serving;

namespace SigmaSharp.Web.Api;

/// <summary>The fixed lists the page's pickers are filled from: targets, configs, bundled example rules.</summary>
internal static class CatalogEndpoints
{
    public static IResult Targets() =>
        Results.Json<IReadOnlyList<ApiTarget>>([.. ConversionTargets.All.Select(t => new ApiTarget(t.Name, t.Description, ConfigChains.DefaultsOf(t), [.. t.Options]))], ApiJsonContext.Default.IReadOnlyListApiTarget);

    public static IResult Pipelines(ConfigChains chains) =>
        Results.Json<IReadOnlyList<ApiPipeline>>([.. chains.Names.Select(n => new ApiPipeline(n, "legacy-config", [.. ConversionTargets.All.Where(t => t.DefaultConfig == n).Select(t => t.Name)]))], ApiJsonContext.Default.IReadOnlyListApiPipeline);

    public static IResult Examples() => Results.Json(ExampleRules.Value, ApiJsonContext.Default.IReadOnlyListApiExample);

    private static readonly Lazy<IReadOnlyList<ApiExample>> ExampleRules = new(() =>
        [.. EmbeddedAssets.Under("examples").Select(a =>
        {
            var text = EmbeddedAssets.Text(a);
            var title = text.Split('\n').FirstOrDefault(l => l.StartsWith("title:", StringComparison.Ordinal)) is { } line
                ? line["title:".Length..].Trim().Trim('\'', '"')
                : a.Name;
            return new ApiExample(Path.GetFileNameWithoutExtension(a.Name), title, text);
        })]);
}
