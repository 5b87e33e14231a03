using SigmaSharp.Events;

namespace SigmaSharp.Tests.Events;

internal static class EventFixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "events", name);

    public static SigmaEvent Single(string name, EventReaderOptions? options = null) =>
        Assert.Single(EventReader.Read(PathOf(name), options));

    public static SigmaEvent FromJson(string json, EventSchema? schema = null) =>
        EventBuilder.Build(System.Text.Encoding.UTF8.GetBytes(json), schema ?? new EventSchema());

    public static (EventReaderOptions Options, EventDiagnosticLog Log) WithLog(EventReaderOptions? options = null)
    {
        var log = new EventDiagnosticLog();
        return ((options ?? new EventReaderOptions()) with { Diagnostics = log }, log);
    }
}
