using System.Net.Sockets;
using System.Text;

namespace SigmaSharp.Web.Hostile;

/// <summary>How one hostile exchange ended: an HTTP status, the server closing without an answer, or no end in time.</summary>
internal readonly record struct Outcome(int Status, string Body)
{
    public const int Closed = -1;
    public const int Hung = -2;

    public override string ToString() => Status switch { Closed => "closed", Hung => "hung", _ => Status.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>
/// One request over a raw TCP connection to loopback, so that the hostile run controls every byte and every pause
/// (HttpClient would add Content-Length, refuse bad framing and retry). The request asks the server to close
/// the connection after answering, so the answer is everything read until end of stream.
/// </summary>
internal static class RawExchange
{
    public static async Task<Outcome> RunAsync(Uri server, Func<Stream, CancellationToken, Task> send, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(server.Host, server.Port, timeout.Token);
            var stream = client.GetStream();
            try
            {
                await send(stream, timeout.Token);
            }
            catch (IOException)
            {
                // The server may stop reading (413, 408) and close while we still write: its answer, if any, is read below.
            }

            return await ReadAsync(stream, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return new Outcome(Outcome.Hung, string.Empty);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            return new Outcome(Outcome.Closed, string.Empty);
        }
    }

    /// <summary>Request head with the Host header the loopback guard expects and Connection: close.</summary>
    public static byte[] Head(Uri server, string method, string path, params string[] headers) =>
        Encoding.ASCII.GetBytes($"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.Port}\r\nConnection: close\r\n" +
            string.Concat(headers.Select(h => h + "\r\n")) + "\r\n");

    public static Func<Stream, CancellationToken, Task> Post(Uri server, string path, byte[] body, string contentType = "application/json") =>
        async (stream, token) =>
        {
            await stream.WriteAsync(Head(server, "POST", path, "Content-Type: " + contentType, "Content-Length: " + body.Length), token);
            await stream.WriteAsync(body, token);
        };

    private static async Task<Outcome> ReadAsync(Stream stream, CancellationToken token)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16384];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, token)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > 4 * 1024 * 1024)
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // A reset after a complete answer still counts as that answer.
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || text.Length < 12
            || !int.TryParse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture, out var status))
        {
            return new Outcome(Outcome.Closed, text);
        }

        var bodyStart = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new Outcome(status, bodyStart < 0 ? string.Empty : text[(bodyStart + 4)..]);
    }
}
