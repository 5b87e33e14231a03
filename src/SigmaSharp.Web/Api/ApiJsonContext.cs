using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigmaSharp.Web.Api;

/// <summary>
/// Compile-time JSON contracts of every body the API reads or writes, so the server needs no reflection and runs
/// in the natively compiled <c>sigma</c> as in the JIT one. Web defaults (camelCase); depth bounded for untrusted bodies.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, MaxDepth = 16)]
[JsonSerializable(typeof(ConvertRequest))]
[JsonSerializable(typeof(RuleRequest))]
[JsonSerializable(typeof(ConvertResponse))]
[JsonSerializable(typeof(CheckResponse))]
[JsonSerializable(typeof(PreviewResponse))]
[JsonSerializable(typeof(IReadOnlyList<ApiTarget>))]
[JsonSerializable(typeof(IReadOnlyList<ApiPipeline>))]
[JsonSerializable(typeof(IReadOnlyList<ApiExample>))]
[JsonSerializable(typeof(ApiProblemBody))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

/// <summary>An RFC 9457 problem document with the stable <c>code</c>; <c>diagnostics</c> only when there are some.</summary>
internal sealed record ApiProblemBody(
    string Type,
    string Title,
    int Status,
    string Code,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ApiDiagnostic>? Diagnostics);
