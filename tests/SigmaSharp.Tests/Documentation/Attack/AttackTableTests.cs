using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Tests.Documentation.Attack;

/// <summary>Lookups against the table the library ships (ATT&amp;CK v18.1).</summary>
public class AttackTableTests
{
    private static AttackTable Table => AttackTable.Bundled;

    [Fact]
    public void Shipped_table_is_embedded_under_its_data_resource_names()
    {
        var names = typeof(AttackTable).Assembly.GetManifestResourceNames();
        Assert.Contains("SigmaSharp.data.attack.tsv", names);
        Assert.Contains("SigmaSharp.data.car.tsv", names);
        Assert.Contains("SigmaSharp.data.d3fend.tsv", names);
    }

    [Fact]
    public void Shipped_table_states_its_attack_version()
    {
        Assert.Equal("18.1", Table.Version);
        Assert.True(Table.Entries.Length > 1000);
    }

    [Theory]
    [InlineData("TA0004", "Privilege Escalation")]
    [InlineData("ta0005", "Defense Evasion")]
    [InlineData("T1548.002", "Bypass User Account Control")]
    [InlineData("T1218.003", "CMSTP")]
    [InlineData("t1059.001", "PowerShell")]
    [InlineData("DS0009", "Process")]
    public void Object_is_found_by_id_ignoring_case(string id, string name)
    {
        Assert.Equal(name, Table.Find(id)?.Name);
    }

    [Theory]
    [InlineData("T1191", "CMSTP", "T1218.003")]
    [InlineData("T1088", "Bypass User Account Control", "T1548.002")]
    public void Revoked_technique_keeps_its_name_and_points_to_its_successor(string id, string name, string successor)
    {
        var entry = Table.Find(id)!;
        Assert.Equal(name, entry.Name);
        Assert.True(entry.IsRevoked);
        Assert.False(entry.IsCurrent);
        Assert.Equal(successor, entry.RevokedBy);
        Assert.True(Table.Current(entry)!.IsCurrent);
    }

    [Theory]
    [InlineData("attack.privilege_escalation")]
    [InlineData("attack.privilege-escalation")]
    [InlineData("privilege_escalation")]
    [InlineData("Privilege-Escalation")]
    public void Sigma_tactic_tag_finds_the_enterprise_tactic_in_either_spelling(string tag)
    {
        var tactic = Table.FindTactic(tag)!;
        Assert.Equal("TA0004", tactic.Id);
        Assert.Equal("Privilege Escalation", tactic.Name);
    }

    [Fact]
    public void Technique_lists_its_tactics_by_name()
    {
        var tactics = Table.TacticsOf(Table.Find("T1548.002")!).Select(t => t.Name);
        Assert.Equal(["Defense Evasion", "Privilege Escalation"], tactics);
    }

    [Fact]
    public void Current_object_is_its_own_current_version()
    {
        var entry = Table.Find("T1059")!;
        Assert.Same(entry, Table.Current(entry));
    }

    [Fact]
    public void Unknown_id_is_not_found()
    {
        Assert.Null(Table.Find("T9999"));
        Assert.Empty(Table.FindTactics("stealth"));
    }
}
