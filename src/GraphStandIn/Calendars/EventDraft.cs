using PresenceBot.GraphStandIn.Mail;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// The subset of Graph's event JSON the dev API, Graph's own event writes and <see cref="StandInCalendars"/> accept. On create, start and end
/// are required; on update, a null member means "leave as is" (so a value can't be cleared back to null).
/// </summary>
public sealed record EventDraft
{
    public string? Subject { get; init; }

    public DateTimeTimeZone? Start { get; init; }

    public DateTimeTimeZone? End { get; init; }

    /// <summary>free, tentative, busy, oof, workingElsewhere or unknown.</summary>
    public string? ShowAs { get; init; }

    public bool? IsAllDay { get; init; }

    /// <summary>normal, personal, private or confidential.</summary>
    public string? Sensitivity { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public Location? Location { get; init; }

    public ItemBody? Body { get; init; }

    public PatternedRecurrence? Recurrence { get; init; }

    public ResponseStatus? ResponseStatus { get; init; }

    public bool? IsCancelled { get; init; }

    public string? Importance { get; init; }

    public IReadOnlyList<Attendee>? Attendees { get; init; }

    /// <summary>Default: on, except for all-day events.</summary>
    public bool? IsReminderOn { get; init; }

    /// <summary>
    /// Set or replaced by id, the others kept (Graph's PATCH), e.g.
    /// <c>{"id":"String {00020329-0000-0000-C000-000000000046} Name PresenceBotReferralId","value":"…"}</c>.
    /// </summary>
    public IReadOnlyList<ExtendedProperty>? SingleValueExtendedProperties { get; init; }

    /// <summary>
    /// On create only: the client's id for this create, so a create retried after a lost answer gets the event it made
    /// the first time instead of a second one (Graph's <c>transactionId</c>). Ignored on update.
    /// </summary>
    public string? TransactionId { get; init; }
}
