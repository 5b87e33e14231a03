using System.Collections.Immutable;
using System.Net;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Parsing;

/// <summary>
/// Applies a detection item's modifiers, in the order written, to each of its values (Sigma modifiers
/// appendix v2.1). Returns the final values, or the first diagnostic for a combination that makes no sense.
/// </summary>
internal static class ModifierApplier
{
    /// <summary>windash expands each dash into five characters; past this many variants a rule is refused.</summary>
    public const int MaxExpansion = 4096;

    public readonly record struct Result(ImmutableArray<SigmaValue> Values, Linking Linking, bool Negated, SigmaDiagnostic? Error);

    public static Result Apply(string? field, IReadOnlyList<Modifier> modifiers, IReadOnlyList<YamlScalar?> scalars, SourcePosition at)
    {
        var linking = Linking.Or;
        var negated = false;
        var error = CheckCombination(field, modifiers, scalars.Count, at);
        if (error is not null)
        {
            return new Result([], linking, negated, error);
        }

        var values = ImmutableArray.CreateBuilder<SigmaValue>(scalars.Count);
        var isRegex = modifiers.Count > 0 && modifiers[0] == Modifier.Re;
        for (var v = 0; v < scalars.Count; v++)
        {
            var scalar = scalars[v];
            SigmaValue value = scalar is null || ScalarResolver.IsNull(scalar)
                ? SigmaNull.Instance
                : isRegex ? new SigmaRegex(scalar.Value, RegexFlags.None) : ScalarResolver.Resolve(scalar);
            for (var m = 0; m < modifiers.Count; m++) // indexed: a foreach over the interface would box an enumerator per value
            {
                var modifier = modifiers[m];
                switch (modifier)
                {
                    case Modifier.All:
                        linking = Linking.And;
                        continue;
                    case Modifier.Neq:
                        negated = true;
                        continue;
                }

                var step = ApplyOne(modifier, value, at);
                if (step.Error is not null)
                {
                    return new Result([], linking, negated, step.Error);
                }

                value = step.Value!;
            }

            values.Add(Finish(value));
        }

        return new Result(values.MoveToImmutable(), linking, negated, null); // one value per scalar: the capacity is filled
    }

    private static SigmaDiagnostic? CheckCombination(string? field, IReadOnlyList<Modifier> modifiers, int valueCount, SourcePosition at)
    {
        for (var i = 0; i < modifiers.Count; i++)
        {
            var m = modifiers[i];
            if (m is Modifier.Re or Modifier.Cidr or Modifier.Exists && i > 0 && modifiers.Take(i).Any(p => p is not (Modifier.All or Modifier.Neq)))
            {
                return DiagnosticFacts.InvalidModifierCombination(at, $"'{ModifierNames.NameOf(m)}' must come first: it reads the value as written");
            }

            if (m is Modifier.IgnoreCase or Modifier.Multiline or Modifier.DotAll && !modifiers.Take(i).Contains(Modifier.Re))
            {
                return DiagnosticFacts.InvalidModifierCombination(at, $"'{ModifierNames.NameOf(m)}' is a regular-expression flag and needs 're' before it");
            }

            if (FirstIndexOf(modifiers, m) < i)
            {
                return DiagnosticFacts.InvalidModifierCombination(at, $"modifier '{ModifierNames.NameOf(m)}' is given twice");
            }
        }

        if (modifiers.Contains(Modifier.Exists))
        {
            if (field is null)
            {
                return DiagnosticFacts.InvalidModifierCombination(at, "'exists' needs a field");
            }

            if (modifiers.Count > 1)
            {
                return DiagnosticFacts.InvalidModifierCombination(at, "'exists' cannot be combined with other modifiers");
            }
        }

        if (modifiers.Contains(Modifier.FieldRef) && field is null)
        {
            return DiagnosticFacts.InvalidFieldReference(at, "'fieldref' needs a field to compare with");
        }

        if (valueCount > 1 && modifiers.Contains(Modifier.Exists))
        {
            return DiagnosticFacts.InvalidModifierCombination(at, "'exists' takes one boolean value, not a list");
        }

        return null;
    }

    private static int FirstIndexOf(IReadOnlyList<Modifier> modifiers, Modifier modifier)
    {
        for (var i = 0; i < modifiers.Count; i++)
        {
            if (modifiers[i] == modifier)
            {
                return i;
            }
        }

        return -1;
    }

    private readonly record struct Step(SigmaValue? Value, SigmaDiagnostic? Error)
    {
        public static implicit operator Step(SigmaValue value) => value is ErrorValue e ? new(null, e.Diagnostic) : new(value, null);

        public static implicit operator Step(SigmaDiagnostic error) => new(null, error);
    }

    private static Step ApplyOne(Modifier modifier, SigmaValue value, SourcePosition at)
    {
        if (value is SigmaExpansion expansion)
        {
            var items = ImmutableArray.CreateBuilder<SigmaValue>(expansion.Values.Count);
            foreach (var item in expansion.Values)
            {
                var step = ApplyOne(modifier, item, at);
                if (step.Error is not null)
                {
                    return step;
                }

                items.Add(step.Value!);
            }

            return new SigmaExpansion(items.ToImmutable());
        }

        var name = ModifierNames.NameOf(modifier);
        return modifier switch
        {
            Modifier.Contains => Wrap(value, start: true, end: true, name, at),
            Modifier.StartsWith => Wrap(value, start: false, end: true, name, at),
            Modifier.EndsWith => Wrap(value, start: true, end: false, name, at),
            Modifier.Cased => AsString(value) is { } s ? s.WithCased(true) : Mismatch(name, "a string", value, at),
            Modifier.Windash => AsString(value) is { } s ? Windash.Expand(s, at) : Mismatch(name, "a string", value, at),
            Modifier.Re => value,
            Modifier.IgnoreCase => Flag(value, RegexFlags.IgnoreCase, name, at),
            Modifier.Multiline => Flag(value, RegexFlags.Multiline, name, at),
            Modifier.DotAll => Flag(value, RegexFlags.DotAll, name, at),
            Modifier.Base64 => Encoding64.Base64(value, name, at),
            Modifier.Base64Offset => Encoding64.Base64Offset(value, name, at),
            Modifier.Utf16LE or Modifier.Wide => Encoding64.Utf16(value, littleEndian: true, bom: false, name, at),
            Modifier.Utf16BE => Encoding64.Utf16(value, littleEndian: false, bom: false, name, at),
            Modifier.Utf16 => Encoding64.Utf16(value, littleEndian: true, bom: true, name, at),
            Modifier.Lt => Compare(value, CompareOperator.LessThan, name, at),
            Modifier.Lte => Compare(value, CompareOperator.LessThanOrEqual, name, at),
            Modifier.Gt => Compare(value, CompareOperator.GreaterThan, name, at),
            Modifier.Gte => Compare(value, CompareOperator.GreaterThanOrEqual, name, at),
            Modifier.Minute => Time(value, TimePart.Minute, name, at),
            Modifier.Hour => Time(value, TimePart.Hour, name, at),
            Modifier.Day => Time(value, TimePart.Day, name, at),
            Modifier.Week => Time(value, TimePart.Week, name, at),
            Modifier.Month => Time(value, TimePart.Month, name, at),
            Modifier.Year => Time(value, TimePart.Year, name, at),
            Modifier.Cidr => Cidr(value, at),
            Modifier.Expand => AsString(value) is { } s ? Placeholders.Insert(s) : Mismatch(name, "a string", value, at),
            Modifier.FieldRef => FieldRef(value, at),
            Modifier.Exists => value is SigmaBool b ? new SigmaExists(b.Value) : Mismatch(name, "true or false", value, at),
            _ => value,
        };
    }

    /// <summary>Byte strings left by utf16 modifiers without a following base64 end as one character per byte, as pySigma leaves them.</summary>
    private static SigmaValue Finish(SigmaValue value) => value switch
    {
        ByteString bytes => bytes.ToLatin1String(),
        SigmaExpansion e => new SigmaExpansion(e.Values.Select(Finish).ToImmutableArray()),
        _ => value,
    };

    /// <summary>Numbers are matched as their written text by string modifiers: <c>EventID|startswith: 46</c> means "46*".</summary>
    internal static SigmaString? AsString(SigmaValue value) => value switch
    {
        SigmaString s => s,
        SigmaNumber n => SigmaString.FromLiteral(n.Text),
        ByteString b => b.ToLatin1String(),
        _ => null,
    };

    private static Step Wrap(SigmaValue value, bool start, bool end, string name, SourcePosition at)
    {
        switch (value)
        {
            case SigmaRegex regex:
                var pattern = regex.Pattern;
                if (start && !pattern.StartsWith(".*", StringComparison.Ordinal) && !pattern.StartsWith('^'))
                {
                    pattern = ".*" + pattern;
                }

                if (end && !pattern.EndsWith(".*", StringComparison.Ordinal) && !pattern.EndsWith('$'))
                {
                    pattern += ".*";
                }

                return regex with { Pattern = pattern };
            case SigmaFieldRef reference:
                return reference with { StartsWith = reference.StartsWith || end, EndsWith = reference.EndsWith || start };
        }

        if (AsString(value) is not { } s)
        {
            return Mismatch(name, "a string", value, at);
        }

        if (start && !s.StartsWithWildcard)
        {
            s = s.Prepend(WildcardMultiPart.Instance);
        }

        if (end && !s.EndsWithWildcard)
        {
            s = s.Append(WildcardMultiPart.Instance);
        }

        return s;
    }

    private static Step Flag(SigmaValue value, RegexFlags flag, string name, SourcePosition at) =>
        value is SigmaRegex regex ? regex with { Flags = regex.Flags | flag } : Mismatch(name, "a regular expression", value, at);

    private static Step Compare(SigmaValue value, CompareOperator op, string name, SourcePosition at) => value switch
    {
        SigmaNumber n => new SigmaCompare(op, n),
        SigmaTimePart { Value: SigmaNumber n } t => t with { Value = new SigmaCompare(op, n) },
        _ => Mismatch(name, "a number", value, at),
    };

    private static Step Time(SigmaValue value, TimePart part, string name, SourcePosition at) =>
        value is SigmaNumber or SigmaCompare ? new SigmaTimePart(part, value) : Mismatch(name, "a number", value, at);

    private static Step Cidr(SigmaValue value, SourcePosition at)
    {
        var text = AsString(value) is { IsPlain: true } s ? s.PlainText : null;
        if (text is null)
        {
            return DiagnosticFacts.InvalidCidr(at, Describe(value));
        }

        var withPrefix = text.Contains('/', StringComparison.Ordinal) ? text : text + (text.Contains(':', StringComparison.Ordinal) ? "/128" : "/32");
        // Like Python's strict ip_network (and so pySigma), an address with host bits set is not a network.
        return IPNetwork.TryParse(withPrefix, out var network)
               && IPAddress.TryParse(withPrefix[..withPrefix.IndexOf('/', StringComparison.Ordinal)], out var address)
               && address.Equals(network.BaseAddress)
            ? new SigmaCidr(network, text)
            : DiagnosticFacts.InvalidCidr(at, text);
    }

    private static Step FieldRef(SigmaValue value, SourcePosition at) => AsString(value) switch
    {
        { IsPlain: true } s when s.PlainText.Length > 0 => new SigmaFieldRef(s.PlainText),
        { IsPlain: false } => DiagnosticFacts.InvalidFieldReference(at, "a field reference cannot contain wildcards"),
        _ => DiagnosticFacts.InvalidFieldReference(at, $"'fieldref' expects a field name, found {Describe(value)}"),
    };

    internal static SigmaDiagnostic Mismatch(string modifier, string expected, SigmaValue value, SourcePosition at) =>
        DiagnosticFacts.ModifierValueType(at, modifier, expected, Describe(value));

    internal static string Describe(SigmaValue value) => value switch
    {
        SigmaNull => "null",
        SigmaBool b => b.Value ? "true" : "false",
        SigmaNumber n => "the number " + n.Text,
        SigmaString s => $"the string '{s}'",
        SigmaRegex r => $"the regular expression '{r.Pattern}'",
        SigmaCompare => "a comparison",
        SigmaCidr c => "the network " + c.Text,
        SigmaFieldRef f => "a reference to field " + f.Field,
        _ => value.GetType().Name,
    };
}
