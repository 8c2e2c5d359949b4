using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>
/// Asks for work of <paramref name="Kind"/> on <paramref name="Key"/>, due when <paramref name="DueAt"/> says, or else
/// after the kind's <see cref="WorkKind.Gather"/> (at once for most kinds).
/// </summary>
internal sealed record WorkRequest(WorkKind Kind, string Key, string? Payload = null, Instant? DueAt = null)
{
    public Instant DueFrom(Instant now) => DueAt ?? now + Duration.FromTimeSpan(Kind.Gather);
}
