using PresenceBot.GraphStandIn.Mail;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>An event as the stand-in stores it: in the zone it was created in, one immutable version per change.</summary>
public sealed record StandInEvent
{
    public required string Id { get; init; }

    public required string UserId { get; init; }

    public required DateTimeOffset CreatedDateTime { get; init; }

    public required DateTimeOffset LastModifiedDateTime { get; init; }

    public required string ChangeKey { get; init; }

    public required string ICalUId { get; init; }

    /// <summary>The client's id of the create that made it (<see cref="EventDraft.TransactionId"/>), if it gave one.</summary>
    public string? TransactionId { get; init; }

    public string Subject { get; init; } = "";

    public ItemBody Body { get; init; } = new("text", "");

    public string ShowAs { get; init; } = "busy";

    public string Sensitivity { get; init; } = "normal";

    public string Importance { get; init; } = "normal";

    public bool IsAllDay { get; init; }

    public bool IsCancelled { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public Location Location { get; init; } = new("");

    public ResponseStatus ResponseStatus { get; init; } = new("organizer");

    public IReadOnlyList<Attendee> Attendees { get; init; } = [];

    public EmailAddress Organizer { get; init; } = new(null, null);

    public required DateTimeTimeZone Start { get; init; }

    public required DateTimeTimeZone End { get; init; }

    public PatternedRecurrence? Recurrence { get; init; }

    /// <summary>Null: Outlook's default (on, except for all-day events).</summary>
    public bool? IsReminderOn { get; init; }

    /// <summary>Graph shows them only when a read asks (<c>$expand=singleValueExtendedProperties($filter=…)</c>).</summary>
    public IReadOnlyList<ExtendedProperty> ExtendedProperties { get; init; } = [];
}
