using System.Text;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion;

/// <summary>
/// Spells a Sigma string in a target's pattern language: its wildcards as the target's, each literal character
/// through the target's own escaping (SQLite GLOB classes, PowerShell backticks, ES|QL LIKE and string escapes, PCRE).
/// Placeholders are left out: the targets refuse them before they get here.
/// </summary>
internal static class WildcardPattern
{
    public static StringBuilder Append(StringBuilder text, SigmaString value, string multi, string single, Action<StringBuilder, char> literal)
    {
        foreach (var part in value.Parts)
        {
            switch (part)
            {
                case LiteralPart literalPart:
                    foreach (var c in literalPart.Text)
                    {
                        literal(text, c);
                    }

                    break;
                case WildcardMultiPart:
                    text.Append(multi);
                    break;
                case WildcardSinglePart:
                    text.Append(single);
                    break;
            }
        }

        return text;
    }
}
