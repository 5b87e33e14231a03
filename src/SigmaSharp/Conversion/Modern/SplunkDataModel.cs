using SigmaSharp.Rules;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// The <c>data_model</c> output of the Splunk target: a tstats search over the CIM data model the splunk_cim pipeline
/// chose (state <c>data_model_set</c>, <c>fields</c>); commands after the search move behind the tstats.
/// </summary>
internal static class SplunkDataModel
{
    public static string? Query(SigmaRule rule, string query, IReadOnlyDictionary<string, object?> state, List<SigmaDiagnostic> diagnostics)
    {
        var set = state.GetValueOrDefault("data_model_set")?.ToString();
        var fields = state.GetValueOrDefault("fields") switch
        {
            IEnumerable<string> list => string.Join(" ", list),
            string single => single,
            _ => null,
        };
        if (string.IsNullOrEmpty(set) || fields is null)
        {
            diagnostics.Add(ConversionFacts.NotSupported(rule.Source.Position, "pysigma-splunk", "the data_model format needs the splunk_cim pipeline (no data model or fields for this rule)"));
            return null;
        }

        var parts = set.Split('.');
        var dataSet = parts.Length == 2 ? parts[1] : set;
        var deferred = string.Empty;
        var where = query;
        const string searchMarker = "\n| search ";
        var hasRex = query.Contains(searchMarker, StringComparison.Ordinal);
        if (hasRex)
        {
            var at = query.IndexOf(searchMarker, StringComparison.Ordinal);
            deferred = query[..at];
            where = query[(at + searchMarker.Length)..];
        }

        var suffix = where.IndexOf("\n| ", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            deferred += where[suffix..];
            where = where[..suffix];
        }

        if (hasRex)
        {
            deferred += searchMarker + where;
        }

        var text = $"| tstats summariesonly=false allow_old_summaries=true fillnull_value=\"null\" count min(_time) as firstTime max(_time) as lastTime from datamodel={set} where {where} by {fields}{deferred}\n| `drop_dm_object_name({dataSet})`\n| convert timeformat=\"%Y-%m-%dT%H:%M:%S\" ctime(firstTime)\n| convert timeformat=\"%Y-%m-%dT%H:%M:%S\" ctime(lastTime)\n";
        return text.Replace("\n", " ", StringComparison.Ordinal);
    }
}
