using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>Asks for work of <paramref name="Kind"/> on <paramref name="Key"/>, due at once unless <paramref name="DueAt"/> says later.</summary>
internal sealed record WorkRequest(WorkKind Kind, string Key, string? Payload = null, Instant? DueAt = null);
