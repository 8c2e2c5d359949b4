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

    /// <summary>Makes a conditional write (transaction id, change key) one step: looked at and written under one lock.</summary>
    private readonly Lock _writes = new();

    internal StandInCalendars(CalendarStore store, StandInDirectory directory, NotificationDispatcher notifications, TimeProvider time)
    {
        _store = store;
        _directory = directory;
        _notifications = notifications;
        _time = time;
    }

    /// <summary>
    /// Books an event; the user is created when unknown. A draft whose <see cref="EventDraft.TransactionId"/> made a
    /// live event of the user's before gets that event back and nothing is booked. Throws <see cref="ArgumentException"/>
    /// on a bad draft.
    /// </summary>
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
        StandInEvent created;
        lock (_writes)
        {
            if (draft.TransactionId is { } transaction
                && _store.Current(user.Id).Events.FirstOrDefault(e => string.Equals(e.TransactionId, transaction, StringComparison.Ordinal)) is { } earlier)
            {
                return Task.FromResult(earlier);
            }

            created = Apply(
                new StandInEvent
                {
                    Id = "AAMkAGI" + Guid.NewGuid().ToString("N"),
                    UserId = user.Id,
                    CreatedDateTime = now,
                    LastModifiedDateTime = now,
                    ChangeKey = NewChangeKey(),
                    ICalUId = "040000008200E00074C5B7101A82E008" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                    TransactionId = draft.TransactionId,
                    Start = draft.Start,
                    End = draft.End,
                    Organizer = new EmailAddress(user.DisplayName, user.Mail ?? user.UserPrincipalName),
                },
                draft);
            _store.Put(created);
        }

        _notifications.EventChanged(user.Id, created.Id, "created", created.ChangeKey);
        return Task.FromResult(created);
    }

    /// <summary>Changes the members the draft sets; null when the event does not exist.</summary>
    public Task<StandInEvent?> UpdateEventAsync(string userId, string eventId, EventDraft changes, CancellationToken ct) =>
        UpdateEventAsync(userId, eventId, changes, ifMatch: null, ct);

    /// <summary>
    /// As <see cref="UpdateEventAsync(string, string, EventDraft, CancellationToken)"/>; with <paramref name="ifMatch"/>
    /// (an <c>If-Match</c> header: the change key, bare or as the event's etag) only while the event still has that
    /// change key, else <see cref="ChangeKeyMismatchException"/>.
    /// </summary>
    internal Task<StandInEvent?> UpdateEventAsync(string userId, string eventId, EventDraft changes, string? ifMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ct.ThrowIfCancellationRequested();
        var user = _directory.FindUser(userId);
        if (user is null)
        {
            return Task.FromResult<StandInEvent?>(null);
        }

        StandInEvent updated;
        lock (_writes)
        {
            if (_store.Find(user.Id, eventId) is not { } current)
            {
                return Task.FromResult<StandInEvent?>(null);
            }

            Check(current, ifMatch);
            updated = Apply(current with { LastModifiedDateTime = _time.GetUtcNow(), ChangeKey = NewChangeKey() }, changes);
            _store.Put(updated);
        }

        _notifications.EventChanged(user.Id, updated.Id, "updated", updated.ChangeKey);
        return Task.FromResult<StandInEvent?>(updated);
    }

    /// <summary>Deletes the event; false when it does not exist.</summary>
    public Task<bool> DeleteEventAsync(string userId, string eventId, CancellationToken ct) => DeleteEventAsync(userId, eventId, ifMatch: null, ct);

    /// <summary>As <see cref="DeleteEventAsync(string, string, CancellationToken)"/>, with <c>If-Match</c> as for an update.</summary>
    internal Task<bool> DeleteEventAsync(string userId, string eventId, string? ifMatch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var user = _directory.FindUser(userId);
        if (user is null)
        {
            return Task.FromResult(false);
        }

        CalendarEntry? tombstone;
        lock (_writes)
        {
            if (_store.Find(user.Id, eventId) is { } current)
            {
                Check(current, ifMatch);
            }

            tombstone = _store.Delete(user.Id, eventId);
        }

        if (tombstone is null)
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

    /// <summary><c>*</c> or no <c>If-Match</c> matches any version; otherwise the change key, bare, quoted or as <c>W/"…"</c>.</summary>
    private static void Check(StandInEvent current, string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return;
        }

        var key = ifMatch.Trim();
        key = key.StartsWith("W/", StringComparison.Ordinal) ? key[2..] : key;
        if (!string.Equals(key.Trim('"'), current.ChangeKey, StringComparison.Ordinal))
        {
            throw new ChangeKeyMismatchException();
        }
    }

    private static string NewChangeKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
}
