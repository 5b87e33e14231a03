namespace SigmaSharp.Validation.Metadata;

/// <summary>What a rule id is: Sigma ids are UUIDs, and SigmaHQ expects random ones (version 4, RFC 4122 variant).</summary>
internal static class RuleIdentifier
{
    public static bool IsUuid(string id) => Guid.TryParse(id.Trim(), out _);

    public static bool IsUuidV4(string id)
    {
        if (!Guid.TryParse(id.Trim(), out var guid))
        {
            return false;
        }

        var text = guid.ToString("D");
        return text[14] == '4' && text[19] is '8' or '9' or 'a' or 'b';
    }
}
