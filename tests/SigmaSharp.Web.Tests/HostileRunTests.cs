using System.Net.Sockets;
using System.Text;
using SigmaSharp.Web.Hostile;

namespace SigmaSharp.Web.Tests;

/// <summary>
/// The hostile run (tests/SigmaSharp.Web.Tests/hostile) at a small scale, and the Kestrel limits at their edges.
/// Servers here get short slow-client limits so that the slow cases take seconds.
/// </summary>
public sealed class HostileRunTests(ITestOutputHelper output)
{
    private static readonly WebOptions Quick = new()
    {
        Port = 0,
        RequestHeadersTimeout = TimeSpan.FromSeconds(2),
        MinRequestBodyGracePeriod = TimeSpan.FromSeconds(2),
        KeepAliveTimeout = TimeSpan.FromSeconds(2),
    };

    [Fact]
    public async Task Every_hostile_request_is_answered_or_refused_cleanly()
    {
        await using var server = await Start(Quick);
        var log = new StringWriter();
        var run = new HostileRun(server.BaseAddress, HostileScale.Small with { SlowFor = TimeSpan.FromSeconds(5) }, log);
        await run.RunAsync();
        output.WriteLine(log.ToString());
        Assert.Empty(run.Bad);
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_read_and_one_byte_more_is_413()
    {
        await using var server = await Start(new WebOptions { Port = 0 });
        var limit = (int)server.Options.MaxRequestBodyBytes;
        Assert.Equal(200, (await Exchange(server, JsonOfSize(limit))).Status);
        Assert.Equal(413, (await Exchange(server, JsonOfSize(limit + 1))).Status);
    }

    [Fact]
    public async Task A_chunked_body_without_length_is_cut_at_the_limit_with_413()
    {
        await using var server = await Start(new WebOptions { Port = 0, MaxRequestBodyBytes = 64 * 1024 });
        async Task<int> Send(int size)
        {
            var body = JsonOfSize(size);
            var outcome = await RawExchange.RunAsync(server.BaseAddress, async (stream, token) =>
            {
                await stream.WriteAsync(RawExchange.Head(server.BaseAddress, "POST", "/api/check", "Content-Type: application/json", "Transfer-Encoding: chunked"), token);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), token);
                await stream.WriteAsync(body, token);
                await stream.WriteAsync("\r\n0\r\n\r\n"u8.ToArray(), token);
            }, TimeSpan.FromSeconds(20));
            return outcome.Status;
        }

        // Kestrel counts a chunked body with some bytes of slack: with a 64 KiB limit 65,520 bytes are read and
        // 65,528 refused (measured). Content-Length bodies are exact (the test above).
        Assert.Equal(200, await Send((64 * 1024) - 16));
        Assert.Equal(413, await Send((64 * 1024) + 1));
        Assert.Equal(413, await Send(1024 * 1024));
    }

    [Fact]
    public async Task Connections_past_the_limit_are_closed_unanswered_and_served_again_once_one_ends()
    {
        await using var server = await Start(new WebOptions { Port = 0, MaxConcurrentConnections = 4 });
        var held = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
                held.Add(client);
            }

            await Task.Delay(300);
            Assert.Equal(Outcome.Closed, (await Get(server)).Status);
            held[0].Dispose();
            held.RemoveAt(0);
            await Task.Delay(300);
            Assert.Equal(200, (await Get(server)).Status);
        }
        finally
        {
            held.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Headers_slower_than_the_headers_timeout_end_the_connection()
    {
        await using var server = await Start(Quick);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await RawExchange.RunAsync(server.BaseAddress, async (stream, token) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /api/targets HTTP/1.1\r\nHost: 127.0.0.1:{server.BaseAddress.Port}\r\n"), token);
            for (var i = 0; i < 20; i++)
            {
                await stream.WriteAsync("X-Slow: a\r\n"u8.ToArray(), token);
                await Task.Delay(500, token);
            }
        }, TimeSpan.FromSeconds(30));
        Assert.Contains(outcome.Status, new[] { 408, Outcome.Closed });
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 6);
    }

    [Fact]
    public async Task A_body_below_the_minimum_rate_gets_408_and_one_above_it_is_read()
    {
        await using var server = await Start(Quick);
        async Task<(int Status, double Seconds)> Trickle(int bytesPerStep, int steps)
        {
            var body = JsonOfSize(bytesPerStep * steps);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await RawExchange.RunAsync(server.BaseAddress, async (stream, token) =>
            {
                await stream.WriteAsync(RawExchange.Head(server.BaseAddress, "POST", "/api/check", "Content-Type: application/json", "Content-Length: " + body.Length), token);
                for (var i = 0; i < steps; i++)
                {
                    await stream.WriteAsync(body.AsMemory(i * bytesPerStep, bytesPerStep), token);
                    await Task.Delay(250, token);
                }
            }, TimeSpan.FromSeconds(30));
            return (outcome.Status, clock.Elapsed.TotalSeconds);
        }

        // 64 bytes every 250 ms is 256 B/s, far under 4 KB/s: refused after the 2 s grace, long before the body ends.
        var slow = await Trickle(64, 40);
        Assert.Contains(slow.Status, new[] { 408, Outcome.Closed });
        Assert.True(slow.Seconds < 8, $"took {slow.Seconds:F1} s");

        // 4 KB every 250 ms is 16 KB/s: read in full.
        Assert.Equal(200, (await Trickle(4096, 8)).Status);
    }

    [Fact]
    public async Task An_idle_keep_alive_connection_is_closed_after_the_keep_alive_timeout()
    {
        await using var server = await Start(Quick);
        using var client = new TcpClient();
        await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /api/targets HTTP/1.1\r\nHost: 127.0.0.1:{server.BaseAddress.Port}\r\n\r\n"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var buffer = new byte[65536];
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await stream.ReadAsync(buffer, limit.Token) > 0)
        {
        }

        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 8);
    }

    private static Task<Outcome> Get(StartedServer server) =>
        RawExchange.RunAsync(server.BaseAddress, (stream, token) => stream.WriteAsync(RawExchange.Head(server.BaseAddress, "GET", "/api/targets"), token).AsTask(), TimeSpan.FromSeconds(10));

    private static Task<Outcome> Exchange(StartedServer server, byte[] body) =>
        RawExchange.RunAsync(server.BaseAddress, RawExchange.Post(server.BaseAddress, "/api/check", body), TimeSpan.FromSeconds(20));

    /// <summary>A valid check request of exactly <paramref name="size"/> bytes (a rule padded with a YAML comment).</summary>
    private static byte[] JsonOfSize(int size)
    {
        const string Head = "{\"rule\": \"title: t\\n#";
        const string Tail = "\"}";
        return Encoding.ASCII.GetBytes(Head + new string('a', size - Head.Length - Tail.Length) + Tail);
    }

    private static async Task<StartedServer> Start(WebOptions options)
    {
        var server = new WebServer(options);
        await server.InitializeAsync();
        return new StartedServer(server);
    }

    private sealed class StartedServer(WebServer server) : IAsyncDisposable
    {
        public Uri BaseAddress => server.BaseAddress;

        public WebOptions Options => server.Options;

        public ValueTask DisposeAsync() => new(server.DisposeAsync());
    }
}
