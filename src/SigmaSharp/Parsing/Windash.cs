using System.Collections.Immutable;
using System.Globalization;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Parsing;

/// <summary>
/// The windash modifier: a dash or slash that starts a word (not preceded by a word character, followed by one,
/// e.g. "-enc" or "/c") is replaced by each of '-', '/', en dash, em dash and horizontal bar, in every combination.
/// </summary>
internal static class Windash
{
    private static readonly char[] Dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];

    public static SigmaValue Expand(SigmaString value, SourcePosition at)
    {
        var variants = new List<List<StringPart>> { new() };
        foreach (var part in value.Parts)
        {
            if (part is not LiteralPart literal)
            {
                variants.ForEach(v => v.Add(part));
                continue;
            }

            var start = 0;
            var text = literal.Text;
            for (var i = 0; i < text.Length; i++)
            {
                if (!IsFlagDash(text, i))
                {
                    continue;
                }

                var before = new LiteralPart(text[start..i]);
                var next = new List<List<StringPart>>(variants.Count * Dashes.Length);
                foreach (var variant in variants)
                {
                    foreach (var dash in Dashes)
                    {
                        next.Add([.. variant, before, new LiteralPart(dash.ToString())]);
                    }
                }

                if (next.Count > ModifierApplier.MaxExpansion)
                {
                    return new ErrorValue(DiagnosticFacts.InvalidModifierCombination(
                        at, $"'windash' would expand '{value}' into more than {ModifierApplier.MaxExpansion} values"));
                }

                variants = next;
                start = i + 1;
            }

            var rest = new LiteralPart(text[start..]);
            variants.ForEach(v => v.Add(rest));
        }

        return new SigmaExpansion(variants.Select(v => (SigmaValue)SigmaString.Create(v, value.Cased)).ToImmutableArray());
    }

    /// <summary>Python's <c>\B[-/]\b</c> within one literal part: the dash is not after a word character and is before one.</summary>
    private static bool IsFlagDash(string text, int i) =>
        text[i] is '-' or '/' && (i == 0 || !IsWord(text[i - 1])) && i + 1 < text.Length && IsWord(text[i + 1]);

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
