using System.Text.Json.Nodes;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <param name="Path">Decoded, e.g. <c>/emea/v3/conversations/a:kim/activities/act-1</c>.</param>
public sealed record ConnectorRequest(string Method, string Path, string? Authorization, JsonNode? Body);
