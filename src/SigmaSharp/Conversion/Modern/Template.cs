using System.Text;

namespace SigmaSharp.Conversion.Modern;

/// <summary>
/// Fills <c>{name}</c> placeholders in one pass, so that a value containing braces is never re-expanded; unknown
/// placeholders stay as written.
/// </summary>
internal static class Template
{
    /// <summary>One builder per thread, reused: the renderer formats a template for every value of every rule.</summary>
    [ThreadStatic]
    private static StringBuilder? Builder;

    public static string Format(string template, params (string Name, string Value)[] values)
    {
        var result = Builder ??= new StringBuilder(256);
        result.Clear();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var close = template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, open, template.Length - open);
                break;
            }

            var name = template.AsSpan(open + 1, close - open - 1);
            var found = false;
            foreach (var (n, v) in values)
            {
                if (name.SequenceEqual(n))
                {
                    result.Append(v);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                result.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return result.ToString();
    }
}
