using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Tests.Documentation.Attack;

public class AttackTagTests
{
    [Fact]
    public void Technique_tag_resolves_to_its_name()
    {
        var result = AttackTag.Resolve("attack.t1059.001");
        Assert.Equal(AttackTagStatus.Found, result.Status);
        Assert.Equal(AttackObjectKind.Subtechnique, result.Kind);
        Assert.Equal("PowerShell", result.Name);
    }

    [Fact]
    public void Tactic_tag_resolves_to_the_enterprise_tactic()
    {
        var result = AttackTag.Resolve("attack.privilege_escalation");
        Assert.Equal(AttackTagStatus.Found, result.Status);
        Assert.Equal("TA0004", result.Entry!.Id);
    }

    [Fact]
    public void Revoked_technique_tag_is_found_and_says_it_is_revoked()
    {
        var result = AttackTag.Resolve("attack.t1191");
        Assert.Equal(AttackTagStatus.Found, result.Status);
        Assert.True(result.Entry!.IsRevoked);
        Assert.Equal("T1218.003", result.Entry.RevokedBy);
    }

    [Theory]
    [InlineData("attack.t1685", AttackObjectKind.Technique)]
    [InlineData("attack.t1686.001", AttackObjectKind.Subtechnique)]
    [InlineData("attack.stealth", AttackObjectKind.Tactic)]
    [InlineData("attack.defense-impairment", AttackObjectKind.Tactic)]
    public void Tag_from_a_newer_attack_release_is_not_in_the_bundled_version(string tag, AttackObjectKind kind)
    {
        var result = AttackTag.Resolve(tag);
        Assert.Equal(AttackTagStatus.NotInBundledVersion, result.Status);
        Assert.Equal(kind, result.Kind);
        Assert.Equal("18.1", result.BundledVersion);
        Assert.Null(result.Entry);
    }

    [Theory]
    [InlineData("attack.t105")]
    [InlineData("attack.t1059.01")]
    [InlineData("attack.g12345")]
    [InlineData("attack.g0001.001")]
    [InlineData("attack.defense evasion")]
    [InlineData("attack.")]
    [InlineData("attack")]
    [InlineData("car.2016-04-005")]
    public void Tag_of_no_attack_shape_is_malformed(string tag)
    {
        var result = AttackTag.Resolve(tag);
        Assert.Equal(AttackTagStatus.Malformed, result.Status);
        Assert.Null(result.Kind);
    }

    [Fact]
    public void Group_tag_is_found_when_the_table_has_groups_and_newer_when_absent()
    {
        var table = AttackTable.Load(new StringReader(
            "# attack-version: 99.1\nkind\tid\tname\tdomains\ttactics\trevoked\tdeprecated\trevoked_by\tversion\n" +
            "group\tG0069\tMuddyWater\tenterprise\t\tno\tno\t\t5.0\n"));
        Assert.Equal("MuddyWater", AttackTag.Resolve("attack.g0069", table).Name);
        Assert.Equal(AttackTagStatus.NotInBundledVersion, AttackTag.Resolve("attack.g0001", table).Status);
        Assert.Equal(AttackTagStatus.KindNotBundled, AttackTag.Resolve("attack.s0002", table).Status);
    }

    [Fact]
    public void Group_and_software_tags_are_unchecked_when_the_shipped_table_has_none()
    {
        foreach (var tag in new[] { "attack.g0069", "attack.s0002" })
        {
            var result = AttackTag.Resolve(tag);
            var kind = result.Kind!.Value;
            Assert.Equal(AttackTable.Bundled.Covers(kind) ? AttackTagStatus.Found : AttackTagStatus.KindNotBundled, result.Status);
        }
    }
}
