namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// What a calendar read holds of PresenceBot's own events: the ones to pass over (our writes and their echoes), and
/// the manual referrals whose event the person edited or deleted in Outlook, which end now as any booking would.
/// </summary>
public sealed record OwnEvents(IReadOnlySet<string> PassOver, IReadOnlyList<Guid> EndedReferrals)
{
    public static OwnEvents None { get; } = new(new HashSet<string>(StringComparer.Ordinal), []);
}
