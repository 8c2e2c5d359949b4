using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Mapping;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// Re-reads one person's calendar and hands the referral service the result. Never trusts what a
/// notification said: it asks Graph what is true now (the delta since last time, or the whole window).
/// </summary>
internal sealed class PersonCalendarSync(
    ICalendarReader reader,
    ICalendarSyncStateStore states,
    ReferralService referrals,
    IOrganisationSource organisation,
    CalendarEventMapper mapper,
    OwnEventRecognizer ownEvents,
    GraphEndpoint endpoint,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<PersonCalendarSync> logger)
{
    /// <summary>Far enough back and ahead to cover every calendar referral a person can have.</summary>
    private static readonly Duration Everything = Duration.FromDays(3650);

    public async Task SyncAsync(Person person, bool full, CancellationToken cancellationToken)
    {
        var org = organisation.Current;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (person.CalendarCoupling == CalendarCoupling.Off)
        {
            // The calendar no longer speaks for this person: whatever it said goes.
            await referrals.SyncCalendarAsync(
                new CalendarChanges(person.Id, [], [], new Interval(now - Everything, now + Everything), CalendarEventMapper.Actor),
                cancellationToken).ConfigureAwait(false);
            await states.DeleteAsync(person.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        var window = Window(now, org.TimeZone);
        var state = full ? null : await states.GetAsync(person.Id, cancellationToken).ConfigureAwait(false);
        var read = await ReadAsync(person.Id, state, window, cancellationToken).ConfigureAwait(false);
        await ApplyAsync(person, read, window, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The first sync of many people (nothing read yet): their windows come in $batch requests, then each
    /// person's result is applied. Returns those done; anyone left out gets an ordinary sync later.
    /// </summary>
    public async Task<IReadOnlyList<string>> FirstSyncAsync(IReadOnlyList<Person> people, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var window = Window(now, organisation.Current.TimeZone);
        var reads = await reader.ReadWindowsAsync(people.Select(p => p.Id).ToList(), window, cancellationToken).ConfigureAwait(false);
        var done = new List<string>(reads.Count);
        foreach (var person in people.Where(p => reads.ContainsKey(p.Id)))
        {
            await ApplyAsync(person, reads[person.Id], window, now, cancellationToken).ConfigureAwait(false);
            done.Add(person.Id);
        }

        return done;
    }

    private async Task ApplyAsync(Person person, CalendarRead read, Interval window, Instant now, CancellationToken cancellationToken)
    {
        if (!read.IsFull && read.Events.Count == 0 && read.RemovedIds.Count == 0)
        {
            // Nothing changed (a duplicate or stale notification): no database work at all. Keeping the older
            // delta link is safe; next time Graph answers from that point, which includes everything since.
            return;
        }

        // Our own write-back events make no referral of their own; one the person edited or deleted ends its manual one.
        var own = await ownEvents.SortAsync(person.Id, read, cancellationToken).ConfigureAwait(false);
        var calendar = new WorkingCalendar(organisation.Current);
        var bookings = new List<CalendarBooking>();
        var removed = new List<string>(read.RemovedIds);
        foreach (var calendarEvent in read.Events.Where(e => !own.PassOver.Contains(e.Id)))
        {
            var decision = mapper.Map(calendarEvent, person, calendar, now);
            if (decision.Booking is { } booking)
            {
                bookings.Add(booking);
            }
            else if (IgnoreReasons.RemovesReferral(decision.IgnoreReason!))
            {
                removed.Add(calendarEvent.Id);
            }
        }

        var result = await referrals.SyncCalendarAsync(
            new CalendarChanges(person.Id, bookings, removed, read.IsFull ? window : null, CalendarEventMapper.Actor)
            {
                EndedManualReferrals = own.EndedReferrals,
            },
            cancellationToken).ConfigureAwait(false);

        // Saved only after the referrals: if we die in between, the same delta is simply read again.
        await states.SaveAsync(new CalendarSyncState(person.Id, read.DeltaLink, window.Start, window.End, now), cancellationToken).ConfigureAwait(false);
        CalendarSyncLog.Synced(logger, person.Id, read.IsFull ? "full" : "delta", bookings.Count, removed.Count, result.Changed);
    }

    private async Task<CalendarRead> ReadAsync(string personId, CalendarSyncState? state, Interval window, CancellationToken cancellationToken)
    {
        // A delta link is bound to the window it started with; a new day means a new window. It is also bound to
        // the Graph that issued it: after Graph:BaseUrl changed, or the built-in stand-in restarted on another
        // port, the stored link points at a server that is gone, and every run would fail on it.
        if (state is null || state.WindowStart != window.Start || state.WindowEnd != window.End
            || !state.DeltaLink.StartsWith(endpoint.BaseUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase))
        {
            return await reader.ReadWindowAsync(personId, window, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await reader.ReadChangesAsync(personId, state.DeltaLink, cancellationToken).ConfigureAwait(false);
        }
        catch (DeltaExpiredException)
        {
            CalendarSyncLog.DeltaExpired(logger, personId);
            return await reader.ReadWindowAsync(personId, window, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>From the start of <c>SyncDaysBack</c> days ago to the end of <c>SyncDaysAhead</c> days ahead, local days.</summary>
    private Interval Window(Instant now, DateTimeZone zone)
    {
        var today = now.InZone(zone).Date;
        var start = zone.AtStartOfDay(today.PlusDays(-options.Value.SyncDaysBack)).ToInstant();
        var end = zone.AtStartOfDay(today.PlusDays(options.Value.SyncDaysAhead + 1)).ToInstant();
        return new Interval(start, end);
    }
}
