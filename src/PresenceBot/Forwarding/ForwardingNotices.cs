using System.Globalization;
using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;
using PresenceBot.Reminders;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.WorkQueue;

namespace PresenceBot.Forwarding;

/// <summary>
/// What forwarding tells people in Teams, each message claimed once in <c>sent_reminders</c> (kind, recipient, the
/// forwarder, the forwarding's set time), so a repeat, a retry or a second instance never says it twice. Rule 11: only
/// the person who set the forwarding asked for anything; whatever goes to someone else, or later, is sent inside working
/// hours — through the work queue, which holds it until they begin and retries a failed send.
/// </summary>
internal sealed class ForwardingNotices(
    IReminderLog log,
    ReferralService referrals,
    ForwardingService forwardings,
    IOrganisationSource organisation,
    WorkItems queue,
    IConversationReferenceStore references,
    ILogger<ForwardingNotices> logger)
{
    /// <summary>
    /// Queues the colleague's notice that calls now come to them, right after the forwarding is committed: the work queue
    /// sends it (and retries a failed send), so a Teams failure or a restart does not leave them untold. Due now inside
    /// working hours; outside them (rule 11) it waits for them to begin, and is not queued at all when the forwarding is
    /// over by then. When it is sent it says nothing if the forwarding has ended or changed meanwhile.
    /// </summary>
    public async Task<ColleagueNotice> QueueColleagueNoticeAsync(Person person, Person colleague, CallForwarding forwarding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(colleague);
        ArgumentNullException.ThrowIfNull(forwarding);
        var now = referrals.Now;
        var due = WorkingFrom(now);
        var item = ForwardingNoticeItem.From(ReminderKind.ForwardingNotice, colleague.Id, person.Id, forwarding);
        if (due > now)
        {
            if (forwarding.Until <= due)
            {
                return ColleagueNotice.OutsideWorkingHours;
            }

            await PutOffAsync(item, due, cancellationToken).ConfigureAwait(false);
            return ColleagueNotice.Deferred;
        }

        if (await references.FindAsync(colleague.Id, cancellationToken).ConfigureAwait(false) is null or { IsStale: true })
        {
            // No chat with the bot (or Teams said they are gone): nothing queued could reach them, so the person is told to say it.
            return ColleagueNotice.NotReached;
        }

        await queue.EnqueueAsync([item.Request(due)], cancellationToken).ConfigureAwait(false);
        return ColleagueNotice.Queued;
    }

    /// <summary>
    /// The colleague became unreachable inside the forwarding: both are to be told, once per forwarding. Queued (one
    /// item each, so one failing does not send the other twice), due now inside working hours or else when they begin;
    /// what is said is worked out when it is sent (<see cref="ConflictAsync"/>), so a conflict gone by then says nothing.
    /// </summary>
    public Task QueueConflictAsync(Person person, Person colleague, CallForwarding forwarding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(colleague);
        var due = WorkingFrom(referrals.Now);
        return queue.EnqueueAsync(
            [
                ForwardingNoticeItem.From(ReminderKind.ForwardingConflict, person.Id, person.Id, forwarding).Request(due),
                ForwardingNoticeItem.From(ReminderKind.ForwardingConflict, colleague.Id, person.Id, forwarding).Request(due),
            ],
            cancellationToken);
    }

    /// <summary>
    /// The person confirmed a forwarding knowing the colleague is away part of it: the conflict is already told, so a later
    /// change of the colleague's must not tell it again.
    /// </summary>
    public async Task MarkConflictToldAsync(Person person, Person colleague, CallForwarding forwarding, CancellationToken cancellationToken)
    {
        await log.TryClaimAsync(Message(ReminderKind.ForwardingConflict, person, person, forwarding, "", ""), cancellationToken).ConfigureAwait(false);
        await log.TryClaimAsync(Message(ReminderKind.ForwardingConflict, colleague, person, forwarding, "", ""), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rule 11: <paramref name="now"/> inside working hours, otherwise the moment they next begin.</summary>
    public Instant WorkingFrom(Instant now) => new WorkingCalendar(organisation.Current).NormalizeReturn(now);

    /// <summary>Holds <paramref name="item"/> in the queue until <paramref name="dueAt"/>.</summary>
    private async Task PutOffAsync(ForwardingNoticeItem item, Instant dueAt, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync([item.Request(dueAt)], cancellationToken).ConfigureAwait(false);
        ForwardingLog.PutOff(logger, item.Kind.ToString(), item.RecipientId, dueAt);
    }

    /// <summary>"Samtal till Kim Krona kopplas till dig till 15.00", with when it begins if that is later.</summary>
    public ReminderMessage ToColleague(Person person, Person colleague, CallForwarding forwarding, Instant now)
    {
        ArgumentNullException.ThrowIfNull(forwarding);
        var zone = organisation.Current.TimeZone;
        return Message(ReminderKind.ForwardingNotice, colleague, person, forwarding,
            "Samtal kopplas till dig", ForwardingText.ToColleague(person, forwarding.Until, now, zone, forwarding.From) + ".");
    }

    /// <summary>
    /// What <paramref name="recipient"/> (the person or the colleague) is told of where the colleague can't take the
    /// calls in what is left of the forwarding; null when nothing is left to tell.
    /// </summary>
    public async Task<ReminderMessage?> ConflictAsync(
        Person person, Person colleague, CallForwarding forwarding, string recipientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(colleague);
        ArgumentNullException.ThrowIfNull(forwarding);
        var now = referrals.Now;
        if (forwarding.Until <= now)
        {
            return null;
        }

        var stretches = await forwardings.UnreachableAsync(colleague, new Interval(Instant.Max(forwarding.From, now), forwarding.Until), cancellationToken)
            .ConfigureAwait(false);
        if (stretches.Count == 0)
        {
            return null;
        }

        var zone = organisation.Current.TimeZone;
        if (recipientId == person.Id)
        {
            var when = string.Join(", ", stretches.Select(s => ForwardingText.Stretch(colleague, s, now, zone)));
            return Message(ReminderKind.ForwardingConflict, person, person, forwarding,
                $"{colleague.Name} kan inte ta alla dina samtal",
                $"{when}, medan dina samtal kopplas till {colleague.Name}. Välj en annan kollega med /vidarekoppla till <namn>, eller avsluta med /vidarekoppla av.");
        }

        var spans = string.Join(", ", stretches.Select(s => ForwardingText.Span(s.From, s.To, now, zone)));
        return Message(ReminderKind.ForwardingConflict, colleague, person, forwarding,
            $"Samtal till {person.Name} kopplas till dig",
            $"Du är inte nåbar {spans}, men samtal till {person.Name} kopplas till dig till {ForwardingText.At(forwarding.Until, now, zone)}. {person.Name} har fått veta det.");
    }

    private ReminderMessage Message(ReminderKind kind, Person recipient, Person forwarder, CallForwarding forwarding, string title, string text) => new()
    {
        Kind = kind,
        RecipientId = recipient.Id,
        Subject = forwarder.Id,
        Slot = forwarding.SetAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        Title = title,
        Text = text,
        DueAt = referrals.Now,
    };
}
