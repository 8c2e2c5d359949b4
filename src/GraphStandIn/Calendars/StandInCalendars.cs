using System.Security.Cryptography;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.GraphStandIn.Notifications;

namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// People's calendars, for tests in-process (the dev API calls the same methods). Every change notifies the
/// subscriptions that watch the person's events, as Graph would.
/// </summary>
public sealed class StandInCalendars
{
    private static readonly string[] ShowAsValues = ["free", "tentative", "busy", "oof", "workingElsewhere", "unknown"];
    private static readonly string[] SensitivityValues = ["normal", "personal", "private", "confidential"];

    private readonly CalendarStore _store;
    private readonly StandInDirectory _directory;
    private readonly NotificationDispatcher _notifications;
    private readonly TimeProvider _time;

    internal StandInCalendars(CalendarStore store, StandInDirectory directory, NotificationDispatcher notifications, TimeProvider time)
    {
        _store = store;
        _directory = directory;
        _notifications = notifications;
        _time = time;
    }

    /// <summary>Books an event; the user is created when unknown. Throws <see cref="ArgumentException"/> on a bad draft.</summary>
    public Task<StandInEvent> CreateEventAsync(string userId, EventDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ct.ThrowIfCancellationRequested();
        if (draft.Start is null || draft.End is null)
        {
            throw new ArgumentException("start and end are required.", nameof(draft));
        }

        var user = _directory.EnsureUser(userId);
        var now = _time.GetUtcNow();
        var created = Apply(
            new StandInEvent
            {
                Id = "AAMkAGI" + Guid.NewGuid().ToString("N"),
                UserId = user.Id,
                CreatedDateTime = now,
                LastModifiedDateTime = now,
                ChangeKey = NewChangeKey(),
                ICalUId = "040000008200E00074C5B7101A82E008" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                Start = draft.Start,
                End = draft.End,
                Organizer = new EmailAddress(user.DisplayName, user.Mail ?? user.UserPrincipalName),
            },
            draft);
        _store.Put(created);
        _notifications.EventChanged(user.Id, created.Id, "created", created.ChangeKey);
        return Task.FromResult(created);
    }

    /// <summary>Changes the members the draft sets; null when the event does not exist.</summary>
    public Task<StandInEvent?> UpdateEventAsync(string userId, string eventId, EventDraft changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ct.ThrowIfCancellationRequested();
        var user = _directory.FindUser(userId);
        if (user is null || _store.Find(user.Id, eventId) is not { } current)
        {
            return Task.FromResult<StandInEvent?>(null);
        }

        var updated = Apply(
            current with { LastModifiedDateTime = _time.GetUtcNow(), ChangeKey = NewChangeKey() },
            changes);
        _store.Put(updated);
        _notifications.EventChanged(user.Id, updated.Id, "updated", updated.ChangeKey);
        return Task.FromResult<StandInEvent?>(updated);
    }

    /// <summary>Deletes the event; false when it does not exist.</summary>
    public Task<bool> DeleteEventAsync(string userId, string eventId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var user = _directory.FindUser(userId);
        if (user is null || _store.Delete(user.Id, eventId) is not { } tombstone)
        {
            return Task.FromResult(false);
        }

        _notifications.EventChanged(user.Id, eventId, "deleted", tombstone.Event.ChangeKey);
        return Task.FromResult(true);
    }

    /// <summary>The stored event (not expanded), or null.</summary>
    public StandInEvent? FindEvent(string userId, string eventId) =>
        _directory.FindUser(userId) is { } user ? _store.Find(user.Id, eventId) : null;

    /// <summary>The user's live events (series masters, not occurrences).</summary>
    public IReadOnlyList<StandInEvent> Events(string userId) =>
        _directory.FindUser(userId) is { } user ? _store.Current(user.Id).Events : [];

    private static StandInEvent Apply(StandInEvent e, EventDraft d)
    {
        var result = e with
        {
            Subject = d.Subject ?? e.Subject,
            Start = d.Start ?? e.Start,
            End = d.End ?? e.End,
            ShowAs = Choose(d.ShowAs, ShowAsValues, "showAs") ?? e.ShowAs,
            IsAllDay = d.IsAllDay ?? e.IsAllDay,
            Sensitivity = Choose(d.Sensitivity, SensitivityValues, "sensitivity") ?? e.Sensitivity,
            Categories = d.Categories ?? e.Categories,
            Location = d.Location ?? e.Location,
            Body = d.Body ?? e.Body,
            Recurrence = d.Recurrence ?? e.Recurrence,
            ResponseStatus = d.ResponseStatus ?? e.ResponseStatus,
            IsCancelled = d.IsCancelled ?? e.IsCancelled,
            Importance = d.Importance ?? e.Importance,
            Attendees = d.Attendees ?? e.Attendees,
            IsReminderOn = d.IsReminderOn ?? e.IsReminderOn,
            ExtendedProperties = d.SingleValueExtendedProperties is null
                ? e.ExtendedProperties
                : ExtendedPropertyMerge.Merge(e.ExtendedProperties, d.SingleValueExtendedProperties),
        };
        Validate(result);
        return result;
    }

    private static void Validate(StandInEvent e)
    {
        if (GraphZones.Find(e.Start.TimeZone) is null || GraphZones.Find(e.End.TimeZone) is null)
        {
            throw new ArgumentException($"Unknown time zone '{e.Start.TimeZone}' or '{e.End.TimeZone}'.");
        }

        if (RecurrenceExpander.Single(e) is not { } instance)
        {
            throw new ArgumentException("start.dateTime and end.dateTime must be like 2026-11-23T09:00:00.");
        }

        if (instance.EndInstant < instance.StartInstant)
        {
            throw new ArgumentException("end is before start.");
        }
    }

    private static string? Choose(string? value, string[] allowed, string field)
    {
        if (value is null)
        {
            return null;
        }

        return allowed.FirstOrDefault(a => a.Equals(value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"{field} must be one of {string.Join(", ", allowed)}.");
    }

    private static string NewChangeKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
