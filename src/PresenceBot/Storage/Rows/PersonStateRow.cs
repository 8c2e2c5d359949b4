using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>
/// One row per person whose referrals were ever written. Its <see cref="Version"/> is the
/// optimistic-concurrency token: every change set bumps it, so two writers can't both win.
/// </summary>
internal sealed class PersonStateRow
{
    public required string PersonId { get; set; }

    public long Version { get; set; }

    public Instant? LastReturnAt { get; set; }

    /// <summary>The colleague calls are forwarded to (a person id), while a forwarding is set; with its period.</summary>
    public string? ForwardToId { get; set; }

    public Instant? ForwardFrom { get; set; }

    public Instant? ForwardUntil { get; set; }

    public Instant? ForwardSetAt { get; set; }
}
