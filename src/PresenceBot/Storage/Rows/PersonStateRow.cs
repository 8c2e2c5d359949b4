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
}
