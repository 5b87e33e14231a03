using System.Collections.Immutable;
using System.Text.Json;

namespace SigmaSharp.Documentation.Attack;

/// <summary>The facts one STIX object contributes to the table, before bundles are merged.</summary>
internal sealed record StixFact(
    string StixId,
    AttackObjectKind Kind,
    string AttackId,
    string Name,
    AttackDomains Domains,
    string? ShortName,
    ImmutableArray<string> Tactics,
    bool IsRevoked,
    bool IsDeprecated,
    string Version,
    string Modified);

/// <summary>What one bundle holds: its facts, its revoked-by links and its identity data.</summary>
internal sealed record StixBundle(
    ImmutableArray<StixFact> Facts,
    ImmutableArray<(string Source, string Target)> RevokedBy,
    ImmutableArray<(string Name, string Version)> Collections,
    ImmutableArray<string> MarkingStatements,
    AttackDomains Domains,
    string LatestModified);

/// <summary>
/// Reads a MITRE STIX 2.x bundle (the shape of mitre/cti's &lt;domain&gt;.json) into table facts.
/// Only the mitre-attack external ID, name, domains, kill chain phases, flags and version are
/// read; descriptions and references are skipped, so nothing but facts leaves the bundle.
/// </summary>
internal static class StixBundleReader
{
    public static StixBundle Read(Stream stream)
    {
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        var facts = ImmutableArray.CreateBuilder<StixFact>();
        var revokedBy = ImmutableArray.CreateBuilder<(string, string)>();
        var collections = ImmutableArray.CreateBuilder<(string, string)>();
        var markings = ImmutableArray.CreateBuilder<string>();
        var domains = AttackDomains.None;
        var latest = string.Empty;

        if (!document.RootElement.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("not a STIX bundle: no 'objects' array");
        }
        foreach (var obj in objects.EnumerateArray())
        {
            var type = Text(obj, "type");
            var modified = Text(obj, "modified");
            if (string.CompareOrdinal(modified, latest) > 0)
            {
                latest = modified;
            }
            switch (type)
            {
                case "relationship" when Text(obj, "relationship_type") == "revoked-by":
                    revokedBy.Add((Text(obj, "source_ref"), Text(obj, "target_ref")));
                    break;
                case "x-mitre-collection":
                    collections.Add((Text(obj, "name"), Text(obj, "x_mitre_version")));
                    break;
                case "marking-definition" when obj.TryGetProperty("definition", out var definition):
                    var statement = Text(definition, "statement");
                    if (statement.Length > 0)
                    {
                        markings.Add(statement);
                    }
                    break;
                case "x-mitre-matrix":
                    domains |= Domains(obj);
                    break;
                default:
                    if (ReadFact(obj, type, modified) is { } fact)
                    {
                        facts.Add(fact);
                    }
                    break;
            }
        }
        return new StixBundle(facts.ToImmutable(), revokedBy.ToImmutable(), collections.ToImmutable(),
            markings.ToImmutable(), domains, latest);
    }

    private static StixFact? ReadFact(JsonElement obj, string type, string modified)
    {
        if (KindOf(obj, type) is not { } kind || AttackId(obj) is not { } id || !HasPrefixOf(kind, id))
        {
            return null;
        }
        var shortName = kind == AttackObjectKind.Tactic ? Text(obj, "x_mitre_shortname") : null;
        return new StixFact(
            Text(obj, "id"),
            kind,
            id,
            AttackTableFormat.Clean(Text(obj, "name")),
            Domains(obj),
            shortName,
            KillChainPhases(obj),
            Bool(obj, "revoked"),
            Bool(obj, "x_mitre_deprecated"),
            Text(obj, "x_mitre_version"),
            modified);
    }

    private static AttackObjectKind? KindOf(JsonElement obj, string type) => type switch
    {
        "x-mitre-tactic" => AttackObjectKind.Tactic,
        "attack-pattern" => Bool(obj, "x_mitre_is_subtechnique") || (AttackId(obj)?.Contains('.', StringComparison.Ordinal) ?? false)
            ? AttackObjectKind.Subtechnique
            : AttackObjectKind.Technique,
        "intrusion-set" => AttackObjectKind.Group,
        "malware" or "tool" => AttackObjectKind.Software,
        "course-of-action" => AttackObjectKind.Mitigation,
        "x-mitre-data-source" => AttackObjectKind.DataSource,
        "x-mitre-asset" => AttackObjectKind.Asset,
        "campaign" => AttackObjectKind.Campaign,
        _ => null,
    };

    /// <summary>
    /// Old bundles hold course-of-action objects numbered like techniques (T1086 mitigations);
    /// requiring the kind's own prefix keeps them from shadowing the technique of the same ID.
    /// </summary>
    private static bool HasPrefixOf(AttackObjectKind kind, string id)
    {
        var prefix = AttackIdShape.Prefix(kind);
        return id.Length > prefix.Length && id.StartsWith(prefix, StringComparison.Ordinal) && char.IsAsciiDigit(id[prefix.Length]);
    }

    /// <summary>The mitre-attack reference (mitre-mobile-attack and mitre-ics-attack in older bundles).</summary>
    private static string? AttackId(JsonElement obj)
    {
        if (!obj.TryGetProperty("external_references", out var references) || references.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var reference in references.EnumerateArray())
        {
            var source = Text(reference, "source_name");
            var id = Text(reference, "external_id");
            if (source.StartsWith("mitre-", StringComparison.Ordinal) && source.EndsWith("attack", StringComparison.Ordinal) && id.Length > 0)
            {
                return id.Trim();
            }
        }
        return null;
    }

    private static ImmutableArray<string> KillChainPhases(JsonElement obj)
    {
        if (!obj.TryGetProperty("kill_chain_phases", out var phases) || phases.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return [.. phases.EnumerateArray()
            .Where(p => Text(p, "kill_chain_name").StartsWith("mitre-", StringComparison.Ordinal))
            .Select(p => Text(p, "phase_name"))
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static AttackDomains Domains(JsonElement obj)
    {
        var result = AttackDomains.None;
        if (obj.TryGetProperty("x_mitre_domains", out var domains) && domains.ValueKind == JsonValueKind.Array)
        {
            foreach (var domain in domains.EnumerateArray())
            {
                result |= domain.ValueKind == JsonValueKind.String ? AttackTableFormat.ParseDomain(domain.GetString()!) : AttackDomains.None;
            }
        }
        if (Text(obj, "type") == "x-mitre-matrix" && obj.TryGetProperty("external_references", out var references)
            && references.ValueKind == JsonValueKind.Array)
        {
            // Older matrices name their domain only through their external ID (enterprise-attack).
            foreach (var reference in references.EnumerateArray())
            {
                result |= AttackTableFormat.ParseDomain(Text(reference, "external_id"));
            }
        }
        return result;
    }

    private static string Text(JsonElement obj, string property) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() ?? string.Empty
            : string.Empty;

    private static bool Bool(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;
}
