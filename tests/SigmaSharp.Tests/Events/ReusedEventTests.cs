using System.Text;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Events;

/// <summary>The scanner builds every event of a batch into one object; it must read exactly as a fresh event.</summary>
public class ReusedEventTests
{
    private static readonly string[] Lines =
    [
        """{"Event":{"System":{"EventID":1,"Channel":"Sysmon"},"EventData":{"Image":"C:\\x.exe","CommandLine":"a b","Tags":["t1","t2",{"k":"v"},[]]}}}""",
        """{"Image":"top","Event":{"EventData":{"Image":"inner","Extra":null,"Tags":"one"}},"n":4688}""",
        """{"a":1}""",
        """{"Tags":["x","y","z","w","v","u","s"],"Image":"\u00e4\\\"q","A":{"B":{"C":[1,2,{"D":"deep"}]}},"Channel":"Security","EventID":"4624"}""",
        """{"Event":{"System":{"EventID":1,"Channel":"Sysmon"},"EventData":{"Image":"C:\\y.exe","Tags":[]}}}""",
    ];

    [Fact]
    public void An_event_built_into_a_reused_object_reads_as_a_fresh_event()
    {
        var schema = new EventSchema();
        var options = new EventReaderOptions { Schema = schema };
        var text = string.Join('\n', Lines.Concat(Lines.Reverse()).Concat(Lines));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        string[] names = ["Image", "CommandLine", "Tags", "EventID", "Channel", "Extra", "D", "C", "k", "n", "Missing", "Event.EventData.Image", "A.B.C"];
        SigmaEvent? reused = null;
        var compared = 0;
        foreach (var batch in EventReader.ReadBatches(stream, "lines", options))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var fresh = batch.TryParse(i)!;
                var again = batch.TryParseInto(i, ref reused)!;
                Assert.Equal(fresh.Fields, again.Fields);
                Assert.Equal(fresh.Origin, again.Origin);
                Assert.Equal(fresh.Timestamp, again.Timestamp);
                // Twice: the second read comes from what the reused event remembers.
                for (var round = 0; round < 2; round++)
                {
                    foreach (var name in names)
                    {
                        Assert.Equal(Values(fresh[name]), Values(again[name]));
                        Assert.Equal(fresh[name].Exists, again[name].Exists);
                        Assert.Equal(fresh[name].Path, again[name].Path);
                    }
                }
                compared++;
            }
        }
        Assert.Equal(3 * Lines.Length, compared);
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
