using SigmaSharp.Evaluation;
using SigmaSharp.Rules;
using static SigmaSharp.Tests.Evaluation.EvaluationHarness;

namespace SigmaSharp.Tests.Evaluation;

public class MatcherSemanticsTests
{
    [Theory]
    [InlineData("Image: 'C:\\Windows\\cmd.exe'", """{"Image":"c:\\windows\\CMD.EXE"}""", true)]
    [InlineData("Image: 'cmd.exe'", """{"Image":"C:\\cmd.exe"}""", false)]
    [InlineData("Image|cased: 'CMD.exe'", """{"Image":"cmd.exe"}""", false)]
    [InlineData("Image|cased: 'CMD.exe'", """{"Image":"CMD.exe"}""", true)]
    [InlineData("Image|cased|endswith: '\\CMD.exe'", """{"Image":"C:\\CMD.exe"}""", true)]
    public void Plain_strings_compare_ignoring_case_unless_cased(string selection, string json, bool expected) =>
        Assert.Equal(expected, Matches(selection, json));

    [Theory]
    [InlineData("F: 'a*c'", "abbbc", true)]
    [InlineData("F: 'a*c'", "abbbd", false)]
    [InlineData("F: 'a?c'", "abc", true)]
    [InlineData("F: 'a?c'", "ac", false)]
    [InlineData("F: 'a?c'", "abbc", false)]
    [InlineData("F: '*b?d*f'", "xxbcdyyf", true)]
    [InlineData("F: '*b?d*f'", "xxbcdyyfg", false)]
    [InlineData("F: 'a*b*a'", "aba", true)]
    [InlineData("F: 'a*b*a'", "ab", false)]
    [InlineData("F: 'ab*ba'", "aba", false)]
    [InlineData("F: '*'", "", true)]
    [InlineData("F: '?'", "", false)]
    [InlineData("F: 'A?C*'", "abcdef", true)]
    public void Wildcards_star_and_question_mark_match_any_run_and_one_character(string selection, string value, bool expected) =>
        Assert.Equal(expected, Matches(selection, $$"""{"F":"{{value}}"}"""));

    [Theory]
    [InlineData(@"F: 'a\*b'", "a*b", true)]
    [InlineData(@"F: 'a\*b'", "axb", false)]
    [InlineData(@"F: 'a\?'", "a?", true)]
    [InlineData(@"F: 'a\?'", "ab", false)]
    [InlineData(@"F: 'a\\*'", @"a\\xyz", true)]
    [InlineData(@"F: 'a\\*'", "axyz", false)]
    [InlineData(@"F: 'C:\Windows\*'", @"C:\\Windows\\x.exe", false)]
    [InlineData(@"F: 'C:\Windows\*'", @"C:\\Windows*", true)]
    public void Escaped_wildcards_are_literal_and_a_doubled_backslash_is_one_backslash(string selection, string value, bool expected) =>
        Assert.Equal(expected, Matches(selection, $$"""{"F":"{{value}}"}"""));

    [Fact]
    public void Glob_with_many_stars_on_a_long_value_finishes_without_backtracking()
    {
        var value = new string('a', 20_000);
        Assert.False(Matches("F: '*a*a*a*a*a*a*a*a*a*a*a*a*b'", $$"""{"F":"{{value}}"}"""));
    }

    [Theory]
    [InlineData("""{"Other":1}""", true)]
    [InlineData("""{"F":null}""", true)]
    [InlineData("""{"F":[]}""", true)]
    [InlineData("""{"F":""}""", false)]
    [InlineData("""{"F":"x"}""", false)]
    public void Null_means_missing_or_json_null_but_not_empty_string(string json, bool expected) =>
        Assert.Equal(expected, Matches("F: null", json));

    [Theory]
    [InlineData("""{"F":""}""", true)]
    [InlineData("""{"Other":1}""", false)]
    [InlineData("""{"F":null}""", false)]
    public void Empty_string_matches_only_an_empty_value(string json, bool expected) =>
        Assert.Equal(expected, Matches("F: ''", json));

    [Theory]
    [InlineData("F|exists: true", """{"F":""}""", true)]
    [InlineData("F|exists: true", """{"F":null}""", false)]
    [InlineData("F|exists: true", """{"G":"x"}""", false)]
    [InlineData("F|exists: false", """{"G":"x"}""", true)]
    [InlineData("F|exists: false", """{"F":"x"}""", false)]
    public void Exists_is_the_negation_of_null(string selection, string json, bool expected) =>
        Assert.Equal(expected, Matches(selection, json));

    [Theory]
    [InlineData("EventID: 4688", """{"EventID":4688}""", true)]
    [InlineData("EventID: 4688", """{"EventID":"4688"}""", true)]
    [InlineData("EventID: 4688", """{"EventID":4688.0}""", true)]
    [InlineData("EventID: 4688", """{"EventID":"4688x"}""", false)]
    [InlineData("EventID: 4688", """{"EventID":46880}""", false)]
    [InlineData("EventID: '4688'", """{"EventID":4688}""", true)]
    [InlineData("EventID|startswith: 46", """{"EventID":4688}""", true)]
    public void Numbers_compare_numerically_with_numeric_text_and_as_text_otherwise(string selection, string json, bool expected) =>
        Assert.Equal(expected, Matches(selection, json));

    [Theory]
    [InlineData("""{"F":true}""", true)]
    [InlineData("""{"F":"True"}""", true)]
    [InlineData("""{"F":false}""", false)]
    [InlineData("""{"F":1}""", false)]
    public void Booleans_match_json_booleans_and_their_text(string json, bool expected) =>
        Assert.Equal(expected, Matches("F: true", json));

    [Theory]
    [InlineData("""{"F":["x","cmd.exe","y"]}""", true)]
    [InlineData("""{"F":["x","y"]}""", false)]
    [InlineData("""{"F":[]}""", false)]
    public void Arrays_match_when_any_element_matches(string json, bool expected) =>
        Assert.Equal(expected, Matches("F: cmd.exe", json));

    [Theory]
    [InlineData("net user /add", true)]
    [InlineData("net user", false)]
    public void All_modifier_requires_every_value(string value, bool expected) =>
        Assert.Equal(expected, Matches("F|contains|all: ['net', 'user', '/add']", $$"""{"F":"{{value}}"}"""));

    [Fact]
    public void All_modifier_is_satisfied_by_different_array_elements() =>
        Assert.True(Matches("F|contains|all: ['abc', 'xyz']", """{"F":["abc","xyz"]}"""));

    [Theory]
    [InlineData("ping -n 1", true)]
    [InlineData("ping /n 1", true)]
    [InlineData("ping \u2013n 1", true)]
    [InlineData("ping n 1", false)]
    public void Windash_matches_every_dash_spelling(string value, bool expected) =>
        Assert.Equal(expected, Matches("CommandLine|windash|contains: ' -n '", $$"""{"CommandLine":"{{value}}"}"""));

    [Theory]
    [InlineData("powershell -e SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA", true)]
    [InlineData("powershell -e aQBlAHgAIAA=", false)]
    public void Base64offset_finds_the_value_at_any_alignment(string value, bool expected) =>
        Assert.Equal(expected, Matches("CommandLine|utf16le|base64offset|contains: 'Net.WebClient'", $$"""{"CommandLine":"{{value}}"}"""));

    [Theory]
    [InlineData("F|cidr: 10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("F|cidr: 10.0.0.0/8", "11.1.2.3", false)]
    [InlineData("F|cidr: 10.0.0.0/8", "::ffff:10.1.2.3", true)]
    [InlineData("F|cidr: 10.0.0.0/8", "not an ip", false)]
    [InlineData("F|cidr: 192.168.1.0/31", "192.168.1.1", true)]
    [InlineData("F|cidr: 192.168.1.0/31", "192.168.1.2", false)]
    [InlineData("F|cidr: 'fe80::/10'", "fe80::1", true)]
    [InlineData("F|cidr: 'fe80::/10'", "fec0::1", false)]
    [InlineData("F|cidr: '::ffff:0:0/96'", "10.0.0.1", true)]
    public void Cidr_matches_addresses_in_the_network_and_maps_ipv4_in_ipv6(string selection, string value, bool expected) =>
        Assert.Equal(expected, Matches(selection, $$"""{"F":"{{value}}"}"""));

    [Theory]
    [InlineData("F|gt: 10", "11", true)]
    [InlineData("F|gt: 10", "10", false)]
    [InlineData("F|gte: 10", "10", true)]
    [InlineData("F|lt: 10", "9.5", true)]
    [InlineData("F|lte: 10", "10", true)]
    [InlineData("F|lt: 10", "abc", false)]
    [InlineData("F|lt: 10", "", false)]
    public void Comparisons_are_numeric_and_non_numbers_never_match(string selection, string value, bool expected) =>
        Assert.Equal(expected, Matches(selection, $$"""{"F":"{{value}}"}"""));

    [Theory]
    [InlineData("T|hour: 3", "2025-03-01T03:59:00Z", true)]
    [InlineData("T|hour: 3", "2025-03-01T04:00:00Z", false)]
    [InlineData("T|hour: 3", "2025-03-01T05:00:00+02:00", true)]
    [InlineData("T|minute: 59", "2025-03-01T03:59:00Z", true)]
    [InlineData("T|day: 1", "2025-03-01T03:59:00Z", true)]
    [InlineData("T|month: 3", "2025-03-01T03:59:00Z", true)]
    [InlineData("T|year: 2025", "2025-03-01T03:59:00Z", true)]
    [InlineData("T|week: 1", "2024-12-30T10:00:00Z", true)]
    [InlineData("T|hour|gte: 22", "2025-03-01T23:00:00Z", true)]
    [InlineData("T|hour: 3", "not a time", false)]
    public void Time_parts_read_the_field_as_a_utc_timestamp(string selection, string value, bool expected) =>
        Assert.Equal(expected, Matches(selection, $$"""{"T":"{{value}}"}"""));

    [Theory]
    [InlineData("A|fieldref: B", """{"A":"Bob","B":"bob"}""", true)]
    [InlineData("A|fieldref: B", """{"A":"Bob","B":"Alice"}""", false)]
    [InlineData("A|fieldref: B", """{"A":"Bob"}""", false)]
    [InlineData("A|fieldref|startswith: B", """{"A":"C:\\Temp\\x.exe","B":"c:\\temp"}""", true)]
    [InlineData("A|fieldref|endswith: B", """{"A":"C:\\Temp\\x.exe","B":"X.EXE"}""", true)]
    [InlineData("A|fieldref|contains: B", """{"A":"abcdef","B":"CD"}""", true)]
    public void Fieldref_compares_with_another_field_ignoring_case(string selection, string json, bool expected) =>
        Assert.Equal(expected, Matches(selection, json));

    [Theory]
    [InlineData("""{"F":"x"}""", true)]
    [InlineData("""{"F":"a"}""", false)]
    [InlineData("""{"F":"b"}""", false)]
    [InlineData("""{"G":"a"}""", true)]
    public void Neq_with_a_list_negates_the_whole_item(string json, bool expected) =>
        Assert.Equal(expected, Matches("F|neq: ['a', 'b']", json));

    [Theory]
    [InlineData("F|re: 'ab+c'", "xxABBCxx", false)]
    [InlineData("F|re: 'ab+c'", "xxabbcxx", true)]
    [InlineData("F|re|i: 'ab+c'", "xxABBCxx", true)]
    [InlineData("F|re: '^ab$'", "ab", true)]
    [InlineData("F|re|m: '^b$'", "a\\nb", true)]
    [InlineData("F|re: '^b$'", "a\\nb", false)]
    [InlineData("F|re|s: 'a.b'", "a\\nb", true)]
    [InlineData("F|re: 'a.b'", "a\\nb", false)]
    [InlineData("F|re: '(a)\\1'", "xaax", true)]
    [InlineData("F|re: 'foo(?=bar)'", "foobar", true)]
    public void Regexes_search_case_sensitively_with_flags_mapped(string selection, string value, bool expected) =>
        Assert.Equal(expected, Matches(selection, $$"""{"F":"{{value}}"}"""));

    [Fact]
    public void Pathological_regex_on_a_long_value_returns_promptly_as_no_match()
    {
        var value = new string('a', 50_000) + "!";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.False(Matches("F|re: '(a+)+$'", $$"""{"F":"{{value}}"}""".Replace("!", "!", StringComparison.Ordinal)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Backtracking_regex_that_times_out_counts_as_no_match()
    {
        var matcher = SigmaSharp.Evaluation.Matching.RegexMatcher.Create(new SigmaSharp.Rules.Values.SigmaRegex(@"^(\w+\s?)*$(?<=x)", SigmaSharp.Rules.Values.RegexFlags.None),
            TimeSpan.FromMilliseconds(1), null, out _)!;
        Assert.True(matcher.Backtracking);
        Assert.False(matcher.Matches(new string('a', 5000) + "!", SigmaSharp.Events.EventValueKind.String));
        Assert.True(matcher.TimedOut);
    }

    [Theory]
    [InlineData("""{"Message":"run mimikatz now"}""", true)]
    [InlineData("""{"A":{"B":"xx MIMIKATZ"}}""", true)]
    [InlineData("""{"Message":"mimi katz"}""", false)]
    public void Keywords_are_substrings_of_any_value_ignoring_case(string json, bool expected) =>
        Assert.Equal(expected, Scan(Rule("keywords:\n    - 'mimikatz'\ncondition: keywords"), null, json).Count == 1);

    [Theory]
    [InlineData("""{"A":"OabVirtualDirectory","B":" -ExternalUrl "}""", true)]
    [InlineData("""{"A":"OabVirtualDirectory"}""", false)]
    public void Keywords_with_all_need_every_keyword_somewhere(string json, bool expected) =>
        Assert.Equal(expected, Scan(Rule("keywords:\n    '|all':\n        - 'OabVirtualDirectory'\n        - ' -ExternalUrl '\ncondition: keywords"), null, json).Count == 1);

    [Theory]
    [InlineData("""{"A":"x","B":"y"}""", "1 of sel*", true)]
    [InlineData("""{"A":"x","B":"n"}""", "all of sel*", false)]
    [InlineData("""{"A":"x","B":"y"}""", "all of them", true)]
    [InlineData("""{"A":"x","B":"y"}""", "sel1 and not sel2", false)]
    [InlineData("""{"A":"x","B":"n"}""", "sel1 and not sel2", true)]
    public void Conditions_combine_selections(string json, string condition, bool expected) =>
        Assert.Equal(expected, Scan(Rule($"sel1:\n    A: x\nsel2:\n    B: y\ncondition: {condition}"), null, json).Count == 1);

    [Fact]
    public void Long_value_lists_decide_like_single_tests()
    {
        var values = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"    - 'v{i}x'"));
        Assert.True(Matches($"F|endswith:\n{values}", """{"F":"AAV7X"}"""));
        Assert.True(Matches($"F|startswith:\n{values}", """{"F":"V39Xzz"}"""));
        Assert.True(Matches($"F|contains:\n{values}", """{"F":"zzv12xzz"}"""));
        Assert.True(Matches($"F:\n{values}", """{"F":"V0X"}"""));
        Assert.False(Matches($"F:\n{values}", """{"F":"V0XX"}"""));
        Assert.False(Matches($"F|endswith:\n{values}", """{"F":"v40x"}"""));
    }

    [Fact]
    public void Placeholders_expand_from_the_placeholder_file()
    {
        Assert.True(PlaceholderValues.TryLoad(EvaluationPaths.Fixture("placeholders.yml"), out var values, out var error), error?.ToString());
        var rule = Rule("selection:\n    User|expand: '%admins%'\ncondition: selection");
        var options = new ScanOptions { IgnoreLogSources = true, Placeholders = values! };
        Assert.Single(Scan(rule, options, """{"User":"CORP\\Administrator"}"""));
        Assert.Single(Scan(rule, options, """{"User":"svc_backup"}"""));
        Assert.Empty(Scan(rule, options, """{"User":"alice"}"""));
    }

    [Fact]
    public void Unresolved_placeholder_makes_the_rule_unsupported_with_a_diagnostic()
    {
        var scanner = new Scanner(Load(Rule("selection:\n    User|expand: '%nothing%'\ncondition: selection")), new ScanOptions { IgnoreLogSources = true });
        Assert.Contains(scanner.Diagnostics, d => d.Code == "SIG600");
        Assert.Empty(scanner.Rules);
    }

    [Fact]
    public void Bad_placeholder_file_reports_its_position()
    {
        Assert.False(PlaceholderValues.TryParse("a: [x, {b: c}]\n", "p.yml", out _, out var error));
        Assert.Equal("SIG609", error!.Code);
        Assert.Equal(1, error.Position.Line);
    }

    [Fact]
    public void Match_reports_the_tested_fields_with_their_values()
    {
        var matches = Scan(Rule("selection:\n    Image|endswith: '\\cmd.exe'\n    User: x\ncondition: selection"), null,
            """{"Image":"C:\\cmd.exe","User":"X","Computer":"host1","TimeCreated":"2025-01-01T00:00:00Z"}""");
        var match = Assert.Single(matches);
        Assert.Equal("host1", match.Computer);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), match.Timestamp);
        Assert.Contains(match.Fields, f => f.Name == "Image" && f.Values.SequenceEqual(["C:\\cmd.exe"]));
        Assert.Contains(match.Fields, f => f.Name == "User");
    }

    [Fact]
    public void Legacy_aggregation_is_evaluated_as_the_correlation_the_loader_made_of_it()
    {
        var rule = Rule("selection:\n    A: x\ntimeframe: 5m\ncondition: selection | count() > 2");
        var events = Enumerable.Range(0, 3).Select(i => $$"""{"A":"x","TimeCreated":"2025-01-01T00:00:0{{i}}Z"}""").ToArray();
        var matches = Scan(rule, null, events);
        var hit = Assert.Single(matches, m => m.Correlation is not null);
        Assert.Equal(3m, hit.Correlation!.Value);
    }

    [Fact]
    public void Min_level_hides_lower_rules()
    {
        var rule = Rule("selection:\n    A: x\ncondition: selection");
        var scanner = new Scanner(Load(rule), new ScanOptions { IgnoreLogSources = true, MinLevel = RuleLevel.Critical });
        Assert.Empty(scanner.Scan(ReadEvents(scanner, """{"A":"x"}""")));
    }
}
