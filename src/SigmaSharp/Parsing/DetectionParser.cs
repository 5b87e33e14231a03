using System.Collections.Immutable;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;

namespace SigmaSharp.Parsing;

/// <summary>Reads a detection section (or a filter's selections): search identifiers and conditions.</summary>
internal static class DetectionParser
{
    public sealed record Result(
        EquatableArray<SearchIdentifier> Identifiers,
        EquatableArray<SigmaCondition> Conditions,
        string? Timeframe);

    /// <param name="reserved">Keys of the map that are not search identifiers (condition, timeframe, rules...).</param>
    public static Result? Parse(YamlMapping detection, DocumentContext context, IReadOnlySet<string> reserved)
    {
        var errorsBefore = context.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var identifiers = new List<SearchIdentifier>();
        foreach (var (key, value) in detection.Entries)
        {
            if (reserved.Contains(key.Value))
            {
                continue;
            }

            if (identifiers.Exists(i => i.Name == key.Value))
            {
                context.Report(DiagnosticFacts.DuplicateKey(key.Position, key.Value));
                identifiers.RemoveAll(i => i.Name == key.Value);
            }

            var definition = ParseDefinition(value, key.Value, context);
            if (definition is not null)
            {
                identifiers.Add(new SearchIdentifier(key.Value, definition, key.Position));
            }
        }

        if (identifiers.Count == 0 && errorsBefore == context.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error))
        {
            context.Report(DiagnosticFacts.EmptyDetection(detection.Position));
        }

        // Conditions resolve against every declared identifier, even one that failed to parse, so that one
        // mistake is reported once and not again as an undefined selection.
        var declared = detection.Entries.Select(e => e.Key.Value).Where(k => !reserved.Contains(k)).Distinct().ToList();
        if (declared.Count == 0)
        {
            return null;
        }

        var conditions = ParseConditions(detection, context, declared);
        var timeframe = context.ScalarText(detection, "timeframe");
        var errorsAfter = context.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return errorsAfter > errorsBefore ? null : new Result(identifiers.ToEquatableArray(), conditions, timeframe);
    }

    private static EquatableArray<SigmaCondition> ParseConditions(YamlMapping detection, DocumentContext context, List<string> names)
    {
        var node = detection["condition"];
        var scalars = new List<YamlScalar>();
        switch (node)
        {
            case null:
                context.Report(DiagnosticFacts.MissingAttribute(detection.Position, "detection.condition"));
                break;
            case YamlScalar scalar:
                scalars.Add(scalar);
                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (item is YamlScalar s)
                    {
                        scalars.Add(s);
                    }
                    else
                    {
                        context.Report(DiagnosticFacts.WrongType(item.Position, "a condition", "text", item.KindName));
                    }
                }

                break;
            default:
                context.Report(DiagnosticFacts.WrongType(node.Position, "'condition'", "text or a list of texts", node.KindName));
                break;
        }

        var conditions = new List<SigmaCondition>();
        foreach (var scalar in scalars)
        {
            var origin = scalar.Style == ScalarStyle.Quoted ? scalar.Position with { Column = scalar.Position.Column + 1 } : scalar.Position;
            var (condition, error) = ConditionParser.Parse(scalar.Value, origin, names);
            if (error is not null)
            {
                context.Report(error);
            }
            else
            {
                conditions.Add(condition);
            }
        }

        return conditions.ToEquatableArray();
    }

    private static DetectionNode? ParseDefinition(YamlNode node, string name, DocumentContext context)
    {
        switch (node)
        {
            case YamlMapping map:
                if (map.Entries.Count == 0)
                {
                    context.Report(DiagnosticFacts.EmptySearchIdentifier(map.Position, name));
                    return null;
                }

                return ParseMap(map, context);
            case YamlSequence sequence:
                if (sequence.Items.Count == 0)
                {
                    context.Report(DiagnosticFacts.EmptySearchIdentifier(sequence.Position, name));
                    return null;
                }

                if (AllScalars(sequence))
                {
                    return ParseItem(null, [], ScalarsOf(sequence), sequence.Position, context) is { } keywords
                        ? keywords with { WrittenAsList = true }
                        : null;
                }

                var alternatives = new List<DetectionNode>();
                foreach (var item in sequence.Items)
                {
                    var parsed = item is YamlScalar scalar
                        ? ParseItem(null, [], [scalar], scalar.Position, context)
                        : ParseDefinition(item, name, context);
                    if (parsed is not null)
                    {
                        alternatives.Add(parsed);
                    }
                }

                return new DetectionGroup(alternatives.ToEquatableArray(), Linking.Or, sequence.Position);
            case YamlScalar scalar when ScalarResolver.IsNull(scalar):
                context.Report(DiagnosticFacts.EmptySearchIdentifier(scalar.Position, name));
                return null;
            case YamlScalar scalar:
                return ParseItem(null, [], [scalar], scalar.Position, context);
            default:
                return null;
        }
    }

    private static DetectionGroup ParseMap(YamlMapping map, DocumentContext context)
    {
        var items = new List<DetectionNode>();
        foreach (var (key, value) in map.Entries)
        {
            var bar = key.Value.IndexOf('|', StringComparison.Ordinal);
            var field = bar == 0 || key.Value.Length == 0 ? null : bar < 0 ? key.Value : key.Value[..bar];
            var modifiers = new List<Modifier>();
            var valid = true;
            foreach (var name in bar < 0 ? Array.Empty<string>() : key.Value[(bar + 1)..].Split('|'))
            {
                if (ModifierNames.TryParse(name, out var modifier))
                {
                    modifiers.Add(modifier);
                }
                else
                {
                    context.Report(DiagnosticFacts.UnknownModifier(key.Position, name));
                    valid = false;
                }
            }

            if (!valid)
            {
                continue;
            }

            List<YamlScalar?> scalars;
            switch (value)
            {
                case YamlScalar scalar:
                    scalars = [scalar];
                    break;
                case YamlSequence sequence when AllScalars(sequence):
                    scalars = sequence.Items.Count == 0 ? [null] : ScalarsOf(sequence);
                    break;
                default:
                    context.Report(DiagnosticFacts.WrongType(value.Position, $"the value of '{key.Value}'", "a value or a list of values", value is YamlSequence ? "a list holding lists or maps" : value.KindName));
                    continue;
            }

            if (field is null && modifiers.Count == 0)
            {
                context.Report(DiagnosticFacts.KeywordWithField(key.Position, "an empty field name needs modifiers (e.g. '|all'); keywords are written as a list"));
                continue;
            }

            if (scalars.Count > 1 && scalars.Any(s => s is null || ScalarResolver.IsNull(s)))
            {
                context.Report(DiagnosticFacts.NullInList(key.Position));
            }

            var item = ParseItem(field, modifiers, scalars, key.Position, context);
            if (item is not null)
            {
                items.Add(value is YamlSequence ? item with { WrittenAsList = true } : item);
            }
        }

        return new DetectionGroup(items.ToEquatableArray(), Linking.And, map.Position);
    }

    private static DetectionItem? ParseItem(string? field, List<Modifier> modifiers, List<YamlScalar?> scalars, SourcePosition at, DocumentContext context)
    {
        var result = ModifierApplier.Apply(field, modifiers, scalars, at);
        if (result.Error is not null)
        {
            context.Report(result.Error);
            return null;
        }

        var raw = ImmutableArray.CreateBuilder<string?>(scalars.Count);
        foreach (var s in scalars)
        {
            raw.Add(s is null || ScalarResolver.IsNull(s) ? null : s.Value);
        }

        return new DetectionItem(field, modifiers.Count == 0 ? EquatableArray<Modifier>.Empty : modifiers.ToImmutableArray(), result.Values, raw.MoveToImmutable(), result.Linking, result.Negated, at);
    }

    private static bool AllScalars(YamlSequence sequence)
    {
        foreach (var item in sequence.Items)
        {
            if (item is not YamlScalar)
            {
                return false;
            }
        }

        return true;
    }

    private static List<YamlScalar?> ScalarsOf(YamlSequence sequence)
    {
        var scalars = new List<YamlScalar?>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            scalars.Add((YamlScalar)item);
        }

        return scalars;
    }
}
