using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SigmaSharp.Web.Hostile;

/// <summary>How much hostile traffic one run sends; every loop is bounded by these counts and by per-exchange time limits.</summary>
internal sealed record HostileScale(int Repeats, int Connections, int SlowClients, TimeSpan SlowFor, TimeSpan ExchangeLimit)
{
    /// <summary>The recorded run of docs/web.md.</summary>
    public static HostileScale Full { get; } = new(Repeats: 10, Connections: 1000, SlowClients: 50, SlowFor: TimeSpan.FromSeconds(25), ExchangeLimit: TimeSpan.FromSeconds(30));

    /// <summary>The seconds-long version run by the xunit test (with a server whose slow-client limits are short).</summary>
    public static HostileScale Small { get; } = new(Repeats: 1, Connections: 100, SlowClients: 3, SlowFor: TimeSpan.FromSeconds(8), ExchangeLimit: TimeSpan.FromSeconds(20));
}

/// <summary>The outcomes of one kind of hostile request, and those that broke the rule "answered or refused cleanly".</summary>
internal sealed class CaseTally(string name, IReadOnlySet<int> allowed)
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _bad = new();
    private long _slowestTicks;

    public string Name { get; } = name;

    public IReadOnlyCollection<string> Bad => _bad;

    public int Count => _outcomes.Values.Sum();

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    public void Add(Outcome outcome, TimeSpan took)
    {
        _outcomes.AddOrUpdate(outcome.ToString(), 1, (_, n) => n + 1);
        long seen;
        while ((seen = Interlocked.Read(ref _slowestTicks)) < took.Ticks && Interlocked.CompareExchange(ref _slowestTicks, took.Ticks, seen) != seen)
        {
        }

        // Clean: an allowed status or a closed connection where allowed, never a 500, never a stack trace, never a hang.
        var leaked = outcome.Body.Contains("   at ", StringComparison.Ordinal) || outcome.Body.Contains("Exception", StringComparison.Ordinal);
        if (!allowed.Contains(outcome.Status) || leaked)
        {
            _bad.Enqueue($"{Name}: {outcome}{(leaked ? " with a stack trace" : string.Empty)} {outcome.Body[..Math.Min(200, outcome.Body.Length)]}");
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name,-22} {Count,5} sent  {string.Join(", ", _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}×{o.Value}"))}  slowest {Slowest.TotalSeconds:F1} s{(Bad.Count > 0 ? $"  BAD {Bad.Count}" : string.Empty)}");
}

/// <summary>
/// Oversized bodies (with and without Content-Length), deep YAML, alias bombs, catastrophic-backtracking regex rules,
/// malformed JSON, slow headers and bodies, and a flood of connections, against a server on loopback.
/// </summary>
internal sealed class HostileRun(Uri server, HostileScale scale, TextWriter log)
{
    private const int Closed = Outcome.Closed;

    public List<CaseTally> Cases { get; } = [];

    public async Task RunAsync()
    {
        await Case("oversized-length", [413], Enumerable.Range(0, scale.Repeats).Select(i => Post("/api/convert", Oversized(1024 * 1024 + 1 + (i * 4096)))));
        await Case("oversized-chunked", [413, Closed], Enumerable.Range(0, scale.Repeats).Select(_ => Chunked("/api/check", 2 * 1024 * 1024)));
        await Case("deep-yaml", [200], Enumerable.Range(0, scale.Repeats).SelectMany(_ => new[]
        {
            Post("/api/check", RuleBody(new string('[', 10_000) + new string(']', 10_000))),
            Post("/api/convert", RuleBody(string.Concat(Enumerable.Repeat("- ", 10_000)) + "x", "splunk")),
            Post("/api/preview", RuleBody("a: " + string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000))),
        }));
        await Case("alias-bomb", [200], Enumerable.Range(0, scale.Repeats).SelectMany(_ => new[]
        {
            Post("/api/check", RuleBody(BillionLaughs())),
            Post("/api/convert", RuleBody(BillionLaughs(), "es-qs")),
        }));
        await Case("slow-regex", [200, 503], Enumerable.Range(0, scale.Repeats).SelectMany(_ => new[]
        {
            Post("/api/convert", RuleBody(SlowRegexRule(), "splunk")),
            Post("/api/convert", RuleBody(SlowRegexRule(), "grep")),
            Post("/api/check", RuleBody(SlowRegexRule())),
        }));
        await Case("malformed-json", [400, 415], Enumerable.Range(0, scale.Repeats).SelectMany(_ => MalformedJson()));
        await Case("slow-headers", [408, Closed], Enumerable.Range(0, scale.SlowClients).Select(_ => SlowHeaders()));
        await Case("slow-body", [408, 400, Closed], Enumerable.Range(0, scale.SlowClients).Select(_ => SlowBody()));
        await Flood();
        await Case("after", [200], [Get("/api/targets")]);
    }

    public IEnumerable<string> Bad => Cases.SelectMany(c => c.Bad);

    private async Task Case(string name, int[] allowed, IEnumerable<Func<Task<Outcome>>> exchanges)
    {
        var tally = new CaseTally(name, allowed.ToHashSet());
        Cases.Add(tally);
        await Task.WhenAll(exchanges.Select(async exchange =>
        {
            var clock = Stopwatch.StartNew();
            var outcome = await exchange();
            tally.Add(outcome, clock.Elapsed);
        }));
        log.WriteLine(tally);
    }

    /// <summary>Every connection opened before any request is sent, so they really are open at once.</summary>
    private async Task Flood()
    {
        var tally = new CaseTally("connections", new HashSet<int> { 200, Closed });
        Cases.Add(tally);
        var ready = new TaskCompletionSource();
        var opened = 0;
        var exchanges = Enumerable.Range(0, scale.Connections).Select(_ => Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            var outcome = await RawExchange.RunAsync(server, async (stream, token) =>
            {
                if (Interlocked.Increment(ref opened) == scale.Connections)
                {
                    ready.TrySetResult();
                }

                await ready.Task.WaitAsync(token);
                await stream.WriteAsync(RawExchange.Head(server, "GET", "/api/targets"), token);
            }, scale.ExchangeLimit);
            tally.Add(outcome, clock.Elapsed);
        })).ToList();
        _ = Task.Delay(scale.ExchangeLimit / 2).ContinueWith(_ => ready.TrySetResult(), TaskScheduler.Default);
        await Task.WhenAll(exchanges);
        log.WriteLine(tally);
    }

    private Func<Task<Outcome>> Post(string path, byte[] body, string contentType = "application/json") =>
        () => RawExchange.RunAsync(server, RawExchange.Post(server, path, body, contentType), scale.ExchangeLimit);

    private Func<Task<Outcome>> Get(string path) =>
        () => RawExchange.RunAsync(server, (stream, token) => stream.WriteAsync(RawExchange.Head(server, "GET", path), token).AsTask(), scale.ExchangeLimit);

    private Func<Task<Outcome>> Chunked(string path, int total) => () => RawExchange.RunAsync(server, async (stream, token) =>
    {
        await stream.WriteAsync(RawExchange.Head(server, "POST", path, "Content-Type: application/json", "Transfer-Encoding: chunked"), token);
        var chunk = Encoding.ASCII.GetBytes(new string('a', 65536));
        "{\"rule\": \""u8.CopyTo(chunk);
        for (var sent = 0; sent < total; sent += chunk.Length)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("10000\r\n"), token);
            await stream.WriteAsync(chunk, token);
            await stream.WriteAsync("\r\n"u8.ToArray(), token);
            chunk.AsSpan(0, 10).Fill((byte)'a');
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), token);
    }, scale.ExchangeLimit);

    /// <summary>Headers that never end: one byte a second, until the server gives up on them.</summary>
    private Func<Task<Outcome>> SlowHeaders() => () => RawExchange.RunAsync(server, async (stream, token) =>
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nX-Slow: "), token);
        var until = DateTime.UtcNow + scale.SlowFor;
        while (DateTime.UtcNow < until)
        {
            await stream.WriteAsync("a"u8.ToArray(), token);
            await Task.Delay(1000, token);
        }
    }, scale.SlowFor + scale.ExchangeLimit);

    /// <summary>A body announced at 100 KB that trickles in at 16 bytes a second.</summary>
    private Func<Task<Outcome>> SlowBody() => () => RawExchange.RunAsync(server, async (stream, token) =>
    {
        await stream.WriteAsync(RawExchange.Head(server, "POST", "/api/check", "Content-Type: application/json", "Content-Length: 100000"), token);
        var until = DateTime.UtcNow + scale.SlowFor;
        await stream.WriteAsync("{\"rule\": \""u8.ToArray(), token);
        while (DateTime.UtcNow < until)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('a', 16)), token);
            await Task.Delay(1000, token);
        }
    }, scale.SlowFor + scale.ExchangeLimit);

    private IEnumerable<Func<Task<Outcome>>> MalformedJson()
    {
        yield return Post("/api/convert", "{\"rule\": \"title: x\", "u8.ToArray());
        yield return Post("/api/check", Encoding.ASCII.GetBytes(new string('[', 100_000)));
        yield return Post("/api/convert", "{\"rule\": \"\xff\xfe\"}"u8.ToArray().Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray());
        yield return Post("/api/convert", Encoding.ASCII.GetBytes("{\"rule\": 1e999999, \"target\": \"splunk\"}"));
        yield return Post("/api/check", []);
        yield return Post("/api/check", "null"u8.ToArray());
        yield return Post("/api/preview", "{\"rule\": [\"a\", {\"b\": null}]}"u8.ToArray());
        yield return Post("/api/convert", "{\"rule\": \"x\", \"target\": \"splunk\", \"options\": {\"a\": {\"b\": [1,2,3]}}}"u8.ToArray());
        yield return Post("/api/check", "rule=title%3A+x"u8.ToArray(), "application/x-www-form-urlencoded");
        yield return Post("/api/check", [0xEF, 0xBB, 0xBF, 0x00, 0x01, 0x02]);
    }

    private static byte[] RuleBody(string rule, string? target = null) =>
        JsonSerializer.SerializeToUtf8Bytes(target is null ? new Dictionary<string, string> { ["rule"] = rule } : new Dictionary<string, string> { ["rule"] = rule, ["target"] = target });

    private static byte[] Oversized(int size)
    {
        var body = new byte[size];
        Array.Fill(body, (byte)'a');
        "{\"rule\": \""u8.CopyTo(body);
        return body;
    }

    /// <summary>Ten anchors, each ten aliases of the previous: 10^10 nodes if expanded.</summary>
    private static string BillionLaughs()
    {
        var text = new StringBuilder("title: lol\nlogsource:\n    product: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }

        return text.Append("detection:\n    sel:\n        - *a9\n    condition: sel\n").ToString();
    }

    /// <summary>Nested quantifiers with long near-matching values in the same rule (values up to the 1 MB body limit).</summary>
    private static string SlowRegexRule() =>
        "title: redos\nlogsource:\n    product: x\ndetection:\n    sel:\n        CommandLine|re: '(a+)+$'\n        Image|re: '^(a|aa)+b'\n" +
        "        Other|re: '(.*a){20}'\n    keywords:\n        - '" + new string('a', 200_000) + "!'\n    condition: sel or keywords\n";
}
