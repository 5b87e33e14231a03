using Microsoft.AspNetCore.Http;
using SigmaSharp.Conversion;
using SigmaSharp.Rules;
using SigmaSharp.Web.Serving;

namespace SigmaSharp.Web.Api;

/// <summary><c>POST /api/convert</c>: the request is checked up front (400 with a message), then converted under the time limit.</summary>
internal static class ConvertEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest http, ConfigChains chains, ConversionGate gate)
    {
        var (request, error) = await JsonBody.ReadAsync(http, ApiJsonContext.Default.ConvertRequest);
        if (request is null)
        {
            return error!;
        }

        if (request.Rule is not { } rule)
        {
            return ApiProblem.Result(400, "missing-rule", "the body needs a 'rule' string holding the rule's YAML text");
        }

        var target = ConversionTargets.All.FirstOrDefault(t => t.Name == request.Target);
        if (target is null)
        {
            var known = string.Join(", ", ConversionTargets.All.Select(t => t.Name));
            return ApiProblem.Result(400, "unknown-target", request.Target is null
                ? $"the body needs a 'target'; one of: {known}"
                : $"unknown target '{request.Target}'; one of: {known}");
        }

        var configs = request.Configs ?? ConfigChains.DefaultsOf(target);
        if (configs.FirstOrDefault(c => !chains.IsShipped(c)) is { } unknownConfig)
        {
            return ApiProblem.Result(400, "unknown-config", $"unknown config '{unknownConfig}'; one of: {string.Join(", ", chains.Names)} (see GET /api/pipelines)");
        }

        var (options, optionError) = ConversionSetup.ReadOptions(request.Options);
        if (options is null)
        {
            return ApiProblem.Result(400, "bad-option", optionError!);
        }

        var (chain, chainDiagnostics) = chains.Get(configs);
        var (backend, backendDiagnostics) = chain is null ? (null, []) : ConversionTargets.Create(target.Name, options, chain);
        IReadOnlyList<SigmaDiagnostic> setup = [.. chainDiagnostics, .. backendDiagnostics];
        if (backend is null)
        {
            var problems = setup.Select(RuleWork.ToApi).ToList();
            return ApiProblem.Result(400, chain is null ? "bad-config" : "bad-option", string.Join("; ", problems.Select(p => p.Message)), problems);
        }

        var response = await gate.RunAsync(() => RuleWork.Convert(rule, backend, configs, setup), http.HttpContext.RequestAborted);
        return response is null ? TimedOut(gate) : Results.Json(response, ApiJsonContext.Default.ConvertResponse);
    }

    public static IResult TimedOut(ConversionGate gate) =>
        ApiProblem.Result(503, "timeout", $"the rule took longer than {gate.Timeout.TotalSeconds:0.###} s to process (or the server is busy); try a smaller rule");
}
