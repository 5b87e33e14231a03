using System.Text;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Events;

/// <summary>The scanner hands batch buffers back to the reader; later batches must read as if they were new.</summary>
public class BatchBufferPoolTests
{
    [Fact]
    public void A_returned_buffer_is_rented_again_and_the_pool_stays_bounded()
    {
        var pool = new BatchBufferPool(1024, 2);
        var a = pool.Rent(1024);
        var b = pool.Rent(100);
        var c = pool.Rent(1024);
        pool.Return(a);
        pool.Return(b);
        pool.Return(c); // over capacity: dropped
        Assert.Same(b, pool.Rent(1024));
        Assert.Same(a, pool.Rent(1024));
        Assert.NotSame(c, pool.Rent(1024));
    }

    [Fact]
    public void Buffers_of_another_size_are_not_kept()
    {
        var pool = new BatchBufferPool(1024, 4);
        var long1 = pool.Rent(5000);
        Assert.Equal(5000, long1.Length);
        pool.Return(long1);
        Assert.Equal(1024, pool.Rent(1024).Length);
    }

    [Fact]
    public void Batches_read_into_returned_buffers_hold_the_same_events()
    {
        var lines = Enumerable.Range(0, 3000)
            .Select(i => $$"""{"n":{{i}},"Image":"C:\\p{{i}}\\x.exe","pad":"{{new string('x', i % 97)}}"}""")
            .ToList();
        // One record longer than a batch makes the reader grow a buffer once.
        lines.Insert(1500, $$"""{"n":-1,"long":"{{new string('y', 5000)}}"}""");
        var text = string.Join('\n', lines);
        var options = new EventReaderOptions { BatchBytes = 2048 };
        var expected = Read(text, options, returnBuffers: false);
        var actual = Read(text, options, returnBuffers: true);
        Assert.Equal(lines.Count, expected.Count);
        Assert.Equal(expected, actual);
    }

    private static List<string> Read(string text, EventReaderOptions options, bool returnBuffers)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var seen = new List<string>();
        SigmaEvent? reused = null;
        foreach (var batch in EventReader.ReadBatches(stream, "lines", options))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var e = batch.TryParseInto(i, ref reused)!;
                seen.Add($"{e.Origin.Line} {e["n"].First} {e["Image"].First} {e["pad"].First?.Length} {e["long"].First?.Length}");
            }
            if (returnBuffers)
            {
                batch.ReturnBuffer();
            }
        }
        return seen;
    }
}
