using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SigmaSharp.Web.Api;

/// <summary>
/// Every error the server answers is an RFC 9457 problem document (application/problem+json) with a stable
/// <c>code</c>; never a stack trace or an HTML page.
/// </summary>
internal static class ApiProblem
{
    public static IResult Result(int status, string code, string detail, IReadOnlyList<ApiDiagnostic>? diagnostics = null) =>
        Results.Json(Body(status, code, detail, diagnostics), ApiJsonContext.Default.ApiProblemBody, "application/problem+json", status);

    public static Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(Body(status, code, detail, null), ApiJsonContext.Default.ApiProblemBody), context.RequestAborted);
    }

    private static ApiProblemBody Body(int status, string code, string detail, IReadOnlyList<ApiDiagnostic>? diagnostics) =>
        new("about:blank", Title(status), status, code, detail, diagnostics);

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        503 => "Service Unavailable",
        _ => status >= 500 ? "Internal Server Error" : "Error",
    };
}
