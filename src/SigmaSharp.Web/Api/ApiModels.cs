using System.Text.Json;

namespace SigmaSharp.Web.Api;

/// <summary>Body of <c>POST /api/convert</c>. <see cref="Configs"/> null means the target's default configs.</summary>
public sealed record ConvertRequest(string? Rule, string? Target, IReadOnlyList<string>? Configs, IReadOnlyDictionary<string, JsonElement>? Options);

/// <summary>Body of <c>POST /api/check</c> and <c>POST /api/preview</c>.</summary>
public sealed record RuleRequest(string? Rule);

/// <summary>A diagnostic or validator finding, positioned in the rule text (1-based; 0 when it has no place).</summary>
public sealed record ApiDiagnostic(string Code, string Severity, string Message, int Line, int Column);

/// <summary>A rule tag, with the ATT&amp;CK object it names when it is an attack.* tag the bundled table knows.</summary>
public sealed record ApiTag(string Tag, string? AttackId, string? Name, string? Kind, string? Status);

/// <summary>The queries of one rule document.</summary>
public sealed record ApiRuleQueries(string Title, string? Id, IReadOnlyList<string> Queries);

public sealed record ConvertResponse(
    string Target,
    IReadOnlyList<string> Configs,
    IReadOnlyList<string> Queries,
    IReadOnlyList<ApiRuleQueries> Rules,
    string? Finalized,
    IReadOnlyList<ApiDiagnostic> Diagnostics,
    IReadOnlyList<ApiTag> Tags);

public sealed record CheckResponse(IReadOnlyList<ApiDiagnostic> Findings, int Rules);

public sealed record PreviewResponse(string Markdown, string Html);

public sealed record ApiTarget(string Name, string Description, IReadOnlyList<string> DefaultConfigs, IReadOnlyList<string> Options);

public sealed record ApiPipeline(string Name, string Kind, IReadOnlyList<string> DefaultFor);

public sealed record ApiExample(string Name, string Title, string Text);
