using System.Collections.Frozen;
using System.Globalization;
using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Validation.Tags;

/// <summary>
/// Tells an ATT&amp;CK ID that a newer release may have issued from one that was never issued. MITRE numbers
/// objects of each kind in increasing order and never reuses a number (revoked and deprecated objects stay in
/// the data), so an ID at or below the highest number of its kind in the bundled table — or a sub-technique
/// number at or below its parent's highest — was never issued: it is a typo.
/// </summary>
internal sealed class AttackIdPlausibility
{
    private static readonly Lazy<AttackIdPlausibility> BundledInstance = new(() => new AttackIdPlausibility(AttackTable.Bundled));

    private readonly FrozenDictionary<string, int> _highestByPrefix;
    private readonly FrozenDictionary<int, int> _highestSubByTechnique;
    private readonly FrozenSet<string> _issued;

    public AttackIdPlausibility(AttackTable table)
    {
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        var highestSub = new Dictionary<int, int>();
        var issued = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in table.Entries)
        {
            if (Split(entry.Id) is not { } id)
            {
                continue;
            }

            issued.Add(id.Prefix + id.Number.ToString("D4", CultureInfo.InvariantCulture));
            highest[id.Prefix] = Math.Max(highest.GetValueOrDefault(id.Prefix), id.Number);
            if (id.Sub is { } sub)
            {
                highestSub[id.Number] = Math.Max(highestSub.GetValueOrDefault(id.Number), sub);
            }
        }

        _highestByPrefix = highest.ToFrozenDictionary(StringComparer.Ordinal);
        _highestSubByTechnique = highestSub.ToFrozenDictionary();
        _issued = issued.ToFrozenSet(StringComparer.Ordinal);
    }

    public static AttackIdPlausibility Bundled => BundledInstance.Value;

    /// <summary>True when a newer ATT&amp;CK release may hold the ID; true as well for kinds the table has no numbers for.</summary>
    public bool MayBeNewer(string id)
    {
        if (Split(id) is not { } parts || !_highestByPrefix.TryGetValue(parts.Prefix, out var highest))
        {
            return true;
        }

        if (parts.Number > highest)
        {
            return true;
        }

        if (parts.Sub is not { } sub)
        {
            return false;
        }

        // A new sub-technique of an issued technique takes the next free sub number; a technique that was never
        // issued has no sub-techniques in any release.
        return _issued.Contains(parts.Prefix + parts.Number.ToString("D4", CultureInfo.InvariantCulture))
            && (!_highestSubByTechnique.TryGetValue(parts.Number, out var highestSub) || sub > highestSub);
    }

    private static (string Prefix, int Number, int? Sub)? Split(string id)
    {
        var upper = id.ToUpperInvariant();
        var digits = 0;
        while (digits < upper.Length && char.IsAsciiLetter(upper[digits]))
        {
            digits++;
        }

        if (digits == 0 || digits == upper.Length)
        {
            return null;
        }

        var rest = upper[digits..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var numberText = dot < 0 ? rest : rest[..dot];
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        int? sub = null;
        if (dot >= 0)
        {
            if (!int.TryParse(rest[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return null;
            }

            sub = s;
        }

        return (upper[..digits], number, sub);
    }
}
