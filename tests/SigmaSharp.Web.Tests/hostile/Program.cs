// Bounded hostile run against the server on loopback (see docs/web.md, "Hostile run"): oversized and chunked bodies,
// deep YAML, alias bombs, slow-regex rules, malformed JSON, slow headers and bodies, a flood of connections. Every
// exchange must be answered or refused cleanly (no 500, no stack trace, no hang); memory is printed before and after.
// The run is repeated (rounds, 2 by default) so that growth from one round to the next, not just warm-up, shows.
// Usage: dotnet run -c Release --project tests/SigmaSharp.Web.Tests/hostile [--small] [--rounds N]
using System.Diagnostics;
using System.Globalization;
using SigmaSharp.Web;
using SigmaSharp.Web.Tests.Runs;
using SigmaSharp.Web.Hostile;

var scale = args.Contains("--small") ? HostileScale.Small : HostileScale.Full;
var roundsAt = Array.IndexOf(args, "--rounds");
var rounds = roundsAt >= 0 && roundsAt + 1 < args.Length ? int.Parse(args[roundsAt + 1], CultureInfo.InvariantCulture) : 2;
await using var app = WebConverterApp.Build(new WebOptions { Host = "127.0.0.1", Port = 0 });
await app.StartAsync();
var server = new Uri(WebConverterApp.ListeningUrls(app)[0]);
Console.WriteLine($"hostile run against {server} ({scale})");

// Warm up once with the same traffic at the small scale, then measure from a settled heap.
await new HostileRun(server, HostileScale.Small with { SlowClients = 0, Connections = 10 }, TextWriter.Null).RunAsync();
Console.WriteLine($"memory before:        {ProcessMemory.Text()}");
var bad = 0;
for (var round = 1; round <= rounds; round++)
{
    var clock = Stopwatch.StartNew();
    var run = new HostileRun(server, scale, Console.Out);
    await run.RunAsync();
    clock.Stop();
    bad += run.Bad.Count();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {run.Cases.Sum(c => c.Count)} exchanges in {clock.Elapsed.TotalSeconds:F1} s, {run.Bad.Count()} not answered or refused cleanly"));
    foreach (var line in run.Bad.Take(20))
    {
        Console.WriteLine("  " + line);
    }

    Console.WriteLine($"memory after round {round}: {ProcessMemory.Text()}");
}

await app.StopAsync();
return bad == 0 ? 0 : 1;
