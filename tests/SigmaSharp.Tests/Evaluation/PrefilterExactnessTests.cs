using SigmaSharp.Evaluation;
using SigmaSharp.Evaluation.Matching;
using SigmaSharp.Evaluation.Routing;
using SigmaSharp.Events;
using SigmaSharp.Parsing;
using Xunit.Abstractions;
using static SigmaSharp.Tests.Evaluation.EvaluationHarness;

namespace SigmaSharp.Tests.Evaluation;

/// <summary>The literal prefilter only ever skips rules that would not match.</summary>
public class PrefilterExactnessTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_rule_matching_a_regression_event_is_a_prefilter_candidate()
    {
        var corpus = Path.Combine(EvaluationPaths.CorpusRoot(), "sigmahq");
        var cases = Path.Combine(corpus, "regression_data");
        if (!Directory.Exists(cases))
        {
            output.WriteLine($"SKIPPED: no Sigma corpus at {cases} (set SIGMA_CORPUS)");
            return;
        }
        var ruleFiles = Directory.GetDirectories(corpus, "rules*").SelectMany(d => Directory.EnumerateFiles(d, "*.yml", SearchOption.AllDirectories));
        var scanner = new Scanner(RuleLoader.Load(ruleFiles));
        var set = scanner.RuleSet;
        var scratch = set.CreateScratch();
        var groups = new List<RuleGroup>();
        var missed = new List<string>();
        long pairs = 0;
        foreach (var file in Directory.EnumerateFiles(cases, "*.json", SearchOption.AllDirectories))
        {
            foreach (var e in EventReader.Read(file, scanner.ReaderOptions))
            {
                groups.Clear();
                set.CollectGroups(e, groups);
                foreach (var group in groups)
                {
                    var prefilter = scratch.PrefilterOf(group);
                    group.Prefilter.Select(e, prefilter);
                    for (var i = 0; i < group.Entries.Length; i++)
                    {
                        if (!group.Entries[i].Detection.Matcher.Matches(e))
                        {
                            continue;
                        }
                        pairs++;
                        if ((prefilter.Candidates[i >> 6] & (1UL << (i & 63))) == 0)
                        {
                            missed.Add($"{set.Rules[group.Entries[i].Rule].Title} on {file}");
                        }
                    }
                }
            }
        }
        output.WriteLine($"{pairs} (rule, event) matches checked");
        Assert.Empty(missed);
        Assert.True(pairs > 150);
    }

    [Theory]
    [InlineData("EventID: 4688", """{"EventID":4688}""", true)]
    [InlineData("EventID: 4688", """{"EventID":"4688.0"}""", true)]
    [InlineData("EventID: 4688", """{"EventID":"4.688e3"}""", true)]
    [InlineData("EventID: 4688", """{"EventID":[1, 4688]}""", true)]
    [InlineData("EventID: 4688", """{"EventID":46880}""", false)]
    [InlineData("EventID:\n    - 4688\n    - 4688.0\n    - 1", """{"EventID":1}""", true)]
    [InlineData("Image: 'C:\\Windows\\cmd.exe'", """{"Image":"c:\\WINDOWS\\cmd.EXE"}""", true)]
    [InlineData("Image: ''", """{"Image":""}""", true)]
    [InlineData("Image:\n    - 'a'\n    - 'b'\n    - 'c'\n    - 'd'", """{"Image":"B"}""", true)]
    [InlineData("Image|cased: 'Cmd'", """{"Image":"cmd"}""", false)]
    public void Equality_needs_are_hash_lookups_that_keep_numeric_and_case_insensitive_equality(string selection, string json, bool expected) =>
        Assert.Equal(expected, Matches(selection, json));

    [Fact]
    public void A_rule_testing_only_equalities_is_not_a_candidate_for_other_values()
    {
        var scanner = new Scanner(Load(Rule("selection:\n    EventID: 4624\n    LogonType: 3\ncondition: selection")), new ScanOptions { IgnoreLogSources = true });
        var group = Assert.Single(scanner.RuleSet.Groups);
        Assert.Equal(0, group.Prefilter.AlwaysCount);
        var scratch = scanner.RuleSet.CreateScratch();
        var e = ReadEvents(scanner, """{"EventID":4625,"LogonType":3}""")[0];
        group.Prefilter.Select(e, scratch.PrefilterOf(group));
        Assert.Equal(0UL, scratch.PrefilterOf(group).Candidates[0]);
    }

    [Theory]
    [InlineData(@"ipconfig\s+/all", "ipconfig")]
    [InlineData(@"(?i)(?:set).*&&\s?set.*(?:environment|invoke|\$\{?input).*&&.*""", "set")]
    [InlineData(@"abcd?ef", "abc")]
    [InlineData(@"x(?:abc|defg)y", "abc,defg")]
    [InlineData(@"abc|de", "abc,de")]
    [InlineData(@"(?:abcdef)?xy", "xy")]
    [InlineData(@"(?:abcdef)?x", null)]
    [InlineData(@"\w+`(?:\w+|-|.)`[\w+|\s]", "`")]
    [InlineData(@"""(?:\{\d\})+""\s*-f", "-f")]
    [InlineData(@"\x41bcd", "bcd")]
    [InlineData(@"\p{L}bcd", "bcd")]
    [InlineData(@"[abc]def[g]", "def")]
    [InlineData(@"(?=abc)xy", "xy")]
    [InlineData(@"(?x)a b c d", null)]
    [InlineData(@"ab{2}cde", "cde")]
    [InlineData(@"invoke-expression", "e-expression")]
    [InlineData(@"\.exe[\""\']?\s+[^\""]{0,64}werfaultsecure\.exe", "werfaultsecu")]
    [InlineData(@"^[A-Za-z0-9]{16}$", null)]
    [InlineData(@"a{x}bc", "a{x}bc")]
    public void Regex_required_literals_are_runs_every_match_contains(string pattern, string? expected)
    {
        var literals = RegexLiterals.Required(pattern);
        Assert.Equal(expected, literals is null ? null : string.Join(",", literals));
    }
}
