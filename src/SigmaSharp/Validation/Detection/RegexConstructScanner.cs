namespace SigmaSharp.Validation.Detection;

/// <summary>
/// Finds regex constructs outside the PCRE subset of the modifiers appendix (wildcard, anchors, quantifiers,
/// classes, alternation, grouping): lookaround, backreferences, named and atomic groups, inline flags,
/// possessive quantifiers, recursion and conditionals. One linear pass; nothing is executed.
/// </summary>
internal static class RegexConstructScanner
{
    public static IReadOnlyList<string> Find(string pattern)
    {
        var found = new List<string>();
        var inClass = false;
        var afterQuantifier = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var quantifier = false;
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (!inClass && (next is >= '1' and <= '9' || next is 'k' or 'g'))
                {
                    Add(found, "backreference");
                }

                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    i++;
                }
            }
            else if (c == '(' && i + 1 < pattern.Length && pattern[i + 1] == '?')
            {
                var name = GroupKind(pattern, i + 2);
                if (name is not null)
                {
                    Add(found, name);
                }

                i++;
            }
            else if (c is '*' or '+' or '?' or '}')
            {
                if (c == '+' && afterQuantifier)
                {
                    Add(found, "possessive quantifier");
                }
                else
                {
                    quantifier = !(c == '?' && afterQuantifier);
                }
            }

            afterQuantifier = quantifier;
        }

        return found;
    }

    private static string? GroupKind(string pattern, int at)
    {
        var rest = pattern.AsSpan(at);
        return rest switch
        {
            _ when rest.StartsWith(":") => null,
            _ when rest.StartsWith("=") || rest.StartsWith("!") => "lookahead",
            _ when rest.StartsWith("<=") || rest.StartsWith("<!") => "lookbehind",
            _ when rest.StartsWith("<") || rest.StartsWith("P<") || rest.StartsWith("'") => "named group",
            _ when rest.StartsWith(">") => "atomic group",
            _ when rest.StartsWith("#") => "comment group",
            _ when rest.StartsWith("(") => "conditional",
            _ when rest.Length > 0 && (rest[0] is 'R' or '&' || char.IsDigit(rest[0])) => "recursion",
            _ => "inline flags",
        };
    }

    private static void Add(List<string> found, string construct)
    {
        if (!found.Contains(construct))
        {
            found.Add(construct);
        }
    }
}
