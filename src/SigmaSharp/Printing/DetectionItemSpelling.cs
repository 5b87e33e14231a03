using System.Collections.Immutable;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Printing;

/// <summary>
/// Finds the key (field and modifiers) and the scalars that the parser reads back into a detection item.
/// The values as written are preferred (they keep <c>windash</c>, <c>base64offset</c> and friends as the
/// author wrote them); when they no longer produce the item's values (a pipeline changed them, or the item
/// was built in code) the spelling is derived from the values. Either way it is checked by applying the
/// modifiers again, so a rule is never written as something that means another thing.
/// </summary>
internal static class DetectionItemSpelling
{
    public sealed record Spelling(string? Field, ImmutableArray<Modifier> Modifiers, ImmutableArray<WrittenValue> Values)
    {
        public string Key => (Field ?? string.Empty) + string.Concat(Modifiers.Select(m => "|" + ModifierNames.NameOf(m)));
    }

    public static Spelling Spell(DetectionItem item) =>
        FromRawValues(item) ?? FromValues(item) ?? throw new ArgumentException(
            $"detection item '{item.Key}' at {item.Position} has values that no Sigma YAML produces: {item.Values}", nameof(item));

    private static Spelling? FromRawValues(DetectionItem item)
    {
        if (item.RawValues.Count != item.Values.Count || item.Values.Count == 0)
        {
            return null;
        }

        var written = ImmutableArray.CreateBuilder<WrittenValue>(item.Values.Count);
        for (var i = 0; i < item.Values.Count; i++)
        {
            var raw = item.RawValues[i];
            WrittenValue[] candidates = raw is null
                ? [WrittenValue.Null]
                : YamlScalarText.IsPlainSafe(raw) ? [new(raw, true), new(raw, false)] : [new(raw, true)];
            var match = Array.FindIndex(candidates, c => Reads(item.Field, item.Modifiers.Items, [c], item) is [var value] && value.Equals(item.Values[i]));
            if (match < 0)
            {
                return null;
            }

            written.Add(candidates[match]);
        }

        return new Spelling(item.Field, item.Modifiers.Items, written.ToImmutable());
    }

    private static Spelling? FromValues(DetectionItem item)
    {
        var modifiers = new SortedSet<Modifier>(Comparer<Modifier>.Create((a, b) => ((Rank(a) * 100) + (int)a).CompareTo((Rank(b) * 100) + (int)b)));
        var written = ImmutableArray.CreateBuilder<WrittenValue>();
        var expand = item.Values.Any(v => v is SigmaString { HasPlaceholders: true } || v is SigmaExpansion e && e.Values.Any(a => a is SigmaString { HasPlaceholders: true }));
        foreach (var value in item.Values)
        {
            if (value is SigmaExpansion expansion)
            {
                // Alternatives are OR-linked: as separate values they mean the same only in an OR-linked item.
                if (item.ValueLinking != Linking.Or)
                {
                    return null;
                }

                foreach (var alternative in expansion.Values)
                {
                    written.Add(Spell(alternative, modifiers, expand));
                }
            }
            else
            {
                written.Add(Spell(value, modifiers, expand));
            }
        }

        if (item.ValueLinking == Linking.And)
        {
            modifiers.Add(Modifier.All);
        }

        if (item.Negated)
        {
            modifiers.Add(Modifier.Neq);
        }

        var spelling = new Spelling(item.Field, [.. modifiers], written.ToImmutable());
        var values = Reads(item.Field, spelling.Modifiers, spelling.Values, item);
        var expected = item.Values.SelectMany(v => v is SigmaExpansion e ? e.Values.Items : [v]);
        return values is not null && values.Value.SequenceEqual(expected) ? spelling : null;
    }

    private static WrittenValue Spell(SigmaValue value, SortedSet<Modifier> modifiers, bool expand)
    {
        switch (value)
        {
            case SigmaString s:
                if (s.Cased)
                {
                    modifiers.Add(Modifier.Cased);
                }

                if (!expand)
                {
                    return new(s.ToSigmaText(), true);
                }

                // Under 'expand' a percent sign starts a placeholder unless escaped as \%, a second layer of
                // escaping beneath the Sigma one (which leaves a backslash before % as it is).
                modifiers.Add(Modifier.Expand);
                var parts = s.Parts.Select(p => p is LiteralPart l ? new LiteralPart(l.Text.Replace("%", "\\%", StringComparison.Ordinal)) : p);
                return new(new SigmaString(parts.ToImmutableArray(), s.Cased).ToSigmaText(), true);
            case SigmaNumber n:
                return new(n.Text, false);
            case SigmaBool b:
                return new(b.Value ? "true" : "false", false);
            case SigmaNull:
                return WrittenValue.Null;
            case SigmaRegex r:
                modifiers.Add(Modifier.Re);
                AddIf(modifiers, r.Flags.HasFlag(RegexFlags.IgnoreCase), Modifier.IgnoreCase);
                AddIf(modifiers, r.Flags.HasFlag(RegexFlags.Multiline), Modifier.Multiline);
                AddIf(modifiers, r.Flags.HasFlag(RegexFlags.DotAll), Modifier.DotAll);
                return new(r.Pattern, true);
            case SigmaCidr c:
                modifiers.Add(Modifier.Cidr);
                return new(c.Text, true);
            case SigmaFieldRef f:
                modifiers.Add(Modifier.FieldRef);
                AddIf(modifiers, f is { StartsWith: true, EndsWith: true }, Modifier.Contains);
                AddIf(modifiers, f is { StartsWith: true, EndsWith: false }, Modifier.StartsWith);
                AddIf(modifiers, f is { StartsWith: false, EndsWith: true }, Modifier.EndsWith);
                return new(SigmaString.FromLiteral(f.Field).ToSigmaText(), true);
            case SigmaExists e:
                modifiers.Add(Modifier.Exists);
                return new(e.Exists ? "true" : "false", false);
            case SigmaCompare c:
                modifiers.Add(CompareModifier(c.Operator));
                return new(c.Number.Text, false);
            case SigmaTimePart t:
                modifiers.Add(t.Part switch
                {
                    TimePart.Minute => Modifier.Minute,
                    TimePart.Hour => Modifier.Hour,
                    TimePart.Day => Modifier.Day,
                    TimePart.Week => Modifier.Week,
                    TimePart.Month => Modifier.Month,
                    _ => Modifier.Year,
                });
                return Spell(t.Value, modifiers, expand);
            default:
                // Unknown to the writer (a pipeline's own value type): let the check refuse it.
                return new(value.ToString(), true);
        }
    }

    private static void AddIf(SortedSet<Modifier> modifiers, bool condition, Modifier modifier)
    {
        if (condition)
        {
            modifiers.Add(modifier);
        }
    }

    private static Modifier CompareModifier(CompareOperator op) => op switch
    {
        CompareOperator.LessThan => Modifier.Lt,
        CompareOperator.LessThanOrEqual => Modifier.Lte,
        CompareOperator.GreaterThan => Modifier.Gt,
        _ => Modifier.Gte,
    };

    /// <summary>The order modifiers are written in: those that read the value as written first, all/neq last.</summary>
    private static int Rank(Modifier modifier) => modifier switch
    {
        Modifier.Re or Modifier.Cidr or Modifier.Exists or Modifier.FieldRef => 0,
        Modifier.IgnoreCase => 1,
        Modifier.Multiline => 2,
        Modifier.DotAll => 3,
        Modifier.Minute or Modifier.Hour or Modifier.Day or Modifier.Week or Modifier.Month or Modifier.Year => 4,
        Modifier.Lt or Modifier.Lte or Modifier.Gt or Modifier.Gte => 5,
        Modifier.Cased => 6,
        Modifier.Expand => 7,
        Modifier.Contains or Modifier.StartsWith or Modifier.EndsWith => 8,
        Modifier.All => 9,
        Modifier.Neq => 10,
        _ => 11,
    };

    /// <summary>What the parser makes of these scalars under these modifiers; null when it refuses them or the linking differs.</summary>
    private static ImmutableArray<SigmaValue>? Reads(string? field, IReadOnlyList<Modifier> modifiers, IReadOnlyList<WrittenValue> values, DetectionItem item)
    {
        var scalars = values
            .Select(v => v.Text is null ? null : new YamlScalar(v.Text, v.Quoted ? ScalarStyle.Quoted : ScalarStyle.Plain, null, SourcePosition.None))
            .ToList();
        var result = ModifierApplier.Apply(field, modifiers, scalars, SourcePosition.None);
        return result.Error is null && result.Linking == item.ValueLinking && result.Negated == item.Negated ? result.Values : null;
    }
}
