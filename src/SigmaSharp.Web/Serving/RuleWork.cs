using System.Text.Json;
using SigmaSharp.Conversion;
using SigmaSharp.Documentation.Attack;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Validation;
using SigmaSharp.Web.Api;

namespace SigmaSharp.Web.Serving;

/// <summary>
/// What the endpoints compute, as plain functions of the request: parse the rule text (never a file), check it,
/// convert it. Rule text is only ever parsed as YAML data.
/// </summary>
internal static class RuleWork
{
    /// <summary>The name the rule text gets in diagnostics; positions refer to the editor's lines.</summary>
    public const string FileName = "rule.yml";

    public static RuleCollection Load(string text) => RuleLoader.LoadTexts([(FileName, text)]);

    /// <summary>The editor's text has no real file name, so the validators of file names have nothing to judge.</summary>
    private static readonly ValidationOptions CheckOptions = ValidationOptions.Default with
    {
        Disabled = new HashSet<string>(["filename-length", "filename-convention", "duplicate-filename"], StringComparer.OrdinalIgnoreCase),
    };

    public static CheckResponse Check(string text)
    {
        var collection = Load(text);
        var findings = collection.Diagnostics.Concat(RuleValidation.Validate(collection, CheckOptions with { Today = DateOnly.FromDateTime(DateTime.UtcNow) })).Distinct();
        return new CheckResponse(Ordered(findings), collection.Rules.Count);
    }

    /// <summary>Converts every rule of the text with a backend made for this request (backends keep state for Finalize).</summary>
    public static ConvertResponse Convert(string text, IBackend backend, IReadOnlyList<string> configs, IEnumerable<SigmaDiagnostic> setupDiagnostics)
    {
        var collection = Load(text);
        var diagnostics = new List<SigmaDiagnostic>(collection.Diagnostics.Concat(setupDiagnostics));
        var perRule = new List<ApiRuleQueries>();
        foreach (var rule in collection.Rules.Where(r => r is not SigmaFilter))
        {
            var result = backend.Convert(rule);
            diagnostics.AddRange(result.Diagnostics);
            perRule.Add(new ApiRuleQueries(rule.Title, rule.Id, [.. result.Queries]));
        }

        var finalized = backend.Finalize();
        List<ApiTag> tags = collection.Rules.Count > 0 ? [.. collection.Rules[0].Info.Tags.Select(t => Tag(t.ToString()))] : [];
        return new ConvertResponse(backend.Name, configs, [.. perRule.SelectMany(r => r.Queries)], perRule, finalized, Ordered(diagnostics), tags);
    }

    public static ApiTag Tag(string tag)
    {
        if (!tag.StartsWith(AttackTag.Namespace + ".", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiTag(tag, null, null, null, null);
        }

        var resolved = AttackTag.Resolve(tag);
        return new ApiTag(tag, resolved.Entry?.Id, resolved.Name, resolved.Kind?.ToString().ToLowerInvariant(), Camel(resolved.Status.ToString()));
    }

    public static ApiDiagnostic ToApi(SigmaDiagnostic d) =>
        new(d.Code, d.Severity.ToString().ToLowerInvariant(), d.Message, d.Position.Line, d.Position.Column);

    private static List<ApiDiagnostic> Ordered(IEnumerable<SigmaDiagnostic> diagnostics) =>
        [.. diagnostics.Distinct().OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column).ThenBy(d => d.Code, StringComparer.Ordinal).Select(ToApi)];

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}
