namespace SigmaSharp.Rules;

/// <summary>
/// Every diagnostic the parser reports, one factory each, with its stable code (documented in docs/diagnostics.md).
/// </summary>
public static class DiagnosticFacts
{
    private static SigmaDiagnostic Error(string code, SourcePosition at, string message) => new(code, DiagnosticSeverity.Error, message, at);

    private static SigmaDiagnostic Warning(string code, SourcePosition at, string message) => new(code, DiagnosticSeverity.Warning, message, at);

    // SIG1xx: files, YAML and rule structure
    public static SigmaDiagnostic InvalidYaml(SourcePosition at, string detail) => Error("SIG100", at, "invalid YAML: " + detail);

    public static SigmaDiagnostic FileTooLarge(SourcePosition at, long size, long limit) =>
        Error("SIG101", at, $"file is {size:N0} bytes, over the {limit:N0}-byte limit for a rule file");

    public static SigmaDiagnostic NotUtf8(SourcePosition at) => Error("SIG102", at, "file is not valid UTF-8 text");

    public static SigmaDiagnostic YamlTooDeep(SourcePosition at, int limit) => Error("SIG103", at, $"YAML nests deeper than {limit} levels");

    public static SigmaDiagnostic YamlTooLarge(SourcePosition at, long limit) =>
        Error("SIG104", at, $"YAML expands to more than {limit:N0} nodes (alias bomb?)");

    public static SigmaDiagnostic YamlTooManyAliases(SourcePosition at, int limit) => Error("SIG105", at, $"YAML uses more than {limit:N0} aliases");

    public static SigmaDiagnostic FileUnreadable(SourcePosition at, string detail) => Error("SIG106", at, "cannot read file: " + detail);

    public static SigmaDiagnostic DocumentNotAMap(SourcePosition at, string found) => Error("SIG110", at, $"a rule document must be a map, found {found}");

    public static SigmaDiagnostic MissingAttribute(SourcePosition at, string name) => Error("SIG111", at, $"missing required attribute '{name}'");

    public static SigmaDiagnostic WrongType(SourcePosition at, string what, string expected, string found) =>
        Error("SIG112", at, $"{what} must be {expected}, found {found}");

    public static SigmaDiagnostic InvalidAction(SourcePosition at, string detail) => Error("SIG113", at, detail);

    public static SigmaDiagnostic DuplicateKey(SourcePosition at, string key) =>
        Warning("SIG114", at, $"duplicate key '{key}': the last one is used");

    public static SigmaDiagnostic UnknownDocumentKind(SourcePosition at) =>
        Error("SIG115", at, "document is neither a rule (detection), a correlation (correlation) nor a filter (filter)");

    public static SigmaDiagnostic InvalidEnumValue(SourcePosition at, string attribute, string value, IEnumerable<string> allowed) =>
        Error("SIG116", at, $"'{value}' is not a valid {attribute}; expected one of: {string.Join(", ", allowed)}");

    public static SigmaDiagnostic FileNotFound(SourcePosition at) => Error("SIG117", at, "no such file or folder");

    // SIG2xx: detection and modifiers
    public static SigmaDiagnostic EmptyDetection(SourcePosition at) => Error("SIG200", at, "detection defines no search identifier");

    public static SigmaDiagnostic UnknownModifier(SourcePosition at, string name) =>
        Error("SIG201", at, $"unknown modifier '{name}'; known: {string.Join(", ", ModifierNames.AllNames)}");

    public static SigmaDiagnostic InvalidModifierCombination(SourcePosition at, string detail) => Error("SIG202", at, detail);

    public static SigmaDiagnostic ModifierValueType(SourcePosition at, string modifier, string expected, string found) =>
        Error("SIG203", at, $"modifier '{modifier}' expects {expected}, found {found}");

    public static SigmaDiagnostic InvalidCidr(SourcePosition at, string value) => Error("SIG205", at, $"'{value}' is not a valid IPv4 or IPv6 CIDR network");

    public static SigmaDiagnostic WildcardInEncodedValue(SourcePosition at, string modifier) =>
        Error("SIG206", at, $"'{modifier}' cannot encode a value with wildcards: the wildcard would be encoded as a literal");

    public static SigmaDiagnostic NullInList(SourcePosition at) =>
        Warning("SIG207", at, "null cannot be part of a list of values; put the null test in its own selection");

    public static SigmaDiagnostic EmptySearchIdentifier(SourcePosition at, string name) => Error("SIG208", at, $"search identifier '{name}' is empty");

    public static SigmaDiagnostic InvalidFieldReference(SourcePosition at, string detail) => Error("SIG209", at, detail);

    public static SigmaDiagnostic ExpandWithoutPlaceholder(SourcePosition at, string value) =>
        Warning("SIG210", at, $"'expand' is applied to '{value}', which holds no %placeholder%");

    public static SigmaDiagnostic KeywordWithField(SourcePosition at, string detail) => Error("SIG211", at, detail);

    // SIG3xx: conditions
    public static SigmaDiagnostic ConditionSyntax(SourcePosition at, string detail) => Error("SIG300", at, "condition: " + detail);

    public static SigmaDiagnostic UndefinedSelection(SourcePosition at, string name) =>
        Error("SIG301", at, $"condition names '{name}', which the detection does not define");

    public static SigmaDiagnostic PatternMatchesNothing(SourcePosition at, string pattern) =>
        Error("SIG302", at, $"'{pattern}' matches no search identifier");

    public static SigmaDiagnostic ConditionTooDeep(SourcePosition at, int limit) => Error("SIG303", at, $"condition nests deeper than {limit} levels");

    public static SigmaDiagnostic LegacyAggregation(SourcePosition at, string detail) =>
        Warning("SIG304", at, "obsolete aggregation in condition: " + detail);

    public static SigmaDiagnostic UnsupportedQuantifier(SourcePosition at, string text) =>
        Error("SIG305", at, $"'{text} of' is not Sigma: use '1 of', 'any of' or 'all of'");

    public static SigmaDiagnostic UnresolvedReference(SourcePosition at, string reference) =>
        Error("SIG306", at, $"rule reference '{reference}' matches no loaded rule id or name");

    public static SigmaDiagnostic InvalidCorrelation(SourcePosition at, string detail) => Error("SIG307", at, "correlation: " + detail);

    public static SigmaDiagnostic InvalidTimespan(SourcePosition at, string text) =>
        Error("SIG308", at, $"timespan '{text}' must be a number followed by s, m, h, d, w, M or y");

    public static SigmaDiagnostic InvalidFilter(SourcePosition at, string detail) => Error("SIG309", at, "filter: " + detail);
}
