using System.Text;
using CsCheck;
using SigmaSharp.Conversion;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Conversion.Escaping;

public enum MatchMode
{
    Exact,
    Contains,
    StartsWith,
    EndsWith,
}

/// <summary>
/// A hostile value and how a rule tests field <c>f</c> with it, plus the near-miss texts a correct query must tell
/// apart from it. Values hold quotes, backslashes, literal wildcards, brackets, shell and PowerShell metacharacters,
/// control characters and non-ASCII.
/// </summary>
public sealed record EscapingSample(string Value, MatchMode Mode)
{
    public const int Iterations = 200;

    private const string Alphabet = "abcXYZ019 \"'\\*?()[]{}|$`^~:/!+-=&<>;.,#%@\t\r\n\u0001\u001f\u007féü中–\u201C";

    public static Gen<EscapingSample> Gen(string excluded = "") =>
        CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, Alphabet.Length - 1].Array[1, 12],
            CsCheck.Gen.Int[0, 3],
            (chars, mode) => new EscapingSample(new string([.. chars.Select(i => Alphabet[i]).Select(c => excluded.Contains(c, StringComparison.Ordinal) ? 'q' : c)]), (MatchMode)mode));

    /// <summary>The value, then texts that differ from it by one character replaced, dropped, added before or after.</summary>
    public IReadOnlyList<string> Candidates()
    {
        var list = new List<string> { Value };
        for (var i = 0; i < Value.Length; i++)
        {
            list.Add(Value[..i] + (char.ToLowerInvariant(Value[i]) == 'z' ? 'w' : 'z') + Value[(i + 1)..]);
        }

        list.Add(Value[..^1]);
        list.Add(Value[1..]);
        list.Add("w" + Value);
        list.Add(Value + "w");
        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Whether the rule's test holds for a field holding <paramref name="text"/>.</summary>
    public bool Matches(string text, StringComparison comparison = StringComparison.Ordinal) => Mode switch
    {
        MatchMode.Exact => string.Equals(text, Value, comparison),
        MatchMode.Contains => text.Contains(Value, comparison),
        MatchMode.StartsWith => text.StartsWith(Value, comparison),
        _ => text.EndsWith(Value, comparison),
    };

    /// <summary>The Sigma rule, with the value Sigma-escaped (\\, \*, \?) inside a YAML double-quoted string.</summary>
    public string RuleText()
    {
        var sigma = Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);
        var yaml = new StringBuilder("\"");
        foreach (var c in sigma)
        {
            yaml.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        var modifier = Mode switch
        {
            MatchMode.Exact => string.Empty,
            MatchMode.Contains => "|contains",
            MatchMode.StartsWith => "|startswith",
            _ => "|endswith",
        };
        return $"title: t\nlogsource:\n    product: linux\ndetection:\n    sel:\n        f{modifier}: {yaml}\"\n    condition: sel\n";
    }

    /// <summary>The one query of the rule for <paramref name="target"/> (no config or pipeline: the field stays <c>f</c>).</summary>
    public string Query(string target)
    {
        var collection = RuleLoader.LoadTexts([("t.yml", RuleText())]);
        Assert.False(collection.HasErrors, string.Join("; ", collection.Diagnostics));
        var rule = collection.Rules.Single();
        var (backend, diagnostics) = target.StartsWith("pysigma-", StringComparison.Ordinal)
            ? SigmaSharp.Conversion.Modern.ModernTargets.Create(target)
            : ConversionTargets.Create(target);
        Assert.True(backend is not null, string.Join("; ", diagnostics));
        var result = backend.Convert(rule);
        Assert.True(result.IsConverted, string.Join("; ", result.Diagnostics));
        return Assert.Single(result.Queries);
    }

    public override string ToString() => $"{Mode} {System.Text.Json.JsonSerializer.Serialize(Value)}";
}
