namespace SigmaSharp.Evaluation.Matching;

/// <summary>
/// Combines "one of these literals must occur" sets for the prefilter: OR takes the union (any
/// unknown makes the whole unknown); AND may keep the most selective side.
/// </summary>
internal static class LiteralRequirement
{
    /// <summary>Literals shorter than this occur in nearly every event; they filter nothing.</summary>
    public const int MinLength = 3;

    /// <summary>Longer literals are cut: any piece of a required literal is required too, and short
    /// pieces keep the automaton small.</summary>
    public const int MaxLength = 12;

    public static IReadOnlyList<string>? Union(IEnumerable<IReadOnlyList<string>?> parts)
    {
        var all = new List<string>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                return null;
            }
            all.AddRange(part);
        }
        return all;
    }

    /// <summary>The more selective of two requirements: known beats unknown, then longer shortest literal, then fewer.</summary>
    public static IReadOnlyList<string>? Best(IReadOnlyList<string>? left, IReadOnlyList<string>? right)
    {
        if (left is null)
        {
            return right;
        }
        if (right is null)
        {
            return left;
        }
        var l = Score(left);
        var r = Score(right);
        return r > l ? right : left;
    }

    public static double Score(IReadOnlyList<string> literals) =>
        literals.Count == 0 ? double.MaxValue : literals.Min(s => s.Length) - Math.Log2(literals.Count);

    /// <summary>The literal of a string pattern that best stands for it, or null when none is long enough.</summary>
    public static string? Pick(IEnumerable<string> literalParts)
    {
        string? best = null;
        foreach (var part in literalParts)
        {
            if ((part.Length >= MinLength || IsRareShort(part)) && (best is null || part.Length > best.Length))
            {
                best = part;
            }
        }
        return best is null ? null : best.Length > MaxLength ? best[..MaxLength] : best;
    }

    /// <summary>
    /// A short literal holding a non-ASCII character (emoji, Cyrillic look-alikes) is rare in real
    /// values, so it still filters. Supplementary characters must be caseless: the prefilter folds
    /// UTF-16 units one by one, which would miss a case variant of a surrogate pair.
    /// </summary>
    private static bool IsRareShort(string part) =>
        part.Length > 0 && !System.Text.Ascii.IsValid(part)
        && (!part.Any(char.IsSurrogate) || (string.Equals(part.ToUpperInvariant(), part, StringComparison.Ordinal) && string.Equals(part.ToLowerInvariant(), part, StringComparison.Ordinal)));
}
