// Bounded load run of POST /api/convert on loopback: N requests, C at a time, then latency percentiles, errors
// and the server's memory before and after. Hosts the server in this process on 127.0.0.1 and a free port.
// Usage: dotnet run -c Release --project tests/SigmaSharp.Web.Tests/load [requests=10000] [concurrency=50]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using SigmaSharp.Web;
using SigmaSharp.Web.Tests.Runs;

var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var root = AppContext.BaseDirectory;
while (!File.Exists(Path.Combine(root, "SigmaSharp.sln")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("SigmaSharp.sln not found");
}

var rule = File.ReadAllText(Path.Combine(root, "examples", "rules", "proc_creation_win_bypass_uac_via_cmstp.yml"));
string[] targets = ["powershell", "es-qs", "xpack-watcher", "graylog", "splunk", "logpoint", "grep"];

await using var app = WebConverterApp.Build(new WebOptions { Host = "127.0.0.1", Port = 0 });
await app.StartAsync();
var url = new Uri(WebConverterApp.ListeningUrls(app)[0]);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };

// Warm up (JIT, config chains), then measure from a settled heap.
for (var i = 0; i < 200; i++)
{
    using var warm = await client.PostAsJsonAsync("api/convert", new { rule, target = targets[i % targets.Length] });
}

var before = ProcessMemory.Text();
var latencies = new double[requests];
var errors = 0;
var next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < requests)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsJsonAsync("api/convert", new { rule, target = targets[i % targets.Length] });
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref errors);
        }

        latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}));
clock.Stop();
var after = ProcessMemory.Text();
Array.Sort(latencies);
double P(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"requests {requests}, concurrency {concurrency}, errors {errors}, {clock.Elapsed.TotalSeconds:F1} s, {requests / clock.Elapsed.TotalSeconds:F0} req/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"latency ms: p50 {P(0.50):F1}, p90 {P(0.90):F1}, p99 {P(0.99):F1}, max {latencies[^1]:F1}"));
Console.WriteLine($"memory before: {before}");
Console.WriteLine($"memory after:  {after}");
await app.StopAsync();
return errors == 0 ? 0 : 1;
