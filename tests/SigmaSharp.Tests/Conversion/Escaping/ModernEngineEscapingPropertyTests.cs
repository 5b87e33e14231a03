using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Tests.Engines;
using SigmaSharp.Tests.Engines.Lucene;

namespace SigmaSharp.Tests.Conversion.Escaping;

/// <summary>
/// The pySigma-style targets on their real engines: <c>pysigma-sqlite</c> on SQLite (Microsoft.Data.Sqlite, laid out
/// as Zircolite lays out its table) and <c>pysigma-lucene</c> on Lucene.Net's classic query parser (as
/// Elasticsearch's query_string reads it, <see cref="LuceneEngine"/>). For a random hostile value tested exactly, as
/// contains, startswith or endswith (and the same with <c>|cased</c>, which pysigma-lucene refuses, and as a regular
/// expression), the query selects the value and none of its near misses, and the evaluator selects the same events.
/// </summary>
public sealed class ModernEngineEscapingPropertyTests
{
    private const int Iterations = 100;

    [Theory]
    [InlineData("pysigma-sqlite", false)]
    [InlineData("pysigma-sqlite", true)]
    [InlineData("pysigma-lucene", false)]
    public void Value_query_selects_exactly_the_value_on_the_engine_and_the_evaluator_agrees(string target, bool cased)
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var text = cased ? Cased(sample.RuleText()) : sample.RuleText();
            var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            Check(target, text, sample.ToString(), WithSwappedCase(sample.Candidates()), c => sample.Matches(c, comparison));
        }, iter: Iterations);
    }

    [Theory]
    [InlineData("pysigma-sqlite")]
    [InlineData("pysigma-lucene")]
    public void Regex_query_selects_exactly_the_value_on_the_engine_and_the_evaluator_agrees(string target)
    {
        EscapingSample.Gen().Sample(sample =>
        {
            var regex = (sample.Mode is MatchMode.Exact or MatchMode.StartsWith ? "^" : string.Empty) + RegexLiteral(sample.Value)
                + (sample.Mode is MatchMode.Exact or MatchMode.EndsWith ? "$" : string.Empty);
            var text = $"title: t\nlogsource:\n    product: linux\ndetection:\n    sel:\n        f|re: '{regex.Replace("'", "''", StringComparison.Ordinal)}'\n    condition: sel\n";
            Check(target, text, $"{sample} as /{regex}/", WithSwappedCase(sample.Candidates()), c => sample.Matches(c, StringComparison.Ordinal));
        }, iter: Iterations);
    }

    private static void Check(string target, string ruleText, string shown, List<string> candidates, Func<string, bool> matches)
    {
        var collection = RuleLoader.LoadTexts([("t.yml", ruleText)]);
        Assert.False(collection.HasErrors, string.Join("; ", collection.Diagnostics));
        var rule = collection.DetectionRules.Single();
        var result = ModernTargets.Create(target).Backend!.Convert(rule);
        Assert.True(result.IsConverted, $"{shown}: {string.Join("; ", result.Diagnostics)}");
        var query = Assert.Single(result.Queries);
        FlatEvent[] events = [.. candidates.Select(c => new FlatEvent([new("f", FlatValue.Of(c))], "candidate"))];
        var expected = Enumerable.Range(0, candidates.Count).Where(i => matches(candidates[i])).ToHashSet();
        var selected = Run(target, query, rule, events);
        var evaluator = EvaluatorJudge.Matches(rule, events, out var refusal) ?? throw new InvalidOperationException(refusal);
        var detail = $"{shown}: query {query} selected [{string.Join(",", selected.Order())}], evaluator [{string.Join(",", evaluator.Order())}], expected [{string.Join(",", expected.Order())}] of {JsonSerializer.Serialize(candidates)}";
        Assert.True(expected.SetEquals(selected), detail);
        Assert.True(expected.SetEquals(evaluator), detail);
    }

    private static HashSet<int> Run(string target, string query, SigmaRule rule, IReadOnlyList<FlatEvent> events) =>
        target == "pysigma-sqlite" ? SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events) : LuceneEngine.Run(query, events);

    /// <summary>The rule with <c>|cased</c> added to the field's modifiers.</summary>
    private static string Cased(string ruleText)
    {
        var at = ruleText.IndexOf("        f", StringComparison.Ordinal) + "        f".Length;
        var colon = ruleText.IndexOf(':', at);
        return ruleText[..colon] + "|cased" + ruleText[colon..];
    }

    /// <summary>The near misses and, when the value has ASCII letters, the candidates with their ASCII case swapped.</summary>
    private static List<string> WithSwappedCase(IReadOnlyList<string> candidates)
    {
        static string Swap(string s) => new([.. s.Select(c => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c)]);
        return [.. candidates.Concat(candidates.Select(Swap)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A regular expression matching the text literally: punctuation escaped, control characters as <c>\xHH</c>.</summary>
    private static string RegexLiteral(string value)
    {
        var regex = new StringBuilder();
        foreach (var c in value)
        {
            regex.Append(c switch
            {
                _ when char.IsAsciiLetterOrDigit(c) || c > '\u007f' => c.ToString(),
                < ' ' or '\u007f' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\" + c,
            });
        }

        return regex.ToString();
    }
}
