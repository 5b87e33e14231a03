using SigmaSharp.Events;
using static SigmaSharp.Tests.Events.EventFixtures;

namespace SigmaSharp.Tests.Events;

public class SigmaEventFieldAccessTests
{
    private readonly SigmaEvent _sysmon = Single("sysmon_process_creation.json");

    [Fact]
    public void EventData_field_resolves_by_its_Sigma_name() =>
        Assert.Equal(@"C:\Windows\System32\whoami.exe", _sysmon["Image"].First);

    [Fact]
    public void Lookup_ignores_case() => Assert.Equal("whoami /priv", _sysmon["commandline"].First);

    [Fact]
    public void System_fields_resolve_by_their_element_name()
    {
        Assert.Equal("1", _sysmon["EventID"].First);
        Assert.Equal("Microsoft-Windows-Sysmon/Operational", _sysmon["Channel"].First);
        Assert.Equal("ws01.corp.local", _sysmon["Computer"].First);
    }

    [Fact]
    public void Provider_Name_resolves_to_the_provider_attribute() =>
        Assert.Equal("Microsoft-Windows-Sysmon", _sysmon["Provider_Name"].First);

    [Theory]
    [InlineData("Execution_ProcessID", "3544")]
    [InlineData("Security_UserID", "S-1-5-18")]
    [InlineData("TimeCreated_SystemTime", "2025-11-27T07:40:10.165324Z")]
    [InlineData("Event_xmlns", "http://schemas.microsoft.com/win/2004/08/events/event")]
    public void Attributes_resolve_as_element_underscore_attribute(string name, string expected) =>
        Assert.Equal(expected, _sysmon[name].First);

    [Fact]
    public void Full_dotted_path_resolves_exactly()
    {
        Assert.Equal("3544", _sysmon["Event.System.Execution.#attributes.ProcessID"].First);
        Assert.Equal("Event.EventData.Image", _sysmon["Image"].Path);
    }

    [Fact]
    public void Attribute_leaf_name_alone_does_not_resolve_to_the_attribute() =>
        Assert.False(_sysmon["ThreadID"].Exists);

    [Fact]
    public void Ambiguous_leaf_name_prefers_EventData() =>
        Assert.Equal("from-eventdata", _sysmon["Name"].First);

    [Fact]
    public void Text_value_resolves_by_the_element_name()
    {
        var e = Single("security_4624_text.json");
        Assert.Equal("4624", e["EventID"].First);
        Assert.Equal("0", e["EventID_Qualifiers"].First);
    }

    [Fact]
    public void Null_value_exists_and_differs_from_missing_and_from_empty()
    {
        Assert.True(_sysmon["IntegrityLevel"].Exists);
        Assert.Null(_sysmon["IntegrityLevel"].First);
        Assert.Equal(1, _sysmon["IntegrityLevel"].Count);
        Assert.False(_sysmon["NoSuchField"].Exists);
        Assert.Equal(0, _sysmon["NoSuchField"].Count);
        Assert.Equal("", _sysmon["Description"].First);
    }

    [Fact]
    public void Numbers_and_booleans_keep_their_JSON_text()
    {
        Assert.Equal("4460", _sysmon["ProcessId"].First);
        Assert.Equal("true", _sysmon["Signed"].First);
    }

    [Fact]
    public void Escaped_strings_are_unescaped()
    {
        var e = FromJson("""{"a":"x\u0041\"y\\z\n"}""");
        Assert.Equal("xA\"y\\z\n", e["a"].First);
    }

    [Fact]
    public void Array_gives_one_value_per_element()
    {
        var e = FromJson("""{"tags":["a","b",3,null],"list":[{"v":"1"},{"v":"2"}]}""");
        Assert.Equal(new List<string?> { "a", "b", "3", null }, Values(e["tags"]));
        Assert.Equal(new List<string?> { "1", "2" }, Values(e["list.v"]));
        Assert.Equal(new List<string?> { "1", "2" }, Values(e["v"]));
    }

    [Fact]
    public void Empty_array_exists_without_values()
    {
        var e = FromJson("""{"empty":[],"obj":{}}""");
        Assert.True(e["empty"].Exists);
        Assert.Equal(0, e["empty"].Count);
        Assert.True(e["obj"].Exists);
    }

    [Fact]
    public void Plain_JSON_resolves_dotted_path_and_unique_leaf_name()
    {
        var e = FromJson("""{"process":{"command_line":"cmd /c x","name":"cmd.exe"},"host":{"name":"h1"}}""");
        Assert.Equal("cmd /c x", e["process.command_line"].First);
        Assert.Equal("cmd /c x", e["command_line"].First);
        Assert.Equal("h1", e["host.name"].First);
        Assert.Equal("cmd.exe", e["name"].First); // ambiguous outside EventData: first in document order
    }

    [Fact]
    public void Key_containing_a_dot_resolves_by_its_own_name()
    {
        var e = FromJson("""{"id.orig_h":"10.0.0.1"}""");
        Assert.Equal("10.0.0.1", e["id.orig_h"].First);
    }

    [Fact]
    public void Fields_enumerate_in_document_order_with_path_and_Sigma_name()
    {
        var fields = _sysmon.Fields.Take(3).ToArray();
        Assert.Equal(new EventField("Event.#attributes.xmlns", "Event_xmlns", "http://schemas.microsoft.com/win/2004/08/events/event", EventValueKind.String), fields[0]);
        Assert.Equal(new EventField("Event.System.Provider.#attributes.Name", "Provider_Name", "Microsoft-Windows-Sysmon", EventValueKind.String), fields[1]);
    }

    [Fact]
    public void AllValues_covers_every_non_null_value() =>
        Assert.Contains("whoami /priv", _sysmon.AllValues);

    [Fact]
    public void Key_resolved_once_finds_the_field_in_many_events()
    {
        var schema = new EventSchema();
        var key = schema.Field("Image");
        var a = FromJson("""{"Event":{"EventData":{"Image":"a.exe"}}}""", schema);
        var b = FromJson("""{"Image":"b.exe"}""", schema);
        Assert.Equal("a.exe", a.Get(key).First);
        Assert.Equal("b.exe", b.Get(key).First);
    }

    [Fact]
    public void Evtx_timestamp_comes_from_SystemTime() =>
        Assert.Equal(new DateTimeOffset(2025, 11, 27, 7, 40, 10, 165, TimeSpan.Zero).AddTicks(3240), _sysmon.Timestamp);

    [Theory]
    [InlineData("""{"@timestamp":"2024-03-01T10:00:00+02:00"}""", "2024-03-01T08:00:00+00:00")]
    [InlineData("""{"UtcTime":"2024-03-01 10:00:00.000"}""", "2024-03-01T10:00:00+00:00")]
    [InlineData("""{"ts":1700000000.5}""", "2023-11-14T22:13:20.5+00:00")]
    [InlineData("""{"timestamp":1700000000000}""", "2023-11-14T22:13:20+00:00")]
    public void Timestamp_is_read_from_common_fields(string json, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FromJson(json).Timestamp);

    [Fact]
    public void Timestamp_fields_can_be_overridden()
    {
        var schema = new EventSchema(timestampFields: ["when"]);
        Assert.Equal(2020, FromJson("""{"when":"2020-01-01T00:00:00Z","@timestamp":"2024-01-01T00:00:00Z"}""", schema).Timestamp?.Year);
        Assert.Null(FromJson("""{"@timestamp":"2024-01-01T00:00:00Z"}""", schema).Timestamp);
    }

    [Fact]
    public void Computer_comes_from_the_host_fields()
    {
        Assert.Equal("ws01.corp.local", _sysmon.Computer);
        Assert.Equal("web01", FromJson("""{"host":{"name":"web01"}}""").Computer);
    }

    private static List<string?> Values(FieldValues values)
    {
        var list = new List<string?>();
        foreach (var v in values)
        {
            list.Add(v);
        }
        return list;
    }
}
