using SigmaSharp.Conversion;
using SigmaSharp.Parsing;

namespace SigmaSharp.Tests.Conversion;

/// <summary>
/// The seed's CMSTP rule to all seven targets. Expected texts are the seed's with its doubled backslashes undone,
/// adjusted by the documented differences (splunk's extra parentheses, grep -i, watcher 'name' - all later sigmac;
/// grep and powershell escaping, grep's tests made at the line start - our fixes, docs/sigmac-differences.md).
/// </summary>
public sealed class SeedConversionTests
{
    public static TheoryData<string, string> Expected => new()
    {
        { "powershell", """Get-WinEvent | where {($_.message -match "Image.*.*\\cmstp\.exe" -and ($_.message -match "CommandLine.*.*/s.*" -or $_.message -match "CommandLine.*.*/au.*")) } | select TimeCreated,Id,RecordId,ProcessId,MachineName,Message""" },
        { "es-qs", """(winlog.event_data.Image.keyword:*\\cmstp.exe AND winlog.event_data.CommandLine.keyword:(*\/s* OR *\/au*))""" },
        { "graylog", """(Image.keyword:*\\cmstp.exe AND CommandLine.keyword:(*\/s* *\/au*))""" },
        { "splunk", """((Image="*\\cmstp.exe" (CommandLine="*/s*" OR CommandLine="*/au*"))) | table ComputerName,User,CommandLine""" },
        { "logpoint", """(Image="*\\cmstp.exe" CommandLine IN ["*/s*", "*/au*"])""" },
        { "grep", """grep -P -i '^(?=.*\\cmstp\.exe)(?=(?:.*/s.*|.*/au.*))'""" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Cmstp_rule_converts_as_in_the_seed(string target, string expected)
    {
        var rule = RuleLoader.Load([ConversionPaths.Fixture("bypass_uac_via_cmstp.yml")]).Rules.Single();
        var (backend, _) = ConversionTargets.CreateWithDefaultConfig(target);
        var result = backend!.Convert(rule);
        Assert.True(result.IsConverted, string.Join("; ", result.Diagnostics));
        Assert.Equal(expected, Assert.Single(result.Queries));
    }

    [Fact]
    public void Cmstp_watch_names_the_rule_and_lists_fields_in_the_mail_body()
    {
        var rule = RuleLoader.Load([ConversionPaths.Fixture("bypass_uac_via_cmstp.yml")]).Rules.Single();
        var (backend, _) = ConversionTargets.CreateWithDefaultConfig("xpack-watcher");
        var watch = Assert.Single(backend!.Convert(rule).Queries);
        Assert.StartsWith("curl -s -XPUT -H 'Content-Type: application/json' --data-binary @- localhost:9200/_watcher/watch/e66779cc-383e-4224-a3a4-267eeb585c40 <<EOF\n{\n  \"metadata\": {\n    \"name\": \"Bypass UAC via CMSTP\",", watch, StringComparison.Ordinal);
        Assert.Contains("\"query\": \"(winlog.event_data.Image.keyword:*\\\\\\\\cmstp.exe AND winlog.event_data.CommandLine.keyword:(*\\\\/s* OR *\\\\/au*))\"", watch, StringComparison.Ordinal);
        Assert.Contains("Hit on {{_source.@timestamp}}:\\nComputerName = {{_source.ComputerName}}\\n        User = {{_source.User}}\\n CommandLine = {{_source.CommandLine}}=====", watch, StringComparison.Ordinal);
        Assert.Equal(watch, backend.Finalize());
    }
}
