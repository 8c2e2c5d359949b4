using System.Text.Json;

namespace PresenceBot.GraphStandIn.Batching;

/// <summary>One request inside a batch; <c>url</c> is relative to the version root ("/users/x/events/y").</summary>
internal sealed record BatchRequestItem(string? Id, string? Method, string? Url, IReadOnlyDictionary<string, string>? Headers, JsonElement? Body);
