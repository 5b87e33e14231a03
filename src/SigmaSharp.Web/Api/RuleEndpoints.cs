using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using SigmaSharp.Web.Preview;
using SigmaSharp.Web.Serving;

namespace SigmaSharp.Web.Api;

/// <summary><c>POST /api/check</c> and <c>POST /api/preview</c>: both take <c>{rule}</c> and run under the time limit.</summary>
internal static class RuleEndpoints
{
    public static Task<IResult> CheckAsync(HttpRequest http, ConversionGate gate) => RunAsync(http, gate, RuleWork.Check, ApiJsonContext.Default.CheckResponse);

    public static Task<IResult> PreviewAsync(HttpRequest http, ConversionGate gate) => RunAsync(http, gate, RulePreview.Render, ApiJsonContext.Default.PreviewResponse);

    private static async Task<IResult> RunAsync<T>(HttpRequest http, ConversionGate gate, Func<string, T> work, JsonTypeInfo<T> contract)
        where T : class
    {
        var (request, error) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.RuleRequest);
        if (request is null)
        {
            return error!;
        }

        if (request.Rule is not { } rule)
        {
            return ApiProblem.Result(400, "missing-rule", "the body needs a 'rule' string holding the rule's YAML text");
        }

        var response = await gate.RunAsync(() => work(rule), http.HttpContext.RequestAborted);
        return response is null ? ConvertEndpoint.TimedOut(gate) : Results.Json(response, contract);
    }
}
