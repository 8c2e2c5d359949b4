using System.Text.Json.Nodes;

namespace PresenceBot.GraphStandIn.Paging;

/// <summary>
/// A result being paged through: the items, where the next page starts, and what the last page ends with
/// (a deltaLink for delta queries). Items are rendered once, so every page reads one consistent snapshot.
/// </summary>
internal sealed record PagedQuery(
    IReadOnlyList<JsonNode> Items,
    int Offset,
    int PageSize,
    string Context,
    string NextPath,
    string? DeltaLink);
