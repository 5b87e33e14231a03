using System.Text;
using SigmaSharp.Documentation.Attack;

namespace SigmaSharp.Tests.Documentation.Attack;

public class AttackTableGeneratorTests
{
    private static readonly string[] Bundles = [RepositoryPaths.Fixture("mini-enterprise.json"), RepositoryPaths.Fixture("mini-mobile.json")];

    private static string Generate(IEnumerable<string> bundles, string? version = null)
    {
        using var writer = new StringWriter();
        AttackTableGenerator.Generate(bundles, writer, version);
        return writer.ToString();
    }

    private static AttackTable Table() => AttackTable.Load(new StringReader(Generate(Bundles)));

    [Fact]
    public void Version_comes_from_the_bundles_collection_object()
    {
        Assert.Equal("99.1", Table().Version);
        Assert.Contains("# attack-version: 99.1\n", Generate(Bundles), StringComparison.Ordinal);
    }

    [Fact]
    public void Header_carries_MITRE_copyright_permission_license_and_trademark()
    {
        var text = Generate(Bundles);
        Assert.Contains("# © 2015-2030 The MITRE Corporation. This work is reproduced and distributed with the permission of The MITRE Corporation.", text, StringComparison.Ordinal);
        Assert.Contains("ATT&CK® is a registered trademark of The MITRE Corporation.", text, StringComparison.Ordinal);
        Assert.Contains("non-exclusive, royalty-free license", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_hold_facts_only_never_descriptions_or_references()
    {
        var text = Generate(Bundles);
        Assert.DoesNotContain("Must not reach the table", text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.invalid", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Technique_and_its_sub_technique_keep_their_tactics_and_sort_together()
    {
        var table = Table();
        var ids = table.Entries.Select(e => e.Id).ToList();
        Assert.Equal(ids.IndexOf("T1548") + 1, ids.IndexOf("T1548.002"));
        var sub = table.Find("T1548.002")!;
        Assert.Equal(AttackObjectKind.Subtechnique, sub.Kind);
        Assert.Equal(["defense-evasion", "privilege-escalation"], sub.Tactics.ToArray());
        Assert.Equal(["TA0005", "TA0004"], table.TacticsOf(sub).Select(t => t.Id));
    }

    [Fact]
    public void Revoked_technique_keeps_its_name_and_points_to_its_successor()
    {
        var table = Table();
        var revoked = table.Find("T1088")!;
        Assert.Equal("Bypass User Account Control", revoked.Name);
        Assert.True(revoked.IsRevoked);
        Assert.Equal("T1548.002", revoked.RevokedBy);
        Assert.Equal("T1548.002", table.Current(revoked)!.Id);
    }

    [Fact]
    public void Deprecated_technique_is_flagged_and_has_no_successor()
    {
        var deprecated = Table().Find("T1099")!;
        Assert.True(deprecated.IsDeprecated);
        Assert.False(deprecated.IsRevoked);
        Assert.Null(deprecated.RevokedBy);
        Assert.Equal("Old Way Of Hiding", deprecated.Name);
    }

    [Fact]
    public void Mitigation_numbered_like_a_technique_does_not_shadow_the_technique()
    {
        Assert.Equal(AttackObjectKind.Technique, Table().Find("T1088")!.Kind);
        Assert.DoesNotContain("T1088 Mitigation", Generate(Bundles), StringComparison.Ordinal);
    }

    [Fact]
    public void Object_in_two_bundles_becomes_one_row_with_both_domains()
    {
        var table = Table();
        Assert.Single(table.Entries, e => e.Id == "G9999");
        Assert.Equal(AttackDomains.Enterprise | AttackDomains.Mobile, table.Find("g9999")!.Domains);
    }

    [Fact]
    public void Shared_tactic_shortname_resolves_to_enterprise_first_and_to_the_own_matrix_for_techniques()
    {
        var table = Table();
        Assert.Equal(["TA0004", "TA0029"], table.FindTactics("privilege_escalation").Select(t => t.Id));
        Assert.Equal("TA0029", Assert.Single(table.TacticsOf(table.Find("T1404")!)).Id);
    }

    [Fact]
    public void Output_is_identical_whatever_the_order_of_the_bundles()
    {
        Assert.Equal(Generate(Bundles), Generate(Bundles.Reverse()));
    }

    [Fact]
    public void Version_falls_back_to_the_given_one_when_bundles_carry_none()
    {
        const string bundle = """{"type":"bundle","objects":[{"type":"x-mitre-tactic","id":"x-mitre-tactic--1","name":"Stealth","x_mitre_shortname":"stealth","x_mitre_domains":["enterprise-attack"],"x_mitre_version":"1.0","external_references":[{"source_name":"mitre-attack","external_id":"TA0005"}],"modified":"2026-04-01T00:00:00.000Z"}]}""";
        var read = StixBundleReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(bundle)));
        using var writer = new StringWriter();
        AttackTableGenerator.Write([("enterprise-attack.json", read)], writer, "19.0");
        var table = AttackTable.Load(new StringReader(writer.ToString()));
        Assert.Equal("19.0", table.Version);
        Assert.Equal("Stealth", table.FindTactic("attack.stealth")!.Name);
        Assert.Contains("# © 2026 The MITRE Corporation.", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_writes_the_table_file_and_rejects_missing_arguments()
    {
        var output = Path.Combine(Path.GetTempPath(), $"attack-{Guid.NewGuid():N}.tsv");
        try
        {
            using var error = new StringWriter();
            Assert.Equal(2, AttackTableGenerator.Run(["-o", output], error));
            Assert.Contains("usage", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, AttackTableGenerator.Run([.. Bundles, "-o", output], error));
            Assert.Equal(Generate(Bundles), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
