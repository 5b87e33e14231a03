using System.Globalization;
using System.Text.RegularExpressions;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Pipelines.Processing;

/// <summary><c>replace_string</c>: a regular expression replaced in string values (in plain parts only with skip_special).</summary>
internal sealed record ReplaceStringTransformation(Regex Pattern, string Replacement, bool SkipSpecial) : StringValueTransformation
{
    protected override SigmaValue? ApplyString(SigmaString value, DetectionItem item, ProcessingContext context)
    {
        if (SkipSpecial)
        {
            var parts = value.Parts.Select(p => p is LiteralPart l ? new LiteralPart(Pattern.Replace(l.Text, Replacement)) : p).ToList();
            var replaced = SigmaString.Create(parts, value.Cased);
            return replaced == value ? null : replaced;
        }

        var text = value.ToSigmaText();
        var result = Pattern.Replace(text, Replacement);
        return result == text ? null : SigmaString.Parse(result) with { Cased = value.Cased };
    }
}

/// <summary><c>map_string</c>: a whole string value replaced by one or several strings.</summary>
internal sealed record MapStringTransformation(IReadOnlyDictionary<string, IReadOnlyList<string>> Mapping) : ValueTransformation
{
    protected override IReadOnlyList<SigmaValue>? ApplyValue(string? field, SigmaValue value, DetectionItem item, ProcessingContext context) =>
        value is SigmaString s && Mapping.TryGetValue(s.ToSigmaText(), out var targets)
            ? [.. targets.Select(t => (SigmaValue)(SigmaString.Parse(t) with { Cased = s.Cased }))]
            : null;
}

/// <summary><c>case</c>: string values to lower/upper/snake case.</summary>
internal sealed record CaseTransformation(string Method) : StringValueTransformation
{
    protected override SigmaValue? ApplyString(SigmaString value, DetectionItem item, ProcessingContext context) =>
        SigmaString.Create(value.Parts.Select(p => p is LiteralPart l ? new LiteralPart(StringCase.Apply(Method, l.Text)) : p), value.Cased);
}

/// <summary><c>set_value</c>: every value of the item replaced by one value.</summary>
internal sealed record SetValueTransformation(SigmaValue Value) : DetectionItemTransformation
{
    protected override DetectionNode? ApplyItem(DetectionItem item, ProcessingContext context) =>
        item with { Values = new[] { Value }, ValueLinking = Linking.Or };
}

/// <summary><c>convert_type</c>: numbers to strings (<c>str</c>) or strings to numbers (<c>num</c>), also inside expansions.</summary>
internal sealed record ConvertTypeTransformation(string TargetType) : ValueTransformation
{
    protected override IReadOnlyList<SigmaValue>? ApplyValue(string? field, SigmaValue value, DetectionItem item, ProcessingContext context)
    {
        if (value is SigmaExpansion expansion)
        {
            var converted = expansion.Values.Select(v => Convert(v, item, context) ?? v).ToEquatableArray();
            return [new SigmaExpansion(converted)];
        }

        return Convert(value, item, context) is { } result ? [result] : null;
    }

    private SigmaValue? Convert(SigmaValue value, DetectionItem item, ProcessingContext context)
    {
        if (TargetType == "str")
        {
            return value is SigmaNumber n ? SigmaString.FromLiteral(n.Text) : null;
        }

        if (value is not SigmaString s)
        {
            return null;
        }

        var text = s.PlainText;
        if (s.IsPlain && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new SigmaNumber(number, text, !text.Contains('.', StringComparison.Ordinal));
        }

        context.Diagnostics.Add(ProcessingFacts.TransformationFailed(item.Position, context.Pipeline.Name, $"value '{s}' can't be converted to a number"));
        context.Rejected = true;
        return null;
    }
}

/// <summary><c>regex</c>: regular expressions made case-insensitive (flag, or <c>[aA]</c> brackets).</summary>
internal sealed record RegexTransformation(string Method) : ValueTransformation
{
    protected override IReadOnlyList<SigmaValue>? ApplyValue(string? field, SigmaValue value, DetectionItem item, ProcessingContext context)
    {
        if (value is not SigmaRegex regex)
        {
            return null;
        }

        if (Method == "ignore_case_flag")
        {
            return [regex with { Flags = regex.Flags | RegexFlags.IgnoreCase }];
        }

        var text = new System.Text.StringBuilder();
        var inClass = false;
        for (var i = 0; i < regex.Pattern.Length; i++)
        {
            var c = regex.Pattern[i];
            if (c == '\\' && i + 1 < regex.Pattern.Length)
            {
                text.Append(c).Append(regex.Pattern[++i]);
                continue;
            }

            inClass = c == '[' || (inClass && c != ']');
            text.Append(!inClass && char.IsLetter(c) && char.ToUpperInvariant(c) != char.ToLowerInvariant(c)
                ? $"[{char.ToLowerInvariant(c)}{char.ToUpperInvariant(c)}]"
                : c.ToString());
        }

        return [regex with { Pattern = text.ToString(), Flags = regex.Flags & ~RegexFlags.IgnoreCase }];
    }
}

/// <summary><c>drop_detection_item</c>.</summary>
internal sealed record DropDetectionItemTransformation : DetectionItemTransformation
{
    protected override DetectionNode? ApplyItem(DetectionItem item, ProcessingContext context) => null;
}

/// <summary><c>detection_item_failure</c>: a matching item makes the rule fail with a message.</summary>
internal sealed record DetectionItemFailureTransformation(string Message) : DetectionItemTransformation
{
    protected override DetectionNode? ApplyItem(DetectionItem item, ProcessingContext context)
    {
        context.Reject(item.Position, Message);
        return item;
    }
}

/// <summary>
/// <c>hashes_fields</c>: <c>Hashes: 'SHA1=...,MD5=...'</c> values become one item per algorithm (field prefix +
/// algorithm), OR-linked; a value without <c>ALGO=</c> gets its algorithm from the hash length.
/// </summary>
internal sealed record HashesFieldsTransformation(IReadOnlyList<string> ValidAlgorithms, string FieldPrefix, bool DropAlgorithmPrefix, IReadOnlyList<string> Fields) : DetectionItemTransformation
{
    protected override DetectionNode? ApplyItem(DetectionItem item, ProcessingContext context)
    {
        if (item.Field is null || !Fields.Contains(item.Field))
        {
            return item;
        }

        var byAlgorithm = new List<(string Algorithm, SigmaValue Value)>();
        foreach (var value in item.Values)
        {
            if (value is not SigmaString s)
            {
                continue;
            }

            foreach (var entry in s.ToSigmaText().Split(','))
            {
                var equals = entry.IndexOf('=', StringComparison.Ordinal);
                var algorithm = equals > 0 ? entry[..equals].Trim().ToUpperInvariant() : entry.Trim().Length switch
                {
                    32 => "MD5",
                    40 => "SHA1",
                    64 => "SHA256",
                    128 => "SHA512",
                    _ => string.Empty,
                };
                var hash = equals > 0 ? entry[(equals + 1)..].Trim() : entry.Trim();
                if (ValidAlgorithms.Contains(algorithm, StringComparer.OrdinalIgnoreCase))
                {
                    byAlgorithm.Add((algorithm, SigmaString.Parse(hash)));
                }
            }
        }

        if (byAlgorithm.Count == 0)
        {
            context.Reject(item.Position, $"no valid hash algorithm ({string.Join(", ", ValidAlgorithms)}) in the values of '{item.Field}'");
            return item;
        }

        var items = byAlgorithm
            .GroupBy(p => p.Algorithm, StringComparer.Ordinal)
            .Select(g => (DetectionNode)(item with
            {
                Field = FieldPrefix + (DropAlgorithmPrefix ? string.Empty : g.Key),
                Values = g.Select(p => p.Value).ToEquatableArray(),
                RawValues = g.Select(p => (string?)p.Value.ToString()).ToEquatableArray(),
                ValueLinking = Linking.Or,
            }))
            .ToEquatableArray();
        return items.Count == 1 ? items[0] : new DetectionGroup(items, Linking.Or, item.Position);
    }
}
