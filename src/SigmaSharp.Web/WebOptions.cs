using System.Net;

namespace SigmaSharp.Web;

/// <summary>How <c>sigma serve</c> listens and what one request may cost. The defaults are the safe ones.</summary>
public sealed record WebOptions
{
    /// <summary>Address to bind. Loopback unless the user asks for more: the converter has no authentication.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (tests), read it back from <see cref="WebConverterApp.ListeningUrls"/>.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Open connections at once (Kestrel's MaxConcurrentConnections); past it new connections are closed unanswered.
    /// A local converter page uses a handful; the cap keeps a flood of sockets from exhausting threads or memory.
    /// </summary>
    public int MaxConcurrentConnections { get; init; } = 512;

    /// <summary>Time a client has to send all request headers (Kestrel's RequestHeadersTimeout): slowloris guard.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Slowest request body accepted, in bytes per second after <see cref="MinRequestBodyGracePeriod"/>
    /// (Kestrel's MinRequestBodyDataRate). 4 KB/s lets a 1 MB body take four minutes at most, where Kestrel's
    /// default of 240 B/s would let one trickling client hold a connection for over an hour.
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; init; } = 4096;

    /// <summary>Time before <see cref="MinRequestBodyBytesPerSecond"/> is enforced (Kestrel requires more than 1 s).</summary>
    public TimeSpan MinRequestBodyGracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time an idle keep-alive connection stays open (Kestrel's KeepAliveTimeout; its default is 130 s).</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time one parse-check-convert may take before the request gets 503.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Conversions running at once. A request past its time limit keeps its slot until its work really ends
    /// (the library cannot be interrupted), so runaway inputs cannot pile up unbounded work.
    /// </summary>
    public int MaxConcurrentConversions { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Whether <see cref="Host"/> is a loopback address or name.</summary>
    public bool BindsLoopback =>
        string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
