using System.IO.Compression;
using System.Text;
using SigmaSharp.Events;
using static SigmaSharp.Tests.Events.EventFixtures;

namespace SigmaSharp.Tests.Events;

public sealed class EventReaderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("sigmasharp-events-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Json_Lines_give_one_event_per_non_blank_line_with_line_numbers()
    {
        var events = EventReader.Read(PathOf("mixed.jsonl")).ToList();
        Assert.Equal(3, events.Count);
        Assert.Equal([1L, 3L, 4L], events.Select(e => e.Origin.Line));
        Assert.Equal("ConsoleLogin", events[2]["eventName"].First);
    }

    [Fact]
    public void Json_array_gives_one_event_per_element()
    {
        var events = EventReader.Read(PathOf("array.json")).ToList();
        Assert.Equal(["4688", "4625"], events.Select(e => e["EventID"].First));
        Assert.Equal(3L, events[1].Origin.Line);
    }

    [Fact]
    public void Pretty_printed_single_object_gives_one_event() =>
        Assert.Equal("1", Single("sysmon_process_creation.json")["EventID"].First);

    [Fact]
    public void Concatenated_pretty_printed_objects_give_one_event_each() =>
        Assert.Equal(["1", "2"], EventReader.Read(PathOf("concatenated.json")).Select(e => e["a"].First));

    [Fact]
    public void Gzip_is_recognised_by_magic_bytes_not_extension()
    {
        var file = Path.Combine(_temp, "events.data");
        using (var gz = new GZipStream(File.Create(file), CompressionLevel.Fastest))
        {
            gz.Write(File.ReadAllBytes(PathOf("mixed.jsonl")));
        }
        Assert.Equal(3, EventReader.Read(file).Count());
    }

    [Fact]
    public void Gzip_array_from_a_non_seekable_stream_is_read()
    {
        var compressed = new MemoryStream();
        using (var gz = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(File.ReadAllBytes(PathOf("array.json")));
        }
        using var stream = new ForwardOnlyStream(compressed.ToArray());
        Assert.Equal(2, EventReader.Read(stream, "stdin").Count());
    }

    [Fact]
    public void Folder_is_walked_recursively_by_extension()
    {
        Directory.CreateDirectory(Path.Combine(_temp, "sub"));
        File.Copy(PathOf("mixed.jsonl"), Path.Combine(_temp, "a.jsonl"));
        File.Copy(PathOf("array.json"), Path.Combine(_temp, "sub", "b.json"));
        File.WriteAllText(Path.Combine(_temp, "notes.txt"), "not events");
        using (var gz = new GZipStream(File.Create(Path.Combine(_temp, "sub", "c.ndjson.gz")), CompressionLevel.Fastest))
        {
            gz.Write("{\"x\":1}\n"u8);
        }
        Assert.Equal(6, EventReader.Read(_temp).Count());
    }

    [Fact]
    public void Evtx_without_a_source_is_reported_as_unsupported()
    {
        var file = Path.Combine(_temp, "x.evtx");
        File.WriteAllBytes(file, "ElfFile\0"u8.ToArray());
        var (options, log) = WithLog();
        Assert.Empty(EventReader.Read(file, options with { EvtxSource = null }));
        Assert.Equal(EventDiagnosticCode.UnsupportedFile, Assert.Single(log.Diagnostics).Code);
    }

    [Fact]
    public void Evtx_files_are_dispatched_to_the_configured_source()
    {
        var file = Path.Combine(_temp, "x.evtx");
        File.WriteAllBytes(file, "ElfFile\0"u8.ToArray());
        var options = new EventReaderOptions { EvtxSource = new FakeEvtxSource() };
        var e = Assert.Single(EventReader.Read(file, options));
        Assert.Equal("Microsoft-Windows-Sysmon", e["Provider_Name"].First);
        Assert.Equal(7L, e.Origin.Line);
    }

    [Fact]
    public void Records_split_across_many_small_buffers_are_kept_whole()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            text.Append("{\"n\":").Append(i).Append(",\"pad\":\"").Append('x', i % 300).Append("\"}\n");
        }
        var options = new EventReaderOptions { BatchBytes = 1024 };
        var batches = EventReader.ReadBatches(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), "mem", options).ToList();
        Assert.True(batches.Count > 10);
        var events = batches.SelectMany(b => b.Parse()).ToList();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => i.ToString()), events.Select(e => e["n"].First));
        Assert.Equal(500L, events[^1].Origin.Line);
    }

    [Fact]
    public void Batches_parse_in_parallel_to_the_same_events()
    {
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => $"{{\"Event\":{{\"EventData\":{{\"Image\":\"p{i}.exe\"}}}}}}\n"));
        var options = new EventReaderOptions { BatchBytes = 4096 };
        var images = new System.Collections.Concurrent.ConcurrentBag<string>();
        var key = options.Schema.Field("Image");
        Parallel.ForEach(EventReader.ReadBatches(new MemoryStream(Encoding.UTF8.GetBytes(lines)), "mem", options),
            new ParallelOptions { MaxDegreeOfParallelism = 2 },
            batch =>
            {
                foreach (var e in batch.Parse())
                {
                    images.Add(e.Get(key).First!);
                }
            });
        Assert.Equal(2000, images.Distinct().Count());
    }

    [Fact]
    public void Utf8_bom_and_crlf_are_tolerated()
    {
        var bytes = "\uFEFF{\"a\":1}\r\n{\"a\":2}\r\n"u8.ToArray();
        Assert.Equal(["1", "2"], EventReader.Read(new MemoryStream(bytes), "mem").Select(e => e["a"].First));
    }

    private sealed class FakeEvtxSource : IEventSource
    {
        public IEnumerable<EventBatch> ReadBatches(string path, EventReaderOptions options)
        {
            using var writer = new EventBatchWriter(path, options);
            var json = writer.BeginRecord(7);
            json.WriteStartObject();
            json.WriteStartObject("Event");
            json.WriteStartObject("System");
            json.WriteStartObject("Provider");
            json.WriteStartObject("#attributes");
            json.WriteString("Name", "Microsoft-Windows-Sysmon");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            writer.EndRecord();
            yield return writer.TakeBatch();
        }
    }

    /// <summary>A stream that cannot seek, as stdin or a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
