using SigmaSharp.Evaluation.Matching;
using SigmaSharp.Events;
using SigmaSharp.Rules;
using SigmaSharp.Rules.Conditions;
using SigmaSharp.Rules.Values;

namespace SigmaSharp.Evaluation;

/// <summary>
/// Compiles a rule's detection (conditions, search identifiers, items, values) once into a matcher
/// tree: wildcards become span tests or a linear glob, case folding and number parsing happen here,
/// regexes are built, placeholders expanded. Field names are resolved once through
/// <see cref="FieldResolver"/> (the log source's field mapping, then the schema's).
/// </summary>
internal sealed class RuleCompiler(PlaceholderValues placeholders, TimeSpan regexTimeout, Action<SigmaDiagnostic>? onRegexTimeout = null)
{
    /// <summary>Most alternatives one value may expand to through placeholders.</summary>
    public const int MaxExpansion = 10_000;

    public RuleCompiler()
        : this(PlaceholderValues.Empty, RegexMatcher.DefaultTimeout)
    {
    }

    /// <summary>Compiles a detection rule; null with diagnostics when it cannot be evaluated.</summary>
    public CompiledDetection? Compile(SigmaRule rule, FieldResolver fields, List<SigmaDiagnostic> diagnostics) =>
        Compile(rule.Detection, rule.Conditions, rule.Source.Position, fields, diagnostics);

    public CompiledDetection? Compile(
        EquatableArray<SearchIdentifier> detection, EquatableArray<SigmaCondition> conditions, SourcePosition at,
        FieldResolver fields, List<SigmaDiagnostic> diagnostics)
    {
        var context = new Context(this, detection, fields, diagnostics);
        var alternatives = new List<EventMatcher>();
        if (conditions.IsEmpty)
        {
            diagnostics.Add(EvaluationFacts.UnusableCondition(at, "the rule has no condition"));
            return null;
        }
        foreach (var condition in conditions)
        {
            if (condition.Aggregation is not null)
            {
                diagnostics.Add(EvaluationFacts.LegacyAggregationNotEvaluated(condition.Position));
                return null;
            }
            if (condition.Expression is null)
            {
                diagnostics.Add(EvaluationFacts.UnusableCondition(condition.Position, "it did not parse"));
                return null;
            }
            alternatives.Add(context.Condition(condition.Expression));
        }
        if (context.Failed)
        {
            return null;
        }
        var matcher = alternatives.Count == 1 ? alternatives[0] : new OrMatcher([.. alternatives]);
        return new CompiledDetection(matcher, [.. context.TestedFields], context.Regexes);
    }

    private sealed class Context(RuleCompiler compiler, EquatableArray<SearchIdentifier> detection, FieldResolver fields, List<SigmaDiagnostic> diagnostics)
    {
        private readonly Dictionary<string, EventMatcher> _identifiers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FieldKey> _tested = new(StringComparer.OrdinalIgnoreCase);

        public bool Failed { get; private set; }

        public IEnumerable<FieldKey> TestedFields => _tested.Values;

        public List<RegexMatcher> Regexes { get; } = [];

        public EventMatcher Condition(ConditionNode node) => node switch
        {
            AndNode and => Combine(and.Operands.Select(Condition), Linking.And),
            OrNode or => Combine(or.Operands.Select(Condition), Linking.Or),
            NotNode not => new NotMatcher(Condition(not.Operand)),
            SelectionNode selection => Identifier(selection.Name, selection.Position),
            OfNode of => Combine(of.Matches.Select(name => Identifier(name, of.Position)), of.Quantifier == Quantifier.All ? Linking.And : Linking.Or),
            _ => Fail(EvaluationFacts.UnusableCondition(node.Position, $"unknown node {node.GetType().Name}")),
        };

        private EventMatcher Identifier(string name, SourcePosition at)
        {
            if (_identifiers.TryGetValue(name, out var known))
            {
                return known;
            }
            var identifier = detection.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
            var compiled = identifier is null
                ? Fail(EvaluationFacts.UnusableCondition(at, $"'{name}' is not a search identifier"))
                : Node(identifier.Definition);
            _identifiers[name] = compiled;
            return compiled;
        }

        private EventMatcher Node(DetectionNode node) => node switch
        {
            DetectionGroup group => Combine(group.Items.Select(Node), group.Linking),
            DetectionItem item => item.Negated ? new NotMatcher(Item(item)) : Item(item),
            _ => Fail(EvaluationFacts.UnusableCondition(node.Position, $"unknown detection node {node.GetType().Name}")),
        };

        private EventMatcher Item(DetectionItem item)
        {
            var values = new List<SigmaValue>();
            foreach (var value in item.Values)
            {
                values.Add(Expand(value, item.Position));
            }
            if (item.Field is null)
            {
                var keywords = values.Select(v => Value(v, item.Position, keyword: true)).ToList();
                return new KeywordMatcher([.. item.ValueLinking == Linking.Or ? Grouped(keywords) : keywords], item.ValueLinking);
            }
            var key = Field(item.Field);
            var parts = new List<EventMatcher>();
            var perValue = new List<ValueMatcher>();
            foreach (var value in values)
            {
                switch (value)
                {
                    case SigmaNull:
                        parts.Add(new FieldAbsentMatcher(key));
                        break;
                    case SigmaExists exists:
                        parts.Add(exists.Exists ? new FieldPresentMatcher(key) : new FieldAbsentMatcher(key));
                        break;
                    case SigmaFieldRef reference:
                        parts.Add(new FieldRefMatcher(key, Field(reference.Field), reference.StartsWith, reference.EndsWith));
                        break;
                    default:
                        perValue.Add(Value(value, item.Position, keyword: false));
                        break;
                }
            }
            if (perValue.Count > 0)
            {
                var tests = item.ValueLinking == Linking.Or ? Grouped(perValue) : perValue;
                parts.Insert(0, new FieldValueMatcher(key, [.. tests], item.ValueLinking));
            }
            return parts.Count == 0 ? ConstantMatcher.False : Combine(parts, item.ValueLinking);
        }

        private FieldKey Field(string name)
        {
            if (!_tested.TryGetValue(name, out var key))
            {
                key = fields.Resolve(name);
                _tested[name] = key;
            }
            return key;
        }

        private ValueMatcher Value(SigmaValue value, SourcePosition at, bool keyword)
        {
            switch (value)
            {
                case SigmaString s:
                    return Text(keyword ? AsKeyword(s) : s);
                case SigmaNumber n:
                    return keyword ? Text(AsKeyword(SigmaString.FromLiteral(n.Text))) : new NumberMatcher(n);
                case SigmaBool b:
                    return keyword ? Text(AsKeyword(SigmaString.FromLiteral(b.Value ? "true" : "false"))) : new BoolMatcher(b.Value);
                case SigmaRegex r:
                    // Only a backtracking regex can time out; each matcher calls this once, on its first timeout.
                    var report = compiler._onRegexTimeout;
                    var regex = RegexMatcher.Create(
                        r, compiler._regexTimeout, report is null ? null : _ => report(EvaluationFacts.RegexTimedOut(at, r.Pattern)),
                        out var error, compiler._regexes);
                    if (regex is null)
                    {
                        Fail(EvaluationFacts.UnsupportedRegex(at, r.Pattern, error ?? "invalid"));
                        return NeverValueMatcher.Instance;
                    }
                    Regexes.Add(regex);
                    return regex;
                case SigmaCidr c:
                    return new CidrMatcher(c.Network);
                case SigmaCompare c:
                    return new CompareMatcher(c.Operator, c.Number.Value);
                case SigmaTimePart t:
                    return new TimePartMatcher(t.Part, Value(t.Value, at, keyword: false));
                case SigmaExpansion e:
                    return e.Values.Count == 0
                        ? NeverValueMatcher.Instance
                        : e.Values.Count == 1 ? Value(e.Values[0], at, keyword) : new AnyValueMatcher([.. e.Values.Select(v => Value(v, at, keyword))]);
                default:
                    Fail(EvaluationFacts.UnsupportedValue(at, $"{value.GetType().Name} is not valid here"));
                    return NeverValueMatcher.Instance;
            }
        }

        // Keywords are searched as substrings of each value, as full-text backends do.
        private static SigmaString AsKeyword(SigmaString s)
        {
            if (!s.StartsWithWildcard)
            {
                s = s.Prepend(WildcardMultiPart.Instance);
            }
            return s.EndsWithWildcard ? s : s.Append(WildcardMultiPart.Instance);
        }

        /// <summary>Replaces placeholders by their values (OR-linked alternatives).</summary>
        private SigmaValue Expand(SigmaValue value, SourcePosition at)
        {
            switch (value)
            {
                case SigmaString { HasPlaceholders: true } s:
                    var results = new List<List<StringPart>> { new() };
                    foreach (var part in s.Parts)
                    {
                        if (part is not PlaceholderPart placeholder)
                        {
                            results.ForEach(r => r.Add(part));
                            continue;
                        }
                        if (!compiler._placeholders.TryGet(placeholder.Name, out var replacements))
                        {
                            Fail(EvaluationFacts.UnresolvedPlaceholder(at, placeholder.Name));
                            return new SigmaExpansion(EquatableArray<SigmaValue>.Empty);
                        }
                        if ((long)results.Count * replacements.Count > MaxExpansion)
                        {
                            Fail(EvaluationFacts.ExpansionTooLarge(at, MaxExpansion));
                            return new SigmaExpansion(EquatableArray<SigmaValue>.Empty);
                        }
                        results = [.. results.SelectMany(r => replacements.Select(text => (List<StringPart>)[.. r, .. SigmaString.Parse(text).Parts]))];
                    }
                    return new SigmaExpansion(results.Select(r => (SigmaValue)SigmaString.Create(r, s.Cased)).ToEquatableArray());
                case SigmaExpansion e:
                    return new SigmaExpansion(e.Values.Select(v => Expand(v, at)).ToEquatableArray());
                default:
                    return value;
            }
        }

        private ConstantMatcher Fail(SigmaDiagnostic diagnostic)
        {
            Failed = true;
            diagnostics.Add(diagnostic);
            return ConstantMatcher.False;
        }
    }

    private readonly PlaceholderValues _placeholders = placeholders;
    private readonly TimeSpan _regexTimeout = regexTimeout;
    private readonly Action<SigmaDiagnostic>? _onRegexTimeout = onRegexTimeout;

    // A rule is compiled once per route field naming, and many rules repeat patterns: one .NET
    // Regex per pattern (they are large and thread-safe); each matcher keeps its own timeout state.
    // Rules are compiled on several threads at once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SigmaRegex, DeferredRegex> _regexes = new();

    /// <summary>Merges OR-linked plain text tests into set matchers (one per case sensitivity) when there are several.</summary>
    internal static List<ValueMatcher> Grouped(List<ValueMatcher> values)
    {
        var flat = values.SelectMany(v => v is AnyValueMatcher any ? any.Alternatives : [v]).ToList();
        var texts = flat.OfType<TextMatcher>().ToList();
        if (texts.Count < 4)
        {
            return values;
        }
        var result = flat.Where(v => v is not TextMatcher).ToList();
        foreach (var cased in texts.GroupBy(t => t.Cased))
        {
            result.Insert(0, cased.Count() == 1 ? cased.First() : new TextSetMatcher([.. cased], cased.Key));
        }
        return result;
    }

    private static EventMatcher Combine(IEnumerable<EventMatcher> operands, Linking linking)
    {
        var list = operands.ToArray();
        return list.Length switch
        {
            // An empty AND (all of nothing) holds; an empty OR does not.
            0 => linking == Linking.And ? ConstantMatcher.True : ConstantMatcher.False,
            1 => list[0],
            _ => linking == Linking.And ? new AndMatcher(list) : new OrMatcher(list),
        };
    }

    /// <summary>Compiles a string pattern to the cheapest matcher that decides it exactly.</summary>
    internal static ValueMatcher Text(SigmaString s)
    {
        var parts = s.Parts.Items;
        if (parts.Length == 0)
        {
            return new TextMatcher(string.Empty, TextShape.Equals, s.Cased);
        }
        if (parts.All(p => p is WildcardMultiPart))
        {
            return new TextMatcher(string.Empty, TextShape.Anything, s.Cased);
        }
        if (!parts.Any(p => p is WildcardSinglePart))
        {
            var inner = parts.SkipWhile(p => p is WildcardMultiPart).Reverse().SkipWhile(p => p is WildcardMultiPart).Reverse().ToArray();
            if (inner is [LiteralPart literal])
            {
                var leading = parts[0] is WildcardMultiPart;
                var trailing = parts[^1] is WildcardMultiPart;
                var shape = (leading, trailing) switch
                {
                    (false, false) => TextShape.Equals,
                    (false, true) => TextShape.StartsWith,
                    (true, false) => TextShape.EndsWith,
                    _ => TextShape.Contains,
                };
                return new TextMatcher(literal.Text, shape, s.Cased);
            }
        }
        var segments = new List<(string, bool[])>();
        var text = new System.Text.StringBuilder();
        var single = new List<bool>();
        foreach (var part in parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    text.Append(literal.Text);
                    single.AddRange(Enumerable.Repeat(false, literal.Text.Length));
                    break;
                case WildcardSinglePart:
                    text.Append('?');
                    single.Add(true);
                    break;
                default:
                    if (text.Length > 0)
                    {
                        segments.Add((text.ToString(), [.. single]));
                        text.Clear();
                        single.Clear();
                    }
                    break;
            }
        }
        if (text.Length > 0)
        {
            segments.Add((text.ToString(), [.. single]));
        }
        return new GlobMatcher(segments, parts[0] is not WildcardMultiPart, parts[^1] is not WildcardMultiPart, s.Cased);
    }
}

/// <summary>A compiled detection: the matcher, the fields its items test (for match reports) and its regexes.</summary>
internal sealed record CompiledDetection(EventMatcher Matcher, IReadOnlyList<FieldKey> TestedFields, IReadOnlyList<RegexMatcher> Regexes);
