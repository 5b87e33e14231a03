using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using SigmaSharp.Web.Api;

namespace SigmaSharp.Web.Serving;

/// <summary>The middleware that keeps the server safe to leave running: headers, host check, JSON errors.</summary>
internal static class RequestGuards
{
    /// <summary>
    /// The page loads only its own script and style and talks only to its own origin; no framing, no referrer.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return next(context);
    }

    /// <summary>
    /// On loopback, only requests addressed to a loopback name are served: a web page elsewhere that points its own
    /// host name at 127.0.0.1 (DNS rebinding) gets 400 instead of a same-origin view of this API.
    /// </summary>
    public static Task LoopbackHostOnly(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        return LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase) || host == "::1"
            ? next(context)
            : ApiProblem.WriteAsync(context, 400, "bad-host", "this server answers only requests addressed to localhost, 127.0.0.1 or [::1]");
    }

    public static Task WriteExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        return error is BadHttpRequestException bad
            ? ApiProblem.WriteAsync(context, bad.StatusCode, bad.StatusCode == 413 ? "body-too-large" : "bad-request",
                bad.StatusCode == 413 ? "the request body is larger than the server accepts" : "the request could not be read")
            : ApiProblem.WriteAsync(context, 500, "internal-error", "the server failed on this request; the rule text has not been stored anywhere");
    }

    /// <summary>Gives bodiless error statuses (unknown path 404, wrong method 405) the same JSON shape.</summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var code = status switch { 404 => "not-found", 405 => "method-not-allowed", 413 => "body-too-large", _ => "error" };
        var detail = status switch
        {
            404 => "no such page or API endpoint; see /openapi.json",
            405 => "this endpoint does not take that HTTP method; see /openapi.json",
            _ => "the request failed",
        };
        return ApiProblem.WriteAsync(context.HttpContext, status, code, detail);
    }
}
