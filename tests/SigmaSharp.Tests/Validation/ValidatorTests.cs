using SigmaSharp.Rules;
using SigmaSharp.Validation;
using Xunit;
using static SigmaSharp.Tests.Validation.RuleTexts;

namespace SigmaSharp.Tests.Validation;

public sealed class ValidatorTests
{
    /// <summary>Per validator: a rule that shows the problem (positive) and one that is nearly the same but fine (negative).</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "SIG250", WithDetection("selection:\n    Image|endswith: '\\foo\\*.exe'\ncondition: selection"), WithDetection("selection:\n    Image|endswith: '\\foo\\bar.exe'\ncondition: selection") },
        { "SIG251", WithDetection("selection:\n    EventID: '4688'\ncondition: selection"), WithDetection("selection:\n    EventID: 4688\ncondition: selection") },
        { "SIG252", WithLogSource("product: windows\nservice: sysmon").Replace("Image|endswith: '\\cmd.exe'", "EventID: 1", StringComparison.Ordinal), WithLogSource("product: windows\nservice: sysmon").Replace("Image|endswith: '\\cmd.exe'", "EventID: 300", StringComparison.Ordinal) },
        { "SIG253", WithDetection("selection:\n    Image|endswith: '**\\cmd.exe'\ncondition: selection"), WithDetection("selection:\n    Image|endswith: '*\\cmd.exe'\ncondition: selection") },
        { "SIG254", WithDetection("selection:\n    Image: \"C:\\temp\\a.exe\"\ncondition: selection"), WithDetection("selection:\n    Image: 'C:\\temp\\a.exe'\ncondition: selection") },
        { "SIG255", WithDetection("selection:\n    CommandLine:\n        - '*foo*'\n        - '*bar*'\ncondition: selection"), WithDetection("selection:\n    CommandLine:\n        - '*foo*'\n        - 'bar'\ncondition: selection") },
        { "SIG256", WithDetection("selection:\n    Image|all:\n        - 'a.exe'\n        - 'b.exe'\ncondition: selection"), WithDetection("selection:\n    Image|contains|all:\n        - 'a'\n        - 'b'\ncondition: selection") },
        { "SIG257", WithDetection("selection:\n    CommandLine|contains|all: 'foo'\ncondition: selection"), WithDetection("selection:\n    CommandLine|contains|all:\n        - 'foo'\n        - 'bar'\ncondition: selection") },
        { "SIG258", WithDetection("selection:\n    CommandLine|base64offset: 'foo'\ncondition: selection"), WithDetection("selection:\n    CommandLine|base64offset|contains: 'foo'\ncondition: selection") },
        { "SIG259", WithDetection("selection:\n    CommandLine|windash|contains|all:\n        - '-a'\n        - '-b'\ncondition: selection"), WithDetection("selection:\n    CommandLine|windash|contains:\n        - '-a'\n        - '-b'\ncondition: selection") },
        { "SIG260", WithDetection("selection:\n    CommandLine|re: 'a(b'\ncondition: selection"), WithDetection("selection:\n    CommandLine|re: 'a(b)'\ncondition: selection") },
        { "SIG261", WithDetection("selection:\n    CommandLine|re: 'a(?=b)'\ncondition: selection"), WithDetection("selection:\n    CommandLine|re: 'a(?:b)[?=]'\ncondition: selection") },
        { "SIG262", WithDetection("selection:\n    CommandLine|contains: '%domain%'\ncondition: selection"), WithDetection("selection:\n    CommandLine|contains|expand: '%domain%'\ncondition: selection") },
        { "SIG263", WithDetection("selection:\n    Image:\n        - 'a.exe'\n        - 'A.EXE'\ncondition: selection"), WithDetection("selection:\n    Image|cased:\n        - 'a.exe'\n        - 'A.EXE'\ncondition: selection") },
        { "SIG264", WithDetection("selection:\n    - Image: 'a.exe'\n      User: 'x'\n    - User: 'x'\n      Image: 'a.exe'\ncondition: selection"), WithDetection("selection:\n    - Image: 'a.exe'\n      User: 'x'\n    - Image: 'a.exe'\n      User: 'y'\ncondition: selection") },
        { "SIG265", WithDetection("selection:\n    'Image Path': 'a.exe'\ncondition: selection"), WithDetection("selection:\n    ImagePath: 'a.exe'\ncondition: selection") },
        { "SIG350", WithDetection("selection:\n    Image: 'a.exe'\nfilter:\n    User: 'x'\ncondition: selection"), WithDetection("selection:\n    Image: 'a.exe'\nfilter:\n    User: 'x'\ncondition: selection and not filter") },
        { "SIG351", WithDetection("selection:\n    Image: 'a.exe'\nselection_user:\n    User: 'x'\ncondition: all of them"), WithDetection("selection:\n    Image: 'a.exe'\nselection_user:\n    User: 'x'\ncondition: all of selection*") },
        { "SIG352", WithDetection("selection:\n    Image: 'a.exe'\ncondition: 1 of them"), WithDetection("selection:\n    Image: 'a.exe'\nselection_user:\n    User: 'x'\ncondition: 1 of them") },
        { "SIG400", With("id: 5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10\n", string.Empty), Clean },
        { "SIG402", With("5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10", "my-rule-1"), Clean },
        { "SIG403", With("5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10", "5f0a4ae6-3b1f-1d8e-9a51-2c7b4c1e9d10"), Clean },
        { "SIG405", With("    - https://example.org/report\n", "    - https://example.org/report\n    - https://example.org/report\n"), Clean },
        { "SIG409", Clean + "\nrealted:\n    - id: 5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d11\n      type: similar\n", Clean + "\nx_custom: 1\n" },
        { "SIG410", With("modified: 2024-02-03", "modified: 2024-02-31"), Clean },
        { "SIG411", With("modified: 2024-02-03", "modified: 2024/02/03"), Clean },
        { "SIG412", With("modified: 2024-02-03", "modified: 2023-12-31"), Clean },
        { "SIG413", With("modified: 2024-02-03", "modified: 2027-02-03"), Clean },
        { "SIG414", With("status: test\n", "related:\n    - id: 5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10\n      type: derived\nstatus: test\n"), With("status: test\n", "related:\n    - id: 5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d11\n      type: derived\nstatus: test\n") },
        { "SIG415", With("Suspicious Test Activity", "Suspicious " + new string('X', 250)), Clean },
        { "SIG416", With("Suspicious Test Activity", "Suspicious test activity"), With("Suspicious Test Activity", "Suspicious Use of cmd.exe via Test") },
        { "SIG417", With("description: Detects a test.\n", string.Empty), Clean },
        { "SIG418", With("falsepositives:\n    - Unknown\n", string.Empty), Clean },
        { "SIG419", With("level: high", string.Empty), Clean },
        { "SIG420", With("status: test\n", string.Empty), Clean },
        { "SIG421", With("date: 2024-01-02\nmodified: 2024-02-03\n", string.Empty), Clean },
        { "SIG422", With("author: Tester\n", string.Empty), Clean },
        { "SIG423", With("    - Unknown", "    - Pentest"), With("    - Unknown", "    - Admin scripts") },
        { "SIG424", With("    - https://example.org/report", "    - Internal Research"), Clean },
        { "SIG425", With("    - https://example.org/report", "    - https://attack.mitre.org/techniques/T1059/"), Clean },
        { "SIG426", With("    - https://example.org/report", "    - https://github.com/owner/repo/blob/main/x.ps1"), With("    - https://example.org/report", "    - https://github.com/owner/repo/blob/0123abc/x.ps1") },
        { "SIG427", WithLogSource("category: process_creation\nproduct: windows\nversion: 10"), Clean },
        { "SIG440", With("    - attack.execution", "    - Attack.Execution"), Clean },
        { "SIG441", With("    - attack.execution", "    - mytags.execution"), Clean },
        { "SIG442", With("    - attack.execution", "    - attack.execution\n    - attack.execution"), Clean },
        { "SIG443", With("    - attack.t1059.001", "    - attack.t1000"), With("    - attack.t1059.001", "    - attack.t1001") },
        { "SIG444", With("    - attack.t1059.001", "    - attack.t1685"), With("    - attack.t1059.001", "    - attack.t1059") },
        { "SIG445", With("    - attack.t1059.001", "    - attack.ds0005"), Clean },
        { "SIG446", With("    - attack.t1059.001", "    - d3fend.d3-nosuchthing"), With("    - attack.t1059.001", "    - d3fend.d3f-ProcessImage") },
        { "SIG447", With("    - attack.t1059.001", "    - tlp.purple"), With("    - attack.t1059.001", "    - tlp.amber-strict") },
        { "SIG448", With("    - attack.t1059.001", "    - car.2016-4-5"), With("    - attack.t1059.001", "    - car.2013-05-002") },
        { "SIG449", With("    - attack.t1059.001", "    - cve.2021.3156"), With("    - attack.t1059.001", "    - cve.2021-3156") },
        { "SIG450", With("    - attack.t1059.001", "    - detection.hunting"), With("    - attack.t1059.001", "    - detection.threat-hunting") },
        { "SIG451", With("    - attack.t1059.001", "    - stp.6"), With("    - attack.t1059.001", "    - stp.3k") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validator_reports_the_positive_rule_and_accepts_the_negative_one(string code, string positive, string negative)
    {
        Assert.Contains(Validate(positive), d => d.Code == code);
        Assert.DoesNotContain(Validate(negative), d => d.Code == code);
    }

    [Fact]
    public void Clean_rule_has_no_findings() => Assert.Empty(Validate(Clean));

    [Fact]
    public void Every_validator_has_a_unit_case()
    {
        var covered = Cases.Select(c => (string)c[0]).Concat(["SIG401", "SIG404", "SIG406", "SIG407", "SIG408"]).ToHashSet();
        Assert.DoesNotContain(ValidatorRegistry.All, v => !covered.Contains(v.Code));
    }

    [Fact]
    public void Identifier_uniqueness_reports_every_copy_across_files()
    {
        var findings = Validate(("proc_creation_win_first_rule.yml", Clean), ("proc_creation_win_other_rule.yml", With("Suspicious Test Activity", "Another Test Activity")));
        Assert.Equal(2, findings.Count(d => d.Code == "SIG401"));
        Assert.DoesNotContain(Validate(("proc_creation_win_first_rule.yml", Clean)), d => d.Code == "SIG401");
    }

    [Fact]
    public void Duplicate_title_reports_both_rules()
    {
        var findings = Validate(("proc_creation_win_first_rule.yml", Clean), ("proc_creation_win_other_rule.yml", With("5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10", "5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d11")));
        Assert.Equal(2, findings.Count(d => d.Code == "SIG404"));
        Assert.DoesNotContain(findings, d => d.Code == "SIG401");
    }

    [Fact]
    public void Duplicate_filename_compares_file_names_across_folders()
    {
        var other = With("5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d10", "5f0a4ae6-3b1f-4d8e-9a51-2c7b4c1e9d11").Replace("Suspicious Test", "Other Test", StringComparison.Ordinal);
        Assert.Equal(2, Validate(("a/" + FileName, Clean), ("b/" + FileName, other)).Count(d => d.Code == "SIG406"));
        Assert.DoesNotContain(Validate(("a/" + FileName, Clean), ("b/proc_creation_win_other.yml", other)), d => d.Code == "SIG406");
    }

    [Theory]
    [InlineData("short.yml", true)]
    [InlineData("proc_creation_win_test_rule.yml", false)]
    public void Filename_length_is_between_10_and_90(string name, bool reported) =>
        Assert.Equal(reported, Validate(Clean, name).Any(d => d.Code == "SIG407"));

    [Theory]
    [InlineData("proc_creation_lnx_test_rule.yml", true)]
    [InlineData("Proc_Creation_Win_Test.yml", true)]
    [InlineData("proc_creation_win_test.yaml", true)]
    [InlineData("proc_creation_win_test_rule.yml", false)]
    public void Filename_follows_the_sigmahq_prefix_for_the_log_source(string name, bool reported) =>
        Assert.Equal(reported, Validate(Clean, name).Any(d => d.Code == "SIG408"));

    [Fact]
    public void Tag_findings_point_at_the_tag()
    {
        var finding = Assert.Single(Validate(With("    - attack.t1059.001", "    - attack.t1685")), d => d.Code == "SIG444");
        Assert.Equal(new SourcePosition(FileName, 12, 7), finding.Position);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Value_findings_point_at_the_detection_item()
    {
        var finding = Assert.Single(Validate(WithDetection("selection:\n    EventID: '4688'\ncondition: selection")), d => d.Code == "SIG251");
        Assert.Equal(new SourcePosition(FileName, 18, 9), finding.Position);
    }

    [Fact]
    public void Number_as_string_follows_python_int_syntax()
    {
        Assert.True(Detection_NumberAsString("-12"));
        Assert.True(Detection_NumberAsString("1_000"));
        Assert.False(Detection_NumberAsString("1__0"));
        Assert.False(Detection_NumberAsString("0x10"));
        Assert.False(Detection_NumberAsString("1.5"));

        static bool Detection_NumberAsString(string text) => SigmaSharp.Validation.Detection.NumberAsStringValidator.IsInteger(text);
    }

    [Fact]
    public void Escaped_wildcards_inside_windash_expansions_are_not_counted_as_pysigma_does()
    {
        Assert.DoesNotContain(Validate(WithDetection("selection:\n    CommandLine|windash|contains: '-foo\\*'\ncondition: selection")), d => d.Code == "SIG250");
    }

    [Fact]
    public void Specific_logsource_ignores_quoted_event_ids_and_other_fields()
    {
        var sysmon = WithLogSource("product: windows\nservice: sysmon");
        Assert.DoesNotContain(Validate(sysmon.Replace("Image|endswith: '\\cmd.exe'", "EventID: '1'", StringComparison.Ordinal)), d => d.Code == "SIG252");
        Assert.DoesNotContain(Validate(sysmon.Replace("Image|endswith: '\\cmd.exe'", "EventId: 1", StringComparison.Ordinal)), d => d.Code == "SIG252");
        Assert.Contains(Validate(WithLogSource("product: windows\nservice: security").Replace("Image|endswith: '\\cmd.exe'", "EventID: 4688", StringComparison.Ordinal)), d => d.Code == "SIG252");
    }
}
