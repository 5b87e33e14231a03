using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace SigmaSharp.Web.Api;

/// <summary>
/// Reads a JSON request body, turning every way it can be wrong into a problem response: not JSON (415, which
/// also keeps cross-site HTML forms from posting here), malformed (400), over the size limit (413).
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> contract)
        where T : class
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiProblem.Result(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "send the body as application/json"));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(request.Body, contract, request.HttpContext.RequestAborted);
            return value is null
                ? (null, ApiProblem.Result(StatusCodes.Status400BadRequest, "bad-json", "the body must be a JSON object"))
                : (value, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : string.Empty;
            return (null, ApiProblem.Result(StatusCodes.Status400BadRequest, "bad-json", "the body is not valid JSON for this endpoint" + where));
        }
        catch (BadHttpRequestException e)
        {
            return (null, ApiProblem.Result(e.StatusCode, e.StatusCode == 413 ? "body-too-large" : "bad-request", e.StatusCode == 413
                ? "the request body is larger than the server accepts"
                : "the request could not be read"));
        }
    }
}
