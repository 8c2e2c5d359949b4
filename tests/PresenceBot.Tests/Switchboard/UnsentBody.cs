using System.Net.Sockets;
using System.Text;

namespace PresenceBot.Tests.Switchboard;

/// <summary>
/// A request (PUT unless said otherwise) over a raw socket that declares a body and sends only its first bytes: a server that read (or waited for) the
/// body before answering would never answer, so a status line within the deadline proves it answered unread.
/// (HttpClient can't show this: it finishes sending a body before it hands back an early answer.)
/// </summary>
internal static class UnsentBody
{
    public static Task<string> PutStatusLineAsync(Uri server, string path, long declaredLength, string? apiKey = null) =>
        StatusLineAsync("PUT", server, path, declaredLength, apiKey);

    public static async Task<string> StatusLineAsync(string method, Uri server, string path, long declaredLength, string? apiKey = null)
    {
        using var tcp = new TcpClient();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await tcp.ConnectAsync(server.Host, server.Port, deadline.Token);
        var stream = tcp.GetStream();
        var key = apiKey is null ? "" : $"X-Api-Key: {apiKey}\r\n";
        var head = $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nContent-Length: {declaredLength}\r\n{key}\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head + "{\"reason\": \"meeting\", \"note\": \""), deadline.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadLineAsync(deadline.Token) ?? "";
    }
}
