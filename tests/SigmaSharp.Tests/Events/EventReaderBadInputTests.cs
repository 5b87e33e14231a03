using System.Text;
using SigmaSharp.Events;
using static SigmaSharp.Tests.Events.EventFixtures;

namespace SigmaSharp.Tests.Events;

public class EventReaderBadInputTests
{
    [Fact]
    public void Invalid_line_is_reported_with_its_line_number_and_skipped()
    {
        var (options, log) = WithLog();
        var events = EventReader.Read(PathOf("bad_lines.jsonl"), options).ToList();
        Assert.Equal(["1", "3", "5"], events.Select(e => e["n"].First));
        Assert.Equal(2, log.SkippedRecords);
        Assert.Collection(log.Diagnostics,
            d => Assert.Equal((2L, EventDiagnosticCode.InvalidJson), (d.Line, d.Code)),
            d => Assert.Equal((4L, EventDiagnosticCode.NotAnObject), (d.Line, d.Code)));
        Assert.EndsWith("bad_lines.jsonl", log.Diagnostics[0].Source);
    }

    [Fact]
    public void Invalid_utf8_is_reported_and_skipped()
    {
        var bytes = "{\"a\":\"ok\"}\n{\"a\":\""u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}\n{\"a\":\"ok\"}\n"u8.ToArray()).ToArray();
        var (options, log) = WithLog();
        Assert.Equal(2, EventReader.Read(new MemoryStream(bytes), "mem", options).Count());
        var d = Assert.Single(log.Diagnostics);
        Assert.Equal((2L, EventDiagnosticCode.InvalidUtf8), (d.Line, d.Code));
    }

    [Fact]
    public void Nesting_over_the_budget_is_reported_and_skipped()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var text = $"{{\"a\":1}}\n{{\"deep\":{deep}}}\n{{\"a\":2}}\n";
        var (options, log) = WithLog(new EventReaderOptions { MaxDepth = 64 });
        Assert.Equal(2, EventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mem", options).Count());
        Assert.Equal((2L, EventDiagnosticCode.NestingTooDeep), (log.Diagnostics[0].Line, log.Diagnostics[0].Code));
    }

    [Fact]
    public void Line_over_the_budget_is_skipped_while_streaming()
    {
        // 100 MB line produced on the fly: the reader must skip it without holding it.
        using var stream = new HugeLineStream(100L * 1024 * 1024);
        var (options, log) = WithLog(new EventReaderOptions { MaxRecordBytes = 1024 * 1024 });
        var events = EventReader.Read(stream, "huge", options).ToList();
        Assert.Equal(["before", "after"], events.Select(e => e["a"].First));
        Assert.Equal(3L, events[1].Origin.Line);
        var d = Assert.Single(log.Diagnostics);
        Assert.Equal((2L, EventDiagnosticCode.RecordTooLarge), (d.Line, d.Code));
        Assert.True(stream.PeakBuffered < 1024, "the stream itself holds nothing");
    }

    [Fact]
    public void Array_element_over_the_budget_is_skipped_and_the_next_element_read()
    {
        var big = new string('x', 5000);
        var text = $"[{{\"a\":\"1\"}},\n{{\"a\":\"{big}\"}},\n{{\"a\":\"3\"}}]";
        var (options, log) = WithLog(new EventReaderOptions { MaxRecordBytes = 2000, BatchBytes = 1024 });
        Assert.Equal(["1", "3"], EventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mem", options).Select(e => e["a"].First));
        Assert.Equal((2L, EventDiagnosticCode.RecordTooLarge), (log.Diagnostics[0].Line, log.Diagnostics[0].Code));
    }

    [Fact]
    public void Corrupt_gzip_is_reported_as_an_unreadable_file()
    {
        var bytes = new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF };
        var (options, log) = WithLog();
        Assert.Empty(EventReader.Read(new MemoryStream(bytes), "broken.gz", options));
        Assert.Equal(EventDiagnosticCode.UnreadableFile, Assert.Single(log.Diagnostics).Code);
    }

    [Fact]
    public void Truncated_last_array_element_is_reported()
    {
        var (options, log) = WithLog();
        var events = EventReader.Read(new MemoryStream("[{\"a\":1},{\"a\":"u8.ToArray()), "mem", options).ToList();
        Assert.Single(events);
        Assert.Equal(EventDiagnosticCode.InvalidJson, Assert.Single(log.Diagnostics).Code);
    }

    /// <summary>Line 1 and 3 small events, line 2 a string of <c>size</c> bytes, made as it is read.</summary>
    private sealed class HugeLineStream(long size) : Stream
    {
        private static readonly byte[] Head = "{\"a\":\"before\"}\n{\"a\":\""u8.ToArray();
        private static readonly byte[] Tail = "\"}\n{\"a\":\"after\"}\n"u8.ToArray();
        private long _position;

        public int PeakBuffered => 0;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => Head.Length + size + Tail.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written++] = _position < Head.Length ? Head[_position]
                    : _position < Head.Length + size ? (byte)'x'
                    : Tail[_position - Head.Length - size];
                _position++;
            }
            return written;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
