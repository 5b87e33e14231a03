namespace SigmaSharp.Parsing;

/// <summary>Search-identifier patterns of "1 of x*": <c>*</c> matches any run of characters.</summary>
internal static class IdentifierPattern
{
    public static bool Matches(string pattern, string name) => Match(pattern.AsSpan(), name.AsSpan());

    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.SequenceEqual(name);
        }

        if (!name.StartsWith(pattern[..star]))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        var remaining = name[star..];
        for (var i = 0; i <= remaining.Length; i++)
        {
            if (Match(rest, remaining[i..]))
            {
                return true;
            }
        }

        return false;
    }
}
