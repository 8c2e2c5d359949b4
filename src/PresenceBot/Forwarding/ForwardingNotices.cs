using System.Globalization;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;
using PresenceBot.Reminders;

namespace PresenceBot.Forwarding;

/// <summary>
/// What forwarding tells people in Teams, each message claimed once in <c>sent_reminders</c> (kind, recipient, the
/// forwarder, the forwarding's set time), so a repeat, a retry or a second instance never says it twice.
/// </summary>
internal sealed class ForwardingNotices(ReminderDelivery delivery, IReminderLog log, ReferralService referrals, IOrganisationSource organisation)
{
    /// <summary>Tells the colleague calls now come to them, unless they are outside their working hours (rule 11).</summary>
    public async Task<ColleagueNotice> TellColleagueAsync(Person person, Person colleague, CallForwarding forwarding, CancellationToken cancellationToken)
    {
        var now = referrals.Now;
        if (!new WorkingCalendar(organisation.Current).IsWithinWorkingHours(now))
        {
            return ColleagueNotice.OutsideWorkingHours;
        }

        var zone = organisation.Current.TimeZone;
        var outcome = await delivery.DeliverAsync(Message(ReminderKind.ForwardingNotice, colleague, person, forwarding,
            "Samtal kopplas till dig", ForwardingText.ToColleague(person, forwarding.Until, now, zone) + "."), cancellationToken).ConfigureAwait(false);
        return outcome == ReminderOutcome.Sent ? ColleagueNotice.Told : ColleagueNotice.NotReached;
    }

    /// <summary>
    /// The colleague became unreachable inside the forwarding: the person is told when (never why) and what to do, the
    /// colleague that calls come to them while they are away. At most once per forwarding.
    /// </summary>
    public async Task TellConflictAsync(
        Person person, Person colleague, CallForwarding forwarding, IReadOnlyList<UnreachableStretch> stretches, CancellationToken cancellationToken)
    {
        var now = referrals.Now;
        var zone = organisation.Current.TimeZone;
        var when = string.Join(", ", stretches.Select(s => ForwardingText.Stretch(colleague, s, now, zone)));
        await delivery.DeliverAsync(Message(ReminderKind.ForwardingConflict, person, person, forwarding,
            $"{colleague.Name} kan inte ta alla dina samtal",
            $"{when}, medan dina samtal kopplas till {colleague.Name}. Välj en annan kollega med /vidarekoppla till <namn>, eller avsluta med /vidarekoppla av."),
            cancellationToken).ConfigureAwait(false);
        var spans = string.Join(", ", stretches.Select(s => ForwardingText.Span(s.From, s.To, now, zone)));
        await delivery.DeliverAsync(Message(ReminderKind.ForwardingConflict, colleague, person, forwarding,
            $"Samtal till {person.Name} kopplas till dig",
            $"Du är inte nåbar {spans}, men samtal till {person.Name} kopplas till dig till {ForwardingText.At(forwarding.Until, now, zone)}. {person.Name} har fått veta det."),
            cancellationToken).ConfigureAwait(false);
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
