namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// What PresenceBot wrote for one manual referral: Graph's event id (null while the create is under way), the
/// <see cref="WriteBackEvent.Fingerprint"/> of what it last wrote and of a write under way, and the state.
/// </summary>
public sealed record WrittenEvent(Guid ReferralId, string PersonId, string? EventId, string? Written, string? Pending, WrittenEventState State)
{
    /// <summary>Whether an event saying <paramref name="fingerprint"/> is just what we wrote (or are writing).</summary>
    public bool Says(string fingerprint) => fingerprint == Written || fingerprint == Pending;
}
