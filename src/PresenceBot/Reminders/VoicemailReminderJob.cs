using Hangfire;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Reminders;

/// <summary>
/// Every minute: whoever has unheard voicemail and a reminder due under <see cref="VoicemailReminderPolicy"/> gets it.
/// The policy names each occasion's slot from its inputs, so two instances running this at once claim the same slot
/// and only one sends.
/// </summary>
internal sealed class VoicemailReminderJob(
    IVoicemailLedger ledger,
    IReminderLog log,
    ReminderDelivery delivery,
    ReferralService referrals,
    IOrganisationSource organisation,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<VoicemailReminderJob> logger)
{
    public const string RecurringJobId = "voicemail-reminders";

    /// <summary>Returns how many reminders this run sent.</summary>
    /// <remarks>
    /// Never overlaps itself: while Teams is slow a run can outlast the minute, and the next one is then dropped (the
    /// lock is waited for a second only) instead of queueing on another worker; not retried, the next minute is the retry.
    /// </remarks>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 1)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var org = organisation.Current;
        var calendar = new WorkingCalendar(org);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (!calendar.IsWithinWorkingHours(now))
        {
            // Rule 11: nothing outside working hours; what is pending becomes the morning digest.
            return 0;
        }

        var rules = options.Value.ToVoicemailRules();
        var people = new List<Person>();
        foreach (var id in await ledger.PeopleWithUnheardAsync(cancellationToken).ConfigureAwait(false))
        {
            if (org.FindPerson(id) is { } person)
            {
                people.Add(person);
            }
            else
            {
                RemindersLog.UnknownPerson(logger, id);
            }
        }

        // One read for everyone's status. The real reason, not the disclosed one: sick leave must suppress reminders.
        var statuses = await referrals.StatusOfAsync(people, cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var status in statuses)
        {
            var person = status.Person;
            var voicemails = await ledger.ForPersonAsync(person.Id, cancellationToken).ConfigureAwait(false);
            var last = await log.LastVoicemailReminderAsync(person.Id, cancellationToken).ConfigureAwait(false);
            var due = VoicemailReminderPolicy.Decide(voicemails, calendar, status.Segment?.Referral?.Reason, last, now, rules);
            if (due is null)
            {
                continue;
            }

            var message = VoicemailReminderMessages.Compose(person, due, voicemails, now, org.TimeZone);
            if (await delivery.DeliverAsync(message, cancellationToken).ConfigureAwait(false) == ReminderOutcome.Sent)
            {
                sent++;
            }
        }

        RemindersLog.VoicemailRound(logger, people.Count, sent);
        return sent;
    }
}
