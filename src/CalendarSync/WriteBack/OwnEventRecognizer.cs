using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Text;
using PresenceBot.CalendarSync.Mapping;
using PresenceBot.CalendarSync.Processing;

namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// Tells the calendar sync which events of a read are PresenceBot's own write-back: by the event ids stored when they
/// were written, and for an event not known by id but worded as ours (a create whose answer was lost) by its mark, read
/// per event because the delta can't expand extended properties. An event of ours that still says what we wrote is
/// passed over (no second referral, no loop). One the person edited, or deleted, is theirs from then on: it is read
/// like any booking and its manual referral ends, so the two never both apply.
/// </summary>
internal sealed class OwnEventRecognizer(IWrittenEventStore store, IOutlookEventWriter writer, ILogger<OwnEventRecognizer> logger)
{
    private static readonly LocalDateTimePattern GraphDateTime = LocalDateTimePattern.ExtendedIso;
    private static readonly FrozenSet<string> WrittenCodes = MappingRules.WrittenSubjectCodes().Values.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public async Task<OwnEvents> SortAsync(string personId, CalendarRead read, CancellationToken cancellationToken)
    {
        var ids = read.Events.Select(e => e.Id).Concat(read.RemovedIds).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return OwnEvents.None;
        }

        var found = await store.FindAsync(personId, ids, [], cancellationToken).ConfigureAwait(false);
        var known = found.Where(w => w.EventId is not null).ToDictionary(w => w.EventId!, StringComparer.Ordinal);
        if (found.Any(w => w.EventId is null))
        {
            // Only while a create is unconfirmed can an event of ours be unknown by id; people's own Trio-coded bookings
            // cost no extra read otherwise.
            var candidates = read.Events.Where(e => !known.ContainsKey(e.Id) && IsWordedAsOurs(e.Subject)).ToList();
            await AdoptMarkedAsync(personId, candidates, known, cancellationToken).ConfigureAwait(false);
        }

        var passOver = new HashSet<string>(StringComparer.Ordinal);
        var ended = new List<Guid>();
        var release = new List<Guid>();
        foreach (var calendarEvent in read.Events)
        {
            if (!known.TryGetValue(calendarEvent.Id, out var written))
            {
                continue;
            }

            if (written.State == WrittenEventState.Deleted || (written.State == WrittenEventState.Active && written.Says(FingerprintOf(calendarEvent))))
            {
                passOver.Add(calendarEvent.Id);
                continue;
            }

            Hand(written, ended, release);
        }

        foreach (var removed in read.RemovedIds)
        {
            if (known.TryGetValue(removed, out var written) && written.State != WrittenEventState.Deleted)
            {
                Hand(written, ended, release);
            }
        }

        if (release.Count > 0)
        {
            // Before the referral ends: from here on the publisher leaves the event alone.
            await store.ReleaseAsync(release, cancellationToken).ConfigureAwait(false);
            CalendarSyncLog.WrittenEventsHandedOver(logger, personId, release.Count);
        }

        return new OwnEvents(passOver, ended.Distinct().ToList());
    }

    /// <summary>The event as the fingerprint of what it says; an event whose times can't be read says something else.</summary>
    internal static string FingerprintOf(CalendarEvent calendarEvent)
    {
        var start = GraphDateTime.Parse(calendarEvent.Start.DateTime ?? string.Empty);
        var end = GraphDateTime.Parse(calendarEvent.End.DateTime ?? string.Empty);
        if (calendarEvent.IsAllDay || !start.Success || !end.Success
            || GraphTimeZones.Find(calendarEvent.Start.TimeZone) is not { } startZone || GraphTimeZones.Find(calendarEvent.End.TimeZone) is not { } endZone)
        {
            return "edited";
        }

        return WriteBackEvent.Of(calendarEvent.Subject, start.Value.InZoneLeniently(startZone).ToInstant(), end.Value.InZoneLeniently(endZone).ToInstant(), calendarEvent.ShowAs);
    }

    /// <summary>Only the code and separator are looked at, as the mapping does: "SAM: …", "DIS; …".</summary>
    internal static bool IsWordedAsOurs(string? subject) =>
        subject is { Length: >= 4 } && (subject[3] == ':' || subject[3] == ';') && WrittenCodes.Contains(subject[..3]);

    private static void Hand(WrittenEvent written, List<Guid> ended, List<Guid> release)
    {
        ended.Add(written.ReferralId);
        if (written.State == WrittenEventState.Active)
        {
            release.Add(written.ReferralId);
        }
    }

    private async Task AdoptMarkedAsync(string personId, IReadOnlyList<CalendarEvent> candidates, Dictionary<string, WrittenEvent> known, CancellationToken cancellationToken)
    {
        var marked = new Dictionary<Guid, string>();
        foreach (var candidate in candidates)
        {
            if (await writer.MarkOfAsync(personId, candidate.Id, cancellationToken).ConfigureAwait(false) is { } referralId)
            {
                marked[referralId] = candidate.Id;
            }
        }

        if (marked.Count == 0)
        {
            return;
        }

        foreach (var written in await store.FindAsync(personId, [], marked.Keys, cancellationToken).ConfigureAwait(false))
        {
            var eventId = marked[written.ReferralId];
            if (written.EventId is null && written.State == WrittenEventState.Active)
            {
                await store.AdoptAsync(written.ReferralId, eventId, cancellationToken).ConfigureAwait(false);
            }

            known[eventId] = written with { EventId = eventId };
        }
    }
}
