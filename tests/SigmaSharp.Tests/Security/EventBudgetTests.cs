using System.Text;
using SigmaSharp.Events;
using SigmaSharp.Events.Evtx;
using SigmaSharp.Tests.Events.Evtx;

namespace SigmaSharp.Tests.Security;

/// <summary>Event reader budgets at their edge: the last size that is read, and the first that is skipped with its code.</summary>
public class EventBudgetTests
{
    private static (int Events, IReadOnlyList<EventDiagnostic> Diagnostics) ReadLines(string text, EventReaderOptions options)
    {
        var log = new EventDiagnosticLog();
        var count = EventReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "edge.jsonl", options with { Diagnostics = log }).Count();
        return (count, log.Diagnostics);
    }

    // The event object is level 1, each array one more.
    private static string NestedEvent(int levels) => "{\"a\":" + new string('[', levels - 1) + new string(']', levels - 1) + "}\n";

    [Fact]
    public void Json_nesting_at_the_depth_budget_is_read_and_one_more_level_is_NestingTooDeep()
    {
        var options = new EventReaderOptions { MaxDepth = 16 };
        Assert.Equal((1, 0), (ReadLines(NestedEvent(16), options).Events, ReadLines(NestedEvent(16), options).Diagnostics.Count));
        var (events, diagnostics) = ReadLines(NestedEvent(17), options);
        Assert.Equal(0, events);
        Assert.Equal(EventDiagnosticCode.NestingTooDeep, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_json_line_at_the_record_budget_is_read_and_one_byte_more_is_RecordTooLarge()
    {
        static string Line(int bytes) => "{\"a\":\"" + new string('x', bytes - 8) + "\"}";
        var options = new EventReaderOptions { MaxRecordBytes = 1000 };
        Assert.Equal(1000, Encoding.UTF8.GetByteCount(Line(1000)));
        Assert.Equal((2, 0), Summary(ReadLines(Line(1000) + "\n{\"b\":1}\n", options)));
        var (events, diagnostics) = ReadLines(Line(1001) + "\n{\"b\":1}\n", options);
        Assert.Equal(1, events);
        Assert.Equal(EventDiagnosticCode.RecordTooLarge, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Evtx_nesting_at_the_budget_is_read_and_one_more_level_is_EVTX403()
    {
        var options = new EvtxReaderOptions { MaxNestingDepth = 8 };
        var last = Enumerable.Range(1, 20).Last(n => ReadEvtx(NestedElements(n), options).Records == 1);
        Assert.Empty(ReadEvtx(NestedElements(last), options).Codes);
        Assert.Equal(["EVTX403"], ReadEvtx(NestedElements(last + 1), options).Codes);
        Assert.InRange(last, options.MaxNestingDepth - 2, options.MaxNestingDepth);
    }

    [Fact]
    public void Evtx_elements_at_the_budget_are_read_and_one_more_is_EVTX405()
    {
        var options = new EvtxReaderOptions { MaxElementsPerRecord = 5 };
        Assert.Equal((1, 0), (ReadEvtx(Siblings(5), options).Records, ReadEvtx(Siblings(5), options).Codes.Count));
        Assert.Equal(["EVTX405"], ReadEvtx(Siblings(6), options).Codes);
    }

    [Fact]
    public void Evtx_substitutions_at_the_budget_are_read_and_one_more_is_EVTX404()
    {
        var options = new EvtxReaderOptions { MaxSubstitutions = 3 };
        Assert.Equal((1, 0), (ReadEvtx(Substitutions(3), options).Records, ReadEvtx(Substitutions(3), options).Codes.Count));
        Assert.Equal(["EVTX404"], ReadEvtx(Substitutions(4), options).Codes);
    }

    private static (int Events, int Diagnostics) Summary((int Events, IReadOnlyList<EventDiagnostic> Diagnostics) read) =>
        (read.Events, read.Diagnostics.Count);

    private static byte[] NestedElements(int depth) => new EvtxImageBuilder().Chunk().Record(b =>
    {
        b.Fragment();
        for (var i = 0; i < depth - 1; i++)
        {
            b.Open("e" + i).CloseStart();
        }

        b.Open("leaf").CloseEmpty();
        for (var i = 0; i < depth - 1; i++)
        {
            b.End();
        }

        b.EndOfStream();
    }).Build();

    // One root element holding count - 1 empty children.
    private static byte[] Siblings(int count) => new EvtxImageBuilder().Chunk().Record(b =>
    {
        b.Fragment().Open("root").CloseStart();
        for (var i = 0; i < count - 1; i++)
        {
            b.Open("c" + i).CloseEmpty();
        }

        b.End().EndOfStream();
    }).Build();

    private static byte[] Substitutions(int count) => new EvtxImageBuilder().Chunk().Record(b => b.Fragment().TemplateInstance(
        t =>
        {
            t.Fragment().Open("Event").CloseStart();
            for (var i = 0; i < count; i++)
            {
                t.Open("v" + i).CloseStart().Substitution(i, 0x01).End();
            }

            t.End().EndOfStream();
        },
        [.. Enumerable.Range(0, count).Select(i => ((byte)0x01, BinXmlBuilder.Utf16("x" + i)))]).EndOfStream()).Build();

    private static (int Records, List<string> Codes) ReadEvtx(byte[] file, EvtxReaderOptions options)
    {
        var diagnostics = new List<EvtxDiagnostic>();
        using var stream = new MemoryStream(file);
        var records = new EvtxReader(options with { VerifyChecksums = false }).ReadRecords(stream, "edge.evtx", diagnostics.Add).Count();
        return (records, [.. diagnostics.Where(d => d.Severity == EvtxSeverity.Error).Select(d => d.Code)]);
    }
}
