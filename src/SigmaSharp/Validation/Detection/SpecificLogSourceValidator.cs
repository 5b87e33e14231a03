using System.Collections.Frozen;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Validation.Detection;

/// <summary>
/// A Windows rule on the Sysmon or Security channel that selects an EventID for which a generic log source
/// category exists (Sysmon 1 = process_creation, Security 4688 = process_creation, ...) ties the rule to one
/// telemetry provider; the category lets pipelines map it to any of them.
/// </summary>
internal sealed class SpecificLogSourceValidator : DetectionItemValidator
{
    private static readonly FrozenDictionary<int, string> Sysmon = new Dictionary<int, string>
    {
        [1] = "process_creation", [2] = "file_change", [3] = "network_connection", [4] = "sysmon_status",
        [5] = "process_termination", [6] = "driver_load", [7] = "image_load", [8] = "create_remote_thread",
        [9] = "raw_access_thread", [10] = "process_access", [11] = "file_event", [12] = "registry_event",
        [13] = "registry_event", [14] = "registry_event", [15] = "create_stream_hash", [16] = "sysmon_status",
        [17] = "pipe_created", [18] = "pipe_created", [19] = "wmi_event", [20] = "wmi_event", [21] = "wmi_event",
        [22] = "dns_query", [23] = "file_delete", [24] = "clipboard_change", [25] = "process_tampering",
        [26] = "file_delete_detected", [27] = "file_block_executable", [28] = "file_block_shredding",
        [29] = "file_executable_detected", [255] = "sysmon_error",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, string> Security = new Dictionary<int, string>
    {
        [4688] = "process_creation",
    }.ToFrozenDictionary();

    public override string Code => "SIG252";

    public override string Name => "specific-instead-of-generic-logsource";

    public override DiagnosticSeverity DefaultSeverity => DiagnosticSeverity.Warning;

    public override string Description =>
        "a Windows Sysmon/Security rule selects an EventID for which a generic log source category exists";

    protected override IEnumerable<SigmaDiagnostic> Check(SigmaRuleBase rule, DetectionItem item)
    {
        if (rule is not SigmaRule { LogSource: { Product: "windows", Service: var service } } || item.Field != "EventID")
        {
            yield break;
        }

        var table = service switch
        {
            "sysmon" => Sysmon,
            "security" => Security,
            _ => null,
        };
        if (table is null)
        {
            yield break;
        }

        foreach (var number in item.Values.OfType<SigmaNumber>().Where(n => n.IsInteger))
        {
            if (number.Value is >= int.MinValue and <= int.MaxValue && table.TryGetValue((int)number.Value, out var category))
            {
                yield return Finding(item.Position, $"EventID {number.Text} of service '{service}': use the generic log source 'category: {category}' instead");
            }
        }
    }
}
