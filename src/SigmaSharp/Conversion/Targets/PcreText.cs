using System.Text;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Conversion.Targets;

/// <summary>Turns a value in legacy text form into a regular expression that matches exactly that value.</summary>
internal static class PcreText
{
    private const string Metacharacters = @"\.*+?|{}[]()^$";

    /// <summary>Escapes regex metacharacters of a field name; dots are kept (sigmac wrote them bare, and they still match).</summary>
    public static string FieldName(string field)
    {
        var result = new StringBuilder(field.Length);
        foreach (var c in field)
        {
            if (c != '.' && Metacharacters.Contains(c, StringComparison.Ordinal))
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        return result.ToString();
    }

    public static string FromLegacyText(string text, bool escapeSpace = false)
    {
        return WildcardPattern.Append(new StringBuilder(text.Length + 8), SigmaString.Parse(text), ".*", ".", (result, c) =>
        {
            if (Metacharacters.Contains(c, StringComparison.Ordinal) || (escapeSpace && c == ' '))
            {
                result.Append('\\');
            }

            result.Append(c);
        }).ToString();
    }
}
