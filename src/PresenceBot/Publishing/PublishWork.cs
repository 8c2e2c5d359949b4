using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Timeline;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing;

/// <summary>
/// Runs one destination's queued work for one person: the person's status now goes to the destination, then the next
/// moment that status changes by itself (a booking starts, a referral ends) is put in the queue as a
/// <see cref="PublishFanOut"/> item, so a destination also learns what no write announces.
/// </summary>
internal sealed class PublishWork(
    IPublisher publisher, IOrganisationSource organisation, ReferralService referrals, WorkItems queue, PublishFanOut fanOut) : IWorkHandler
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
        var timeline = await referrals.TimelineAsync(person, new Interval(now, now + Horizon), cancellationToken).ConfigureAwait(false);
        var status = await referrals.StatusAsync(person, cancellationToken).ConfigureAwait(false);
        await publisher.PublishAsync(status, cancellationToken).ConfigureAwait(false);
        if (NextChange(timeline, now) is { } next)
        {
            await queue.EnqueueAsync([new WorkRequest(fanOut.Kind, person.Id, DueAt: next)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// When the status in force at <paramref name="now"/> ends: the end of its segment. Nothing when the person is
    /// available to the horizon (a booking further ahead arrives as a change of its own once the calendar window reaches
    /// it); the horizon itself when a referral runs past it, to look again then.
    /// </summary>
    internal static Instant? NextChange(IReadOnlyList<TimelineSegment> timeline, Instant now)
    {
        if (timeline.FirstOrDefault(s => s.Contains(now)) is not { } current)
        {
            return null;
        }

        var horizon = timeline[^1].To;
        return current.To < horizon ? current.To : current.IsReferred ? horizon : null;
    }
}
