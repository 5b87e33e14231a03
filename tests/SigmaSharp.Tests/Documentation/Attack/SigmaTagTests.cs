using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Tests.Documentation.Attack;

public class SigmaTagTests
{
    [Theory]
    [InlineData("attack.t1548.002", "Bypass User Account Control")]
    [InlineData("car.2016-04-005", "Remote Desktop Logon")]
    [InlineData("d3fend.d3-am", "Access Modeling")]
    [InlineData("d3fend.harden", "Harden")]
    [InlineData("tlp.amber-strict", "TLP:AMBER+STRICT")]
    [InlineData("tlp.clear", "TLP:CLEAR")]
    [InlineData("detection.threat-hunting", "Threat hunting")]
    public void Tag_known_to_the_shipped_data_has_a_name(string tag, string name)
    {
        var result = SigmaTag.Resolve(tag);
        Assert.Equal(SigmaTagStatus.Known, result.Status);
        Assert.Equal(name, result.Name);
    }

    [Theory]
    [InlineData("cve.2021-44228", SigmaTagStatus.WellFormed)]
    [InlineData("cve.2021.3156", SigmaTagStatus.Malformed)]
    [InlineData("stp.3k", SigmaTagStatus.WellFormed)]
    [InlineData("stp.4", SigmaTagStatus.WellFormed)]
    [InlineData("stp.6", SigmaTagStatus.Malformed)]
    [InlineData("d3fend.d3f-WindowsNtOpenFile", SigmaTagStatus.WellFormed)]
    [InlineData("d3fend.d3-zzzzz", SigmaTagStatus.NotInBundledData)]
    [InlineData("car.2099-01-001", SigmaTagStatus.NotInBundledData)]
    [InlineData("car.2016-4-5", SigmaTagStatus.Malformed)]
    [InlineData("attack.t1685", SigmaTagStatus.NotInBundledData)]
    [InlineData("attack.t10", SigmaTagStatus.Malformed)]
    [InlineData("tlp.purple", SigmaTagStatus.UnknownValue)]
    [InlineData("detection.production", SigmaTagStatus.UnknownValue)]
    [InlineData("mitre.t1059", SigmaTagStatus.UnknownNamespace)]
    [InlineData("attack", SigmaTagStatus.Malformed)]
    [InlineData(".t1059", SigmaTagStatus.Malformed)]
    public void Tag_is_checked_against_its_namespace_rules(string tag, SigmaTagStatus status)
    {
        Assert.Equal(status, SigmaTag.Resolve(tag).Status);
    }

    [Fact]
    public void Attack_tag_result_carries_the_attack_details()
    {
        var result = SigmaTag.Resolve("attack.t1088");
        Assert.Equal("attack", result.Namespace);
        Assert.True(result.Attack!.Entry!.IsRevoked);
    }
}
