namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// What PresenceBot wrote for one manual referral: Graph's event id (null while the create is under way), the
/// <see cref="WriteBackEvent.Fingerprint"/> of what it last wrote and of a write under way, and the state.
/// </summary>
public sealed record WrittenEvent(Guid ReferralId, string PersonId, string? EventId, string? Written, string? Pending, WrittenEventState State)
{
    /// <summary>Earlier writes replaced before Graph's answer to them was known: an event saying one is ours too.</summary>
    public IReadOnlyCollection<string> Unconfirmed { get; init; } = [];

    /// <summary>Whether an event saying <paramref name="fingerprint"/> is just what we wrote (or are writing, or may have written).</summary>
    public bool Says(string fingerprint) => fingerprint == Written || fingerprint == Pending || Unconfirmed.Contains(fingerprint);
}
