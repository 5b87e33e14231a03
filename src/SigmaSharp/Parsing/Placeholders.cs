using SigmaSharp.Rules.Values;

namespace SigmaSharp.Parsing;

/// <summary>The expand modifier: <c>%name%</c> becomes a placeholder part; <c>\%</c> is a plain percent sign.</summary>
internal static class Placeholders
{
    public static SigmaString Insert(SigmaString value)
    {
        var parts = new List<StringPart>();
        foreach (var part in value.Parts)
        {
            if (part is LiteralPart literal)
            {
                Split(literal.Text, parts);
            }
            else
            {
                parts.Add(part);
            }
        }

        return SigmaString.Create(parts, value.Cased);
    }

    private static void Split(string text, List<StringPart> parts)
    {
        var plain = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '%')
            {
                plain.Append('%');
                i++;
                continue;
            }

            if (text[i] == '%')
            {
                var end = i + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (end < text.Length && text[end] == '%' && end > i + 1)
                {
                    parts.Add(new LiteralPart(plain.ToString()));
                    plain.Clear();
                    parts.Add(new PlaceholderPart(text[(i + 1)..end]));
                    i = end;
                    continue;
                }
            }

            plain.Append(text[i]);
        }

        parts.Add(new LiteralPart(plain.ToString()));
    }
}
