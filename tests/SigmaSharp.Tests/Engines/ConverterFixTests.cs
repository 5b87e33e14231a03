using SigmaSharp.Conversion;
using SigmaSharp.Conversion.Modern;
using SigmaSharp.Parsing;
using SigmaSharp.Rules;
using SigmaSharp.Tests.Engines.Grep;
using SigmaSharp.Tests.Engines.Lucene;

namespace SigmaSharp.Tests.Engines;

/// <summary>
/// The converter bugs the engine proof found, each pinned by the smallest rule that showed it, run on the engine:
/// the query must select exactly the events the evaluator matches.
/// </summary>
public sealed class ConverterFixTests(ITestOutputHelper output)
{
    private static SigmaRule Rule(string detection) =>
        RuleLoader.LoadTexts([("t.yml", "title: t\nid: 11111111-1111-4111-8111-111111111111\nlogsource:\n    product: windows\ndetection:\n" + detection)]).DetectionRules.Single();

    private static FlatEvent Event(params (string Field, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, FlatValue>(f.Field, FlatValue.Of(f.Value))), "test");

    private static string Query(IBackend backend, SigmaRule rule)
    {
        var result = backend.Convert(rule);
        Assert.True(result.IsConverted, string.Join("; ", result.Diagnostics));
        return Assert.Single(result.Queries);
    }

    private static HashSet<int> Expected(SigmaRule rule, IReadOnlyList<FlatEvent> events) =>
        EvaluatorJudge.Matches(rule, events, out var refusal) ?? throw new InvalidOperationException(refusal);

    private const string SelectionAndNotFilter = "    sel:\n        Image|endswith: '\\cmd.exe'\n    filter:\n        ParentImage|endswith: '\\explorer.exe'\n    condition: sel and not filter\n";

    [Fact]
    public void Sqlite_negation_keeps_events_that_lack_the_negated_field()
    {
        var rule = Rule(SelectionAndNotFilter);
        FlatEvent[] events = [Event(("Image", "C:\\cmd.exe")), Event(("Image", "C:\\cmd.exe"), ("ParentImage", "C:\\explorer.exe")), Event(("Image", "C:\\cmd.exe"), ("ParentImage", "C:\\x.exe"))];
        var query = Query(ModernTargets.Create("pysigma-sqlite").Backend!, rule);

        Assert.Equal("SELECT * FROM <TABLE_NAME> WHERE Image LIKE '%\\\\cmd.exe' ESCAPE '\\' AND ((ParentImage LIKE '%\\\\explorer.exe' ESCAPE '\\') IS NOT TRUE)", query);
        Assert.Equal([0, 2], SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events).Order());
        Assert.Equal(Expected(rule, events), SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events));
    }

    [Fact]
    public void Sqlite_compat_pysigma_writes_pysigmas_not()
    {
        var backend = ModernTargets.Create("pysigma-sqlite", options: new Dictionary<string, string> { ["compat"] = "pysigma" }).Backend!;

        Assert.EndsWith("AND (NOT ParentImage LIKE '%\\\\explorer.exe' ESCAPE '\\')", Query(backend, Rule(SelectionAndNotFilter)), StringComparison.Ordinal);
    }

    [Fact]
    public void Grep_negation_inside_and_is_tested_against_the_whole_line()
    {
        var rule = Rule(SelectionAndNotFilter);
        var command = Query(ConversionTargets.Create("grep").Backend!, rule);

        Assert.Equal("grep -P -i '^(?=.*\\\\cmd\\.exe)(?!.*\\\\explorer\\.exe)'", command);
        AssertGrepAgrees(rule, command, [Event(("Image", "C:\\cmd.exe")), Event(("Image", "C:\\cmd.exe"), ("ParentImage", "C:\\explorer.exe"))]);
    }

    [Fact]
    public void Grep_nested_groups_stay_within_pcre_backtracking_limits()
    {
        var rule = Rule("    sel_img:\n        - Image|endswith: '\\certutil.exe'\n        - OriginalFileName: 'CertUtil.exe'\n    sel_cli:\n        CommandLine|contains|windash: '-addstore'\n    sel_root:\n        CommandLine|contains: 'root'\n    condition: all of sel_*\n");
        var command = Query(ConversionTargets.Create("grep").Backend!, rule);
        var filler = new string('x', 3000);

        AssertGrepAgrees(rule, command, [Event(("Image", "C:\\certutil.exe"), ("CommandLine", filler + " -addstore " + filler + " root")), Event(("Image", filler), ("CommandLine", filler))]);
    }

    [Fact]
    public void Grep_refuses_null_values_and_escaping_sigmac_keeps_sigmacs_form()
    {
        var rule = Rule("    sel:\n        Image|endswith: '\\cmd.exe'\n    filter:\n        ParentImage: null\n    condition: sel and not filter\n");

        var refused = ConversionTargets.Create("grep").Backend!.Convert(rule);
        Assert.False(refused.IsConverted);
        Assert.Contains("null values", refused.Diagnostics.Single().Message, StringComparison.Ordinal);
        var sigmac = Query(ConversionTargets.Create("grep", new Dictionary<string, string> { ["escaping"] = "sigmac" }).Backend!, rule);
        Assert.StartsWith("grep -P -i '^(?:.*(?=.*.*\\cmd\\.exe)(?=.*(?!.*", sigmac, StringComparison.Ordinal);
        Assert.Contains("(?!ParentImage)", sigmac, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pysigma-lucene")]
    [InlineData("es-qs")]
    [InlineData("graylog")]
    public void Lucene_regular_expressions_search_the_value_with_pcre_meanings(string target)
    {
        var rule = Rule("    sel:\n        CommandLine|re: '\\s-e(nc)?\\s+[A-Za-z0-9+/=]{8}'\n    condition: sel\n");
        var query = Query(Backend(target), rule);
        FlatEvent[] events =
        [
            Event(("CommandLine", "powershell -enc SQBFAFgAIAAo")),
            Event(("CommandLine", "powershell\t-e\tSQBFAFgAIAAo")),
            Event(("CommandLine", "powershell -enc SQBF")),
            Event(("CommandLine", "-enc SQBFAFgAIAAo")),
            Event(("CommandLine", "powershell senc dQBFAFgAIAAo")),
        ];

        output.WriteLine(query);
        Assert.Equal(Expected(rule, events), LuceneEngine.Run(query, events));
        Assert.Equal([0, 1], LuceneEngine.Run(query, events).Order());
    }

    [Theory]
    [InlineData("pysigma-lucene")]
    [InlineData("es-qs")]
    [InlineData("graylog")]
    public void Lucene_regex_writes_an_empty_alternative_as_the_empty_string(string target)
    {
        // Lucene's regexp parser rejects '(a|)' ("expected ')'"); the empty string is '()' there.
        var rule = Rule("    sel:\n        CommandLine|re: 'cmd(?:\\s|)/c|^x(|y)$'\n    condition: sel\n");
        var query = Query(Backend(target), rule);
        FlatEvent[] events = [Event(("CommandLine", "cmd /c")), Event(("CommandLine", "cmd/c")), Event(("CommandLine", "cmd-/c")), Event(("CommandLine", "x")), Event(("CommandLine", "xy")), Event(("CommandLine", "xyy"))];

        output.WriteLine(query);
        Assert.DoesNotContain("|)", query, StringComparison.Ordinal);
        Assert.Equal([0, 1, 3, 4], LuceneEngine.Run(query, events).Order());
        Assert.Equal(Expected(rule, events), LuceneEngine.Run(query, events));
    }

    [Fact]
    public void Lucene_compat_pysigma_writes_the_regular_expression_as_written()
    {
        var backend = ModernTargets.Create("pysigma-lucene", options: new Dictionary<string, string> { ["compat"] = "pysigma" }).Backend!;

        Assert.Equal("CommandLine:/\\sx/", Query(backend, Rule("    sel:\n        CommandLine|re: '\\sx'\n    condition: sel\n")));
    }

    [Theory]
    [InlineData("es-qs")]
    [InlineData("graylog")]
    public void Es_qs_searches_a_lone_keyword_inside_every_value(string target)
    {
        var rule = Rule("    keywords:\n        - 'Install-TransportAgent'\n    condition: keywords\n");
        var query = Query(Backend(target), rule);
        FlatEvent[] events = [Event(("Payload", "Install-TransportAgent")), Event(("Payload", "x Install-TransportAgent -Name y")), Event(("Payload", "Install-Transport"))];

        Assert.Equal("\\*.keyword:*Install\\-TransportAgent*", query);
        Assert.Equal(Expected(rule, events), LuceneEngine.Run(query, events));
    }

    [Theory]
    [InlineData("es-qs")]
    [InlineData("graylog")]
    public void Lucene_operands_are_grouped_because_the_parser_has_no_precedence(string target)
    {
        var rule = Rule("    sel:\n        Image|endswith: '\\svchost.exe'\n    filter_vs:\n        - CommandLine|contains: 'DismFoD'\n        - ParentCommandLine|contains|all:\n              - 'MsiExec'\n              - 'Global'\n    filter_null:\n        ParentImage: null\n    condition: sel and not 1 of filter_*\n");
        var query = Query(Backend(target), rule);
        FlatEvent[] events =
        [
            Event(("Image", "C:\\svchost.exe"), ("ParentImage", "p"), ("CommandLine", "DismFoD")),
            Event(("Image", "C:\\svchost.exe"), ("ParentImage", "p"), ("ParentCommandLine", "MsiExec Global")),
            Event(("Image", "C:\\svchost.exe"), ("ParentImage", "p"), ("ParentCommandLine", "MsiExec")),
            Event(("Image", "C:\\svchost.exe")),
        ];

        output.WriteLine(query);
        Assert.Equal([2], LuceneEngine.Run(query, events).Order());
        Assert.Equal(Expected(rule, events), LuceneEngine.Run(query, events));
    }

    [Fact]
    public void Es_qs_searches_all_keywords_of_a_map_as_keywords()
    {
        var rule = Rule("    keywords:\n        '|all':\n            - 'Remove-MailboxExportRequest'\n            - ' -Confirm \"False\"'\n    condition: keywords\n");
        var query = Query(Backend("es-qs"), rule);
        FlatEvent[] events = [Event(("Payload", "Remove-MailboxExportRequest -Confirm \"False\"")), Event(("Payload", "Remove-MailboxExportRequest"))];

        Assert.Equal("(\\*.keyword:*Remove\\-MailboxExportRequest* AND \\*.keyword:*\\ \\-Confirm\\ \\\"False\\\"*)", query);
        Assert.Equal(Expected(rule, events), LuceneEngine.Run(query, events));
    }

    [Fact]
    public void Sqlite_doubles_quotes_in_regular_expressions_and_compares_booleans_as_text()
    {
        var rule = Rule("    sel:\n        CommandLine|re: \"\\\\s['\\\"]?C:\"\n        Initiated: true\n    condition: sel\n");
        var query = Query(ModernTargets.Create("pysigma-sqlite").Backend!, rule);
        FlatEvent[] events = [Event(("CommandLine", "copy 'C:\\x"), ("Initiated", "true")), Event(("CommandLine", "copy 'C:\\x"), ("Initiated", "false"))];

        output.WriteLine(query);
        Assert.Contains("''", query, StringComparison.Ordinal);
        Assert.Equal([0], SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events));
        Assert.Equal(Expected(rule, events), SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events));
    }

    [Fact]
    public void Sqlite_runs_value_lists_longer_than_its_expression_depth()
    {
        var values = string.Concat(Enumerable.Range(0, 1500).Select(i => $"\n            - 'v{i:D4}x'"));
        var rule = Rule($"    sel:\n        CommandLine|contains:{values}\n    condition: sel\n");
        var query = Query(ModernTargets.Create("pysigma-sqlite").Backend!, rule);
        FlatEvent[] events = [Event(("CommandLine", "a v1499x b")), Event(("CommandLine", "v1500x"))];

        Assert.Equal([0], SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events));
    }

    [Fact]
    public void Sqlite_cased_value_is_a_glob_without_escape_clause()
    {
        // GLOB takes no ESCAPE clause: SQLite failed with "wrong number of arguments to function GLOB()".
        var rule = Rule("    sel:\n        Image|cased|contains: 'a\\*[b\\?'\n    condition: sel\n");
        var query = Query(Backend("pysigma-sqlite"), rule);
        FlatEvent[] events = [Event(("Image", "xa*[b?y")), Event(("Image", "xA*[B?y")), Event(("Image", "xaZ[bQy")), Event(("Image", "a*[b"))];

        Assert.Equal("SELECT * FROM <TABLE_NAME> WHERE Image GLOB '*a[*][[]b[?]*'", query);
        Assert.Equal([0], SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events));
        Assert.Equal(Expected(rule, events), SqliteEngine.Run(query, EngineTarget.RuleFields(rule), events));
    }

    [Fact]
    public void Lucene_escapes_line_feeds_and_tabs_in_values()
    {
        // Unescaped, 'endswith: "\n"' became 'f:*' and a blank: every event matched.
        var rule = Rule("    sel:\n        f|endswith: \"a\\tb\\n\"\n    condition: sel\n");
        var query = Query(Backend("pysigma-lucene"), rule);
        FlatEvent[] events = [Event(("f", "x a\tb\n")), Event(("f", "a\tb")), Event(("f", "x")), Event(("f", "a b\n"))];

        Assert.Equal("f:*a\\\tb\\\n", query);
        Assert.Equal([0], LuceneEngine.Run(query, events));
        Assert.Equal(Expected(rule, events), LuceneEngine.Run(query, events));
    }

    private static IBackend Backend(string target) =>
        target.StartsWith("pysigma-", StringComparison.Ordinal) ? ModernTargets.Create(target).Backend! : ConversionTargets.Create(target).Backend!;

    private void AssertGrepAgrees(SigmaRule rule, string command, IReadOnlyList<FlatEvent> events)
    {
        if (!GrepEngine.Available)
        {
            output.WriteLine($"grep run skipped: {GrepEngine.Grep} not found");
            return;
        }

        var reading = GrepReading.Of(rule, GrepReading.IsAnchored(GrepEngine.ShellWords(command)[^1]));
        var expected = EvaluatorJudge.Matches(reading, [.. events.Select(GrepReading.LineEvent)], out var refusal) ?? throw new InvalidOperationException(refusal);
        Assert.Equal(expected, GrepEngine.Run(command, events));
    }
}
