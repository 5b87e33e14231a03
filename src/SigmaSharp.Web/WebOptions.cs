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
