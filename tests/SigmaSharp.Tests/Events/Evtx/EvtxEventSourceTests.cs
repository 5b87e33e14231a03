using Xunit.Abstractions;
using SigmaSharp.Events;

namespace SigmaSharp.Tests.Events.Evtx;

public class EvtxEventSourceTests(ITestOutputHelper output)
{
    [Fact]
    public void Regression_evtx_files_read_as_events_with_sigma_field_names()
    {
        var corpus = RepositoryPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: SIGMA_CORPUS not found; set it to the shared corpus folder to run this test.");
            return;
        }

        var files = Directory.EnumerateFiles(Path.Combine(corpus, "sigmahq", "regression_data"), "*.evtx", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var events = EventReader.Read(file).ToList();
            Assert.True(events.Count > 0, file);
            Assert.All(events, e => Assert.True(e["EventID"].Exists && e["Channel"].Exists, file));
        }

        output.WriteLine($"{files.Count} EVTX files read");
    }

    [Fact]
    public void A_damaged_evtx_file_is_reported_and_the_rest_is_read()
    {
        var corpus = RepositoryPaths.Corpus;
        if (corpus is null)
        {
            output.WriteLine("SKIPPED: SIGMA_CORPUS not found.");
            return;
        }

        var log = new EventDiagnosticLog();
        var file = Path.Combine(corpus, "evtx", "parser-samples", "samples", "sample_with_a_bad_chunk_magic.evtx");
        var events = EventReader.Read(file, new EventReaderOptions { Diagnostics = log }).Count();
        Assert.True(events > 250, $"{events} events");
        Assert.Contains(log.Diagnostics, d => d.Code == EventDiagnosticCode.DamagedEvtx);
        Assert.True(log.SkippedRecords > 0);
    }
}
