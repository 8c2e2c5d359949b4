namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// The subset of Graph's event JSON the dev API and <see cref="StandInCalendars"/> accept. On create, start and end
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
}
