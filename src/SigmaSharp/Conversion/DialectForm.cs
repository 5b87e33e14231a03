using System.Text;

namespace SigmaSharp.Conversion;

/// <summary>
/// Writes a <see cref="Dialect"/> form (<c>{0}={1}</c>, <c>({0})</c>, ...) straight into the query being built, in
/// parts around the placeholder whose text is written by the caller, so that no value becomes a string of its own.
/// The forms hold <c>{0}</c> and <c>{1}</c> only, never a literal brace; what they write is what
/// <see cref="string.Format(string, object?, object?)"/> would.
/// </summary>
internal static class DialectForm
{
    /// <summary>
    /// Appends <paramref name="form"/> from <paramref name="from"/> up to the placeholder <c>{stop}</c>, each
    /// <c>{0}</c> on the way written as <paramref name="arg0"/>. Returns where the rest of the form starts (after the
    /// placeholder), or the form's length when it has no such placeholder left.
    /// </summary>
    public static int AppendUntil(StringBuilder into, string form, int from, char stop, string arg0)
    {
        var i = from;
        while (i < form.Length)
        {
            var open = form.IndexOf('{', i);
            if (open < 0 || open + 2 >= form.Length || form[open + 2] != '}')
            {
                into.Append(form, i, form.Length - i);
                return form.Length;
            }

            into.Append(form, i, open - i);
            var placeholder = form[open + 1];
            if (placeholder == stop)
            {
                return open + 3;
            }

            if (placeholder == '0')
            {
                into.Append(arg0);
            }
            else
            {
                into.Append(form, open, 3);
            }

            i = open + 3;
        }

        return form.Length;
    }

    /// <summary>The whole form with <c>{0}</c> as <paramref name="arg0"/>; always true (something was written).</summary>
    public static bool Append(StringBuilder into, string form, string arg0)
    {
        AppendUntil(into, form, 0, '\0', arg0);
        return true;
    }
}
