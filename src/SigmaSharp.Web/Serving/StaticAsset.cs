using Microsoft.AspNetCore.Http;
using SigmaSharp.Web.Api;
using SigmaSharp.Web.Assets;

namespace SigmaSharp.Web.Serving;

/// <summary>Serves one embedded file, with a validator so a reload costs a 304.</summary>
internal static class StaticAsset
{
    public static IResult Serve(HttpContext context, string name)
    {
        // Names come from the route: only exact resource names match, so "../" and the like find nothing.
        if (EmbeddedAssets.Find(name) is not { } asset)
        {
            return ApiProblem.Result(404, "not-found", "no such file");
        }

        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        return context.Request.Headers.IfNoneMatch == asset.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(asset.Content, asset.ContentType);
    }
}
