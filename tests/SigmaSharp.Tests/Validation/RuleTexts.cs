using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Validation;

namespace SigmaSharp.Tests.Validation;

/// <summary>A clean rule that no validator complains about, and ways to spoil one part of it.</summary>
internal static class RuleTexts
{
    public const string FileName = "proc_creation_win_test_rule.yml";

    public const string Clean = """
        title: Suspicious Test Activity
        id: 5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10
        status: test
        description: Detects a test.
        references:
            - https://example.org/report
        author: Tester
        date: 2024-01-02
        modified: 2024-02-03
        tags:
            - attack.execution
            - attack.t1059.001
        logsource:
            category: process_creation
            product: windows
        detection:
            selection:
                Image|endswith: '\cmd.exe'
            condition: selection
        falsepositives:
            - Unknown
        level: high
        """;

    public static ValidationOptions Options { get; } = new() { Today = new DateOnly(2026, 8, 20) };

    public static string With(string find, string replace)
    {
        if (!Clean.Contains(find, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{find}' is not in the clean rule", nameof(find));
        }

        return Clean.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>Replaces the detection section (its body, indented by 4).</summary>
    public static string WithDetection(string body) => With(
        "    selection:\n        Image|endswith: '\\cmd.exe'\n    condition: selection\n", Indent(body));

    public static string WithLogSource(string body) => With("    category: process_creation\n    product: windows\n", Indent(body));

    private static string Indent(string body) =>
        string.Concat(body.TrimEnd('\n').Split('\n').Select(line => "    " + line + "\n"));

    public static IReadOnlyList<SigmaDiagnostic> Validate(params (string Name, string Text)[] files)
    {
        var collection = RuleLoader.LoadTexts(files);
        if (collection.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("test rule does not parse: " + string.Join("; ", collection.Diagnostics));
        }

        return RuleValidation.Validate(collection, Options);
    }

    public static IReadOnlyList<SigmaDiagnostic> Validate(string text, string name = FileName) => Validate((name, text));
}
