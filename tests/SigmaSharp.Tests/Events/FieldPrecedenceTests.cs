using System.Text;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Events;

/// <summary>
/// Which entry a name resolves to when several could: a fresh event searches on demand, a reused
/// event decides for all its names when it is filled; both must give the class remarks' answer.
/// </summary>
public class FieldPrecedenceTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // The full path of one entry beats the Sigma name of another, even one that comes first.
        { """{"A":{"Image":"nested"},"Image":"top"}""", "Image", "Image", "top" },
        { """{"X":{"A.B":"dotted key"},"A":{"B":"path"}}""", "A.B", "A.B", "path" },
        { """{"A":{"B":"path"},"X":{"A.B":"dotted key"}}""", "a.b", "A.B", "path" },
        // Sigma names of different ranks: EventData/UserData, then System, then the rest.
        { """{"Event":{"System":{"Image":"sys"},"EventData":{"Image":"data"}}}""", "Image", "Event.EventData.Image", "data" },
        { """{"X":{"Image":"other"},"Event":{"System":{"Image":"sys"}}}""", "Image", "Event.System.Image", "sys" },
        { """{"X":{"Image":"other"},"Event":{"UserData":{"Image":"user"}},"Y":{"Image":"later"}}""", "Image", "Event.UserData.Image", "user" },
        // Ties: the first in document order, with every value of its path.
        { """{"X":{"Image":"x1"},"Y":{"Image":"y1"}}""", "Image", "X.Image", "x1" },
        { """{"Event":{"EventData":{"Image":"d1"},"UserData":{"Image":"u1"}}}""", "Image", "Event.EventData.Image", "d1" },
        { """{"X":{"Image":["a","b"]},"Y":{"Image":"c"},"X2":{"Image":"d"}}""", "Image", "X.Image", "a|b" },
        // A full path that repeats (array elements) starts at its first entry.
        { """{"T":[{"Image":"e1"},{"Image":"e2"}],"Image2":{"Image":"f"}}""", "T.Image", "T.Image", "e1|e2" },
        // XML attributes: element_attribute, and #text by its element.
        { """{"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":"0"},"#text":"4624"}}},"EventID":"top"}""", "EventID", "EventID", "top" },
        { """{"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":"0"},"#text":"4624"}}}}""", "EventID", "Event.System.EventID.#text", "4624" },
        { """{"Event":{"System":{"EventID":{"#attributes":{"Qualifiers":"0"},"#text":"4624"}}}}""", "EventID_Qualifiers", "Event.System.EventID.#attributes.Qualifiers", "0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fresh_event_resolves_names_by_precedence(string json, string name, string path, string values)
    {
        var e = EventBuilder.Build(Encoding.UTF8.GetBytes(json), new EventSchema());
        Assert.Equal(path, e[name].Path);
        Assert.Equal(values, string.Join('|', Values(e[name])));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reused_event_resolves_names_by_precedence(string json, string name, string path, string values)
    {
        var schema = new EventSchema();
        // The event object is filled three times: the case, another event, the case again.
        var text = json + "\n" + """{"Image":"other","Event":{"EventData":{"Image":"x"}}}""" + "\n" + json;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        SigmaEvent? reused = null;
        var checkedCount = 0;
        foreach (var batch in EventReader.ReadBatches(stream, "lines", new EventReaderOptions { Schema = schema }))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var e = batch.TryParseInto(i, ref reused)!;
                if (i % 2 == 0)
                {
                    Assert.Equal(path, e[name].Path);
                    Assert.Equal(values, string.Join('|', Values(e[name])));
                    checkedCount++;
                }
            }
        }
        Assert.Equal(2, checkedCount);
    }

    [Fact]
    public void Reused_event_does_not_find_names_interned_after_it_was_filled()
    {
        var schema = new EventSchema();
        using var stream = new MemoryStream("{\"a\":1}\n{\"a\":2}"u8.ToArray());
        SigmaEvent? reused = null;
        foreach (var batch in EventReader.ReadBatches(stream, "lines", new EventReaderOptions { Schema = schema }))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var e = batch.TryParseInto(i, ref reused)!;
                Assert.False(e["never.seen.name" + i].Exists);
                Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e["a"].First);
            }
        }
    }

    private static List<string?> Values(FieldValues values)
    {
        var list = new List<string?>();
        foreach (var value in values)
        {
            list.Add(value);
        }
        return list;
    }
}
