using System.Text;
using System.Text.Json;
using CsCheck;
using SigmaSharp.Events.Evtx;

namespace SigmaSharp.Tests.Events.Evtx;

/// <summary>Behaviour on small EVTX files built byte by byte in the test.</summary>
public class EvtxReaderTests
{
    private const byte UInt16Type = 0x06;
    private const byte StringType = 0x01;
    private const byte GuidType = 0x0F;
    private const byte NullType = 0x00;
    private const byte BinXmlType = 0x21;

    [Fact]
    public void Template_instance_renders_typed_values_and_flattens_named_data()
    {
        var file = new EvtxImageBuilder().Chunk().Record(SysmonLikeRecord).Build();

        var records = Read(file, out var diagnostics);

        Assert.Empty(diagnostics);
        var record = Assert.Single(records);
        Assert.Equal(1UL, record.RecordId);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), record.Timestamp);
        AssertJson("""
            {"Event":{"#attributes":{"xmlns":"urn:test"},
              "System":{"EventID":7,"Correlation":null},
              "EventData":{"Image":"C:\\x.exe","Missing":null,"Empty":""}}}
            """, record);
    }

    [Fact]
    public void Repeated_sibling_names_get_numbered_suffixes()
    {
        var file = new EvtxImageBuilder().Chunk().Record(b =>
        {
            b.Fragment().Open("Event").CloseStart();
            foreach (var text in new[] { "1", "2", "3" })
            {
                b.Open("A").CloseStart().Text(text).End();
            }

            b.End().EndOfStream();
        }).Build();

        AssertJson("""{"Event":{"A":"1","A_1":"2","A_2":"3"}}""", Assert.Single(Read(file, out _)));
    }

    [Fact]
    public void Element_with_attributes_and_text_keeps_both()
    {
        var file = new EvtxImageBuilder().Chunk().Record(b => b.Fragment()
            .Open("EventID", hasAttributes: true).Attribute("Qualifiers").Text("16384").CloseStart().Text("4111").End()
            .EndOfStream()).Build();

        AssertJson("""{"EventID":{"#attributes":{"Qualifiers":"16384"},"#text":"4111"}}""", Assert.Single(Read(file, out _)));
    }

    [Fact]
    public void Nested_binxml_substitution_expands_in_place()
    {
        var file = new EvtxImageBuilder().Chunk().Record(b => b.Fragment().TemplateInstanceAt(
            t => t.Fragment().Open("Event").CloseStart().Open("UserData").CloseStart()
                .Substitution(0, BinXmlType).End().End().EndOfStream(),
            offset => (BinXmlType, new BinXmlBuilder(offset).Fragment()
                .Open("LogFileCleared").CloseStart().Open("SubjectUserName").CloseStart().Text("alice").End().End()
                .EndOfStream().ToArray())).EndOfStream()).Build();

        AssertJson("""{"Event":{"UserData":{"LogFileCleared":{"SubjectUserName":"alice"}}}}""", Assert.Single(Read(file, out _)));
    }

    [Fact]
    public void Nesting_deeper_than_the_budget_is_reported_and_the_record_skipped()
    {
        var file = new EvtxImageBuilder().Chunk()
            .Record(b => b.Fragment().Open("a").CloseStart().Open("b").CloseStart().Open("c").CloseEmpty().End().End().EndOfStream())
            .Record(b => b.Fragment().Open("a").CloseEmpty().EndOfStream())
            .Build();

        var records = Read(file, out var diagnostics, new EvtxReaderOptions { MaxNestingDepth = 2 });

        Assert.Equal(2UL, Assert.Single(records).RecordId);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("EVTX403", diagnostic.Code);
        Assert.Equal(1UL, diagnostic.RecordId);
    }

    [Fact]
    public void Element_count_over_the_budget_is_reported()
    {
        var file = new EvtxImageBuilder().Chunk()
            .Record(b => b.Fragment().Open("a").CloseStart().Open("b").CloseEmpty().Open("c").CloseEmpty().End().EndOfStream())
            .Build();

        Assert.Empty(Read(file, out var diagnostics, new EvtxReaderOptions { MaxElementsPerRecord = 2 }));
        Assert.Equal("EVTX405", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Template_definition_containing_a_template_instance_is_reported_not_followed()
    {
        var file = new EvtxImageBuilder().Chunk().Record(b => b.Fragment().TemplateInstance(
            t => t.Fragment().TemplateInstance(inner => inner.Fragment().Open("x").CloseEmpty().EndOfStream()).EndOfStream())
            .EndOfStream()).Build();

        Assert.Empty(Read(file, out var diagnostics));
        Assert.Equal("EVTX407", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Bad_record_size_skips_the_record_and_reads_the_next()
    {
        var file = new EvtxImageBuilder().Chunk().Record(SysmonLikeRecord).Record(SysmonLikeRecord).Build();
        file[4096 + 512 + 4] = 0;
        file[4096 + 512 + 5] = 0;

        var records = Read(file, out var diagnostics);

        Assert.Equal(2UL, Assert.Single(records).RecordId);
        Assert.Contains(diagnostics, d => d.Code == "EVTX302" && d.Severity == EvtxSeverity.Error);
    }

    [Fact]
    public void Bad_chunk_magic_skips_the_chunk_and_reads_the_rest()
    {
        var file = new EvtxImageBuilder().Chunk().Record(SysmonLikeRecord).Chunk().Record(SysmonLikeRecord).Build();
        file[4096] = (byte)'X';

        var records = Read(file, out var diagnostics);

        Assert.Equal(2UL, Assert.Single(records).RecordId);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("EVTX201", 0, 4096L), (diagnostic.Code, diagnostic.ChunkIndex, diagnostic.FileOffset));
    }

    [Fact]
    public void Checksum_mismatch_is_a_warning_and_the_records_are_still_read()
    {
        var file = new EvtxImageBuilder().Chunk().Record(SysmonLikeRecord).Build();
        file[4096 + 512 + 16] ^= 0x01; // the record's written time: covered by the records CRC only

        Assert.Single(Read(file, out var diagnostics));
        Assert.Equal(("EVTX203", EvtxSeverity.Warning), (Assert.Single(diagnostics).Code, diagnostics[0].Severity));
    }

    [Fact]
    public void File_shorter_than_its_header_is_reported()
    {
        Assert.Empty(Read(new byte[100], out var diagnostics));
        Assert.Equal("EVTX103", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Truncated_file_never_throws_at_any_length()
    {
        var file = new EvtxImageBuilder().Chunk().Record(SysmonLikeRecord).Record(SysmonLikeRecord).Build();
        for (var length = 0; length < 4096 + 1024; length += 7)
        {
            Read(file[..length], out _);
        }
    }

    [Fact]
    public void Random_byte_damage_never_throws_and_always_yields_valid_json()
    {
        var file = new EvtxImageBuilder().Chunk().Record(SysmonLikeRecord).Record(SysmonLikeRecord).Build();
        var span = 4096 + 1024;
        Gen.Select(Gen.Int[4096, span - 1].Array[1, 12], Gen.Byte.Array[12]).Sample((positions, values) =>
        {
            var damaged = (byte[])file.Clone();
            for (var i = 0; i < positions.Length; i++)
            {
                damaged[positions[i]] = values[i];
            }

            foreach (var record in Read(damaged, out _))
            {
                using var _ = JsonDocument.Parse(record.Utf8Json);
            }
        }, iter: 3000);
    }

    /// <summary>Event(xmlns) / System(EventID, Correlation) / EventData(Data Name=…) from one template.</summary>
    private static void SysmonLikeRecord(BinXmlBuilder b) => b.Fragment().TemplateInstance(
        t => t.Fragment()
            .Open("Event", hasAttributes: true).Attribute("xmlns").Text("urn:test").CloseStart()
            .Open("System").CloseStart()
            .Open("EventID").CloseStart().Substitution(0, UInt16Type).End()
            .Open("Correlation", hasAttributes: true).Attribute("ActivityID").Substitution(3, GuidType, optional: true).CloseEmpty()
            .End()
            .Open("EventData").CloseStart()
            .Open("Data", hasAttributes: true).Attribute("Name").Text("Image").CloseStart().Substitution(1, StringType).End()
            .Open("Data", hasAttributes: true).Attribute("Name").Text("Missing").CloseStart().Substitution(2, StringType, optional: true).End()
            .Open("Data", hasAttributes: true).Attribute("Name").Text("Empty").CloseStart().Substitution(4, StringType).End()
            .End()
            .End().EndOfStream(),
        (UInt16Type, BinXmlBuilder.UInt16(7)),
        (StringType, BinXmlBuilder.Utf16("C:\\x.exe")),
        (StringType, []),
        (NullType, []),
        (StringType, [])).EndOfStream();

    private static List<EvtxRecord> Read(byte[] file, out List<EvtxDiagnostic> diagnostics, EvtxReaderOptions? options = null)
    {
        var found = new List<EvtxDiagnostic>();
        diagnostics = found;
        using var stream = new MemoryStream(file);
        return new EvtxReader(options).ReadRecords(stream, "test.evtx", found.Add).ToList();
    }

    private static void AssertJson(string expected, EvtxRecord record)
    {
        using var ours = JsonDocument.Parse(record.Utf8Json);
        using var wanted = JsonDocument.Parse(expected);
        Assert.True(JsonElement.DeepEquals(wanted.RootElement, ours.RootElement), Encoding.UTF8.GetString(record.Utf8Json.Span));
    }
}
