using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PresenceBot.GraphStandIn;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Everything the loopback receivers and the Graph stand-in got, as one list, for privacy scans: every webhook body
/// (answered or not), every Graph write (Teams status messages, calendar events written back — in <c>$batch</c> too —
/// subscriptions; method, path and body) and the stand-in's status-message history. A new destination that writes to
/// Graph is in it already; one with a receiver of its own is added with <see cref="Add"/>.
/// </summary>
public sealed class OutboundWrites
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<(string Destination, Func<IEnumerable<string>> Read)> _sources = [];

    public OutboundWrites Add(string destination, Func<IEnumerable<string>> read)
    {
        _sources.Add((destination, read));
        return this;
    }

    /// <summary>A receiver's bodies, JSON rewritten without <c>\u</c> escapes so a scan finds "frånvarande" however it was escaped.</summary>
    public OutboundWrites Webhook(string name, SigningReceiver receiver) => Add($"webhook {name}", () => receiver.Bodies.Select(Unescaped));

    public OutboundWrites Graph(GraphStandInServer graph) =>
        Add("graph writes", () => graph.ReceivedWrites.Select(w => $"{w.Method} {w.Path}\n{w.Body}"))
            .Add("teams status messages", () => graph.Presence.AllHistory().Select(m => m.Content));

    public IReadOnlyList<OutboundWrite> All() => [.. _sources.SelectMany(s => s.Read().Select(text => new OutboundWrite(s.Destination, text)))];

    /// <summary>JSON rewritten without <c>\u</c> escapes (other text as it is).</summary>
    public static string Unescaped(string body)
    {
        try
        {
            return JsonNode.Parse(body)?.ToJsonString(Readable) ?? body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    /// <summary>Per destination, how many writes it got (a scan of nothing proves nothing).</summary>
    public IReadOnlyDictionary<string, int> Counts() => _sources.ToDictionary(s => s.Destination, s => s.Read().Count());
}
