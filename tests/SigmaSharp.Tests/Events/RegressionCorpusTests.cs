using SigmaSharp.Events;
using Xunit.Abstractions;

namespace SigmaSharp.Tests.Events;

public class RegressionCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_regression_event_file_yields_events_with_EventID_and_Channel()
    {
        var root = Path.Combine(RepositoryPaths.Corpus ?? "(no corpus)", "sigmahq", "regression_data");
        if (!Directory.Exists(root))
        {
            output.WriteLine($"SKIPPED: no Sigma corpus at {root} (set SIGMA_CORPUS)");
            return;
        }
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).ToList();
        var log = new EventDiagnosticLog();
        var options = new EventReaderOptions { Diagnostics = log };
        var eventId = options.Schema.Field("EventID");
        var channel = options.Schema.Field("Channel");
        var failures = new List<string>();
        foreach (var file in files)
        {
            var events = EventReader.Read(file, options).ToList();
            if (events.Count == 0 || events.Any(e => e.Get(eventId).First is null || e.Get(channel).First is null))
            {
                failures.Add(file);
            }
        }
        output.WriteLine($"{files.Count} regression files read");
        Assert.Empty(log.Diagnostics);
        Assert.Empty(failures);
        Assert.NotEmpty(files);
    }
}
