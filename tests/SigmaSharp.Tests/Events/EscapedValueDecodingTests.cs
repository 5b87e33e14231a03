using System.Text;
using System.Text.Json;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Events;

/// <summary>Escaped string values decode exactly as a JSON reader decodes them, with or without its help.</summary>
public class EscapedValueDecodingTests
{
    [Theory]
    [InlineData("""C:\\Windows\\System32\\cmd.exe""")]
    [InlineData("""say \"hi\" \/ \b\f\n\r\t end""")]
    [InlineData("""\\\\server\\share\\""")]
    [InlineData("""Microsoft® Windows® \\ ä""")]
    [InlineData("""\u00e4\\x""")]
    [InlineData("""\ud83d\ude00 and \\""")]
    [InlineData("""\\""")]
    [InlineData("\\\"")]
    public void Escaped_value_decodes_as_the_json_reader_decodes_it(string contents)
    {
        var json = "{\"v\":\"" + contents + "\"}";
        var expected = JsonDocument.Parse(json).RootElement.GetProperty("v").GetString();
        var e = EventBuilder.Build(Encoding.UTF8.GetBytes(json), new EventSchema());
        Assert.Equal(expected, e["v"].First);
    }

    [Fact]
    public void Long_escaped_value_decodes_through_the_json_reader()
    {
        var contents = string.Concat(Enumerable.Repeat("a\\\\b", TwoCharacterEscapes.MaxLength));
        var json = "{\"v\":\"" + contents + "\"}";
        var e = EventBuilder.Build(Encoding.UTF8.GetBytes(json), new EventSchema());
        Assert.Equal(JsonDocument.Parse(json).RootElement.GetProperty("v").GetString(), e["v"].First);
        Assert.Null(TwoCharacterEscapes.TryDecode(Encoding.UTF8.GetBytes(contents)));
    }
}
