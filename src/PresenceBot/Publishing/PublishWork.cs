using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Timeline;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing;

/// <summary>
/// Runs one destination's queued work for one person: the person's status now goes to the destination, then the next
/// moment that status changes by itself (a booking starts, a referral ends) is put in the queue as a
/// <see cref="PublishFanOut"/> item (in the transaction that completes this run), so a destination also learns what no
/// write announces.
/// </summary>
internal sealed class PublishWork(
    IPublisher publisher, IOrganisationSource organisation, ReferralService referrals, PublishFanOut fanOut) : IWorkHandler
{
    /// <summary>How far ahead the next change is looked for; the nightly full calendar read asks again anyway.</summary>
    private static readonly Duration Horizon = Duration.FromDays(14);

    public WorkKind Kind => publisher.Kind;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (organisation.Current.FindPerson(item.Key) is not { } person || !publisher.Covers(person))
        {
            // Someone who left the organisation file, or a destination that no longer covers them: nothing to say.
            return;
        }

        var now = referrals.Now;
        var (status, timeline) = await referrals.StatusAndTimelineAsync(person, new Interval(now, now + Horizon), cancellationToken).ConfigureAwait(false);
        await publisher.PublishAsync(status, item, cancellationToken).ConfigureAwait(false);
        // A forwarding ending by its time changes what is published too ("… och samtalet kopplas till …" goes).
        var next = NextChange(timeline, now, organisation.Current.TimeZone);
        if (status.Forwarding is { } forwarding && forwarding.Until > now && (next is null || forwarding.Until < next))
        {
            next = forwarding.Until;
        }

        if (next is { } due)
        {
            item.Then(new WorkRequest(fanOut.Kind, PublishFanOut.KeyAt(person.Id, due), DueAt: due));
        }
    }

    /// <summary>
    /// When what is published next differs by itself: the end of the segment in force at <paramref name="now"/>, and
    /// for a referral also the next local midnight (the talsvar says "i morgon klockan 08.00" today and "klockan 08.00"
    /// tomorrow). Nothing when the person is available to the horizon (a booking further ahead arrives as a change of its
    /// own once the calendar window reaches it).
    /// </summary>
    internal static Instant? NextChange(IReadOnlyList<TimelineSegment> timeline, Instant now, DateTimeZone zone)
    {
        if (timeline.FirstOrDefault(s => s.Contains(now)) is not { } current)
        {
            return null;
        }

        var horizon = timeline[^1].To;
        if (!current.IsReferred)
        {
            return current.To < horizon ? current.To : null;
        }

        var midnight = now.InZone(zone).Date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        return Instant.Min(Instant.Min(current.To, horizon), midnight);
    }
}
