using System.Diagnostics;
using SigmaSharp.Events.Evtx;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Events.Evtx;

/// <summary>
/// Damaged files from the evtx parser's own test samples: each must yield every record the damage
/// leaves readable, report the damage as diagnostics, and never throw. Counts are what this reader
/// recovers today (libevtx's evtxexport recovers the same or fewer, see the notes).
/// </summary>
public class DamagedSampleTests(ITestOutputHelper output)
{
    [Theory]
    // a chunk whose signature was overwritten: the chunk is skipped, later chunks are read (evtxexport: 267)
    [InlineData("sample_with_a_bad_chunk_magic.evtx", 301, "EVTX201")]
    // the string cache in a chunk header is wrong; names are read from their offsets, so nothing is lost
    [InlineData("security_bad_string_cache.evtx", 2261, "EVTX202")]
    // checksums were never written: warnings only, every record read
    [InlineData("Application_no_crc32.evtx", 17, "EVTX203")]
    // a record whose size field is 0: skipped, the scan resumes at the next record (evtxexport: 335)
    [InlineData("sample-with-zero-data-size-event.evtx", 449, "EVTX302")]
    // shadow-copy remnants with overwritten records and templates (evtxexport: 1910 and 1774)
    [InlineData("2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx", 1950, "EVTX407")]
    [InlineData("2-vss_0-Microsoft-Windows-TerminalServices-RemoteConnectionManager%4Operational.evtx", 1795, "EVTX401")]
    // a stale record after the last good one has a broken signature (evtxexport: 5 and 16)
    [InlineData("Microsoft-Windows-HelloForBusiness%4Operational.evtx", 6, "EVTX301")]
    [InlineData("Microsoft-Windows-LanguagePackSetup%4Operational.evtx", 17, "EVTX301")]
    public void Damaged_sample_recovers_its_readable_records_and_reports_the_damage(string file, int records, string code)
    {
        if (EvtxCorpus.ParserSamples is not { } root)
        {
            output.WriteLine("SKIPPED: parser samples not found (set SIGMA_CORPUS)");
            return;
        }

        var diagnostics = new List<EvtxDiagnostic>();
        var count = new EvtxReader().ReadFile(Path.Combine(root, file), diagnostics.Add).Count();

        foreach (var diagnostic in diagnostics.Take(10))
        {
            output.WriteLine(diagnostic.ToString());
        }

        Assert.Equal(records, count);
        Assert.Contains(diagnostics, d => d.Code == code);
        Assert.All(diagnostics, d => Assert.Equal(file, Path.GetFileName(d.FileName)));
    }

    [Theory]
    // irregular bool values (not 0/1) are read as true, nothing is damaged
    [InlineData("sample-with-irregular-bool-values.evtx", 3028)]
    // element starts without a dependency id (evtxexport reads only 89 / 24 / 0 / 0 of these)
    [InlineData("E_ShadowCopy6_windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx", 459)]
    [InlineData("E_Windows_system32_winevt_logs_Microsoft-Windows-CAPI2%4Operational.evtx", 340)]
    [InlineData("MSExchange_Management_wec.evtx", 1)]
    [InlineData("issue_201.evtx", 1)]
    [InlineData("Security_with_size_t.evtx", 636)]
    public void Unusual_but_valid_sample_reads_without_errors(string file, int records)
    {
        if (EvtxCorpus.ParserSamples is not { } root)
        {
            output.WriteLine("SKIPPED: parser samples not found (set SIGMA_CORPUS)");
            return;
        }

        var diagnostics = new List<EvtxDiagnostic>();
        var count = new EvtxReader().ReadFile(Path.Combine(root, file), diagnostics.Add).Count();

        Assert.Equal(records, count);
        Assert.DoesNotContain(diagnostics, d => d.Severity == EvtxSeverity.Error);
    }

    [Fact]
    [Trait("Category", "Corpus")]
    public void Every_corpus_evtx_file_reads_without_exception()
    {
        if (EvtxCorpus.EvtxSamples is not { } root)
        {
            output.WriteLine("SKIPPED: evtx corpus not found (set SIGMA_CORPUS)");
            return;
        }

        var files = Directory.GetFiles(root, "*.evtx", SearchOption.AllDirectories);
        long records = 0, bytes = 0, errors = 0;
        var stopwatch = Stopwatch.StartNew();
        var reader = new EvtxReader();
        foreach (var file in files)
        {
            bytes += new FileInfo(file).Length;
            records += reader.ReadFile(file, d => errors += d.Severity == EvtxSeverity.Error ? 1 : 0).Count();
        }

        output.WriteLine($"{files.Length} files, {bytes / 1e6:F1} MB, {records} records, {errors} damage reports, {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(files.Length > 250);
        Assert.True(records > 0);
    }
}
