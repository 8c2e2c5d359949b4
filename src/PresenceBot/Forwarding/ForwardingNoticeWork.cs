using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Reminders;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.WorkQueue;

namespace PresenceBot.Forwarding;

/// <summary>
/// Sends a queued forwarding notice when it is due, if it still holds: the forwarding it is about is still the one in
/// force or to come (not ended, not replaced) and, for a conflict, the colleague is still unreachable in what is left of
/// it. A failed send throws, so the queue retries it with back-off and in the end keeps it as a dead letter; the
/// <c>sent_reminders</c> claim sends it at most once however often it runs.
/// </summary>
internal sealed class ForwardingNoticeWork(
    ForwardingNotices notices,
    ForwardingService forwardings,
    ReminderDelivery delivery,
    IConversationReferenceStore references,
    IOrganisationSource organisation,
    ReferralService referrals,
    ILogger<ForwardingNoticeWork> logger) : IWorkHandler
{
    /// <summary>
    /// Retried from 30 s doubling to 10 min, ten times (about an hour). Its age counts from when it was asked for, which
    /// may be a long weekend before it is due, so the age limit is generous.
    /// </summary>
    public static readonly WorkKind Notices = new("forwarding-notice")
    {
        Concurrency = 2,
        FirstRetryDelay = TimeSpan.FromSeconds(30),
        MaxRetryDelay = TimeSpan.FromMinutes(10),
        MaxAttempts = 10,
        MaxAge = TimeSpan.FromDays(14),
    };

    public WorkKind Kind => Notices;

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var notice = ForwardingNoticeItem.Parse(item.Payload!);
        var now = referrals.Now;
        var allowed = notices.WorkingFrom(now);
        if (allowed > now)
        {
            // A retry that came due after working hours ended: rule 11 holds for retries too. Asked for in the commit that
            // records this run as done, so the put-off and the completion are one.
            item.Then(notice.Request(allowed, putOff: true));
            ForwardingLog.PutOff(logger, notice.Kind.ToString(), notice.RecipientId, allowed);
            return;
        }

        var message = await StillToSayAsync(notice, now, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return;
        }

        if (await references.FindAsync(notice.RecipientId, cancellationToken).ConfigureAwait(false) is null or { IsStale: true })
        {
            // No chat with the bot, or Teams said the person is gone: retrying can't reach them.
            Dropped(notice, "not reachable in Teams");
            return;
        }

        if (await delivery.DeliverAsync(message, cancellationToken).ConfigureAwait(false) == ReminderOutcome.Failed)
        {
            throw new NoticeNotDeliveredException(notice.Kind);
        }
    }

    private async Task<ReminderMessage?> StillToSayAsync(ForwardingNoticeItem notice, NodaTime.Instant now, CancellationToken cancellationToken)
    {
        var org = organisation.Current;
        if (org.FindPerson(notice.PersonId) is not { } person || org.FindPerson(notice.ColleagueId) is not { } colleague)
        {
            Dropped(notice, "no longer in the organisation");
            return null;
        }

        var forwarding = (await forwardings.ForwardingToAsync(colleague, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(f => f.Person.Id == person.Id && f.Forwarding.SetAt.ToUnixTimeMilliseconds() == notice.SetAt)?.Forwarding;
        if (forwarding is null)
        {
            Dropped(notice, "the forwarding ended or changed");
            return null;
        }

        var message = notice.Kind == ReminderKind.ForwardingNotice
            ? notices.ToColleague(person, colleague, forwarding, now)
            : await notices.ConflictAsync(person, colleague, forwarding, notice.RecipientId, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            Dropped(notice, "the colleague is reachable for the rest of it");
        }

        return message;
    }

    private void Dropped(ForwardingNoticeItem notice, string why) => ForwardingLog.Dropped(logger, notice.Kind.ToString(), notice.RecipientId, why);
}
