using SigmaSharp.Events;
using static SigmaSharp.Tests.Events.EventFixtures;

namespace SigmaSharp.Tests.Events;

public class FieldMappingTests
{
    [Fact]
    public void Mapped_rule_field_finds_the_differently_named_event_field()
    {
        Assert.True(FieldMapping.TryLoad(PathOf("mapping.yml"), out var mapping, out _));
        var schema = new EventSchema(mapping);
        var e = FromJson("""{"Event":{"EventData":{"NewProcessName":"C:\\x.exe"}}}""", schema);
        Assert.Equal(@"C:\x.exe", e["Image"].First);
    }

    [Fact]
    public void Alternatives_are_tried_in_order_then_the_rule_name_itself()
    {
        Assert.True(FieldMapping.TryLoad(PathOf("mapping.yml"), out var mapping, out _));
        var schema = new EventSchema(mapping);
        Assert.Equal("ecs", FromJson("""{"process":{"command_line":"ecs"},"CommandLine":"own"}""", schema)["CommandLine"].First);
        Assert.Equal("own", FromJson("""{"CommandLine":"own"}""", schema)["CommandLine"].First);
    }

    [Fact]
    public void Sigmac_style_fieldmappings_key_is_accepted()
    {
        Assert.True(FieldMapping.TryParse("fieldmappings:\n  Image: NewProcessName\n", "m.yml", out var mapping, out _));
        Assert.Equal(["NewProcessName"], mapping!.AlternativesFor("image"));
    }

    [Fact]
    public void Bad_mapping_file_reports_file_line_and_column()
    {
        Assert.False(FieldMapping.TryLoad(PathOf("bad_mapping.yml"), out _, out var error));
        Assert.Equal(3, error!.Position.Line);
        Assert.EndsWith("bad_mapping.yml", error.Position.File);
        Assert.Contains("bad_mapping.yml:3:", error.ToString());
    }

    [Fact]
    public void Invalid_YAML_reports_its_position()
    {
        Assert.False(FieldMapping.TryParse("a: [b\n", "m.yml", out _, out var error));
        Assert.Equal("m.yml", error!.Position.File);
        Assert.True(error.Position.Line >= 1);
    }
}
