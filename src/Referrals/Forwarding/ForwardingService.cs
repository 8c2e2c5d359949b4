using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>
/// Rule 12: a forwarding is proposed with the colleague's timeline checked for its whole period, and stored through
/// <see cref="ReferralService"/> (the one write path) once the person confirms or there was nothing to confirm.
/// </summary>
public sealed class ForwardingService(ReferralService referrals, IOrganisationSource organisation, IForwardingIndex index)
{
    /// <summary>
    /// The forwarding from now to <paramref name="until"/> — without one, to the end of what is in force now, or else to the
    /// end of today's working hours — and where the colleague can't take the calls. Refuses (as
    /// <see cref="ReferralRuleException"/>) a forwarding to oneself or to a time that has passed.
    /// </summary>
    public async Task<ForwardingProposal> ProposeAsync(
        Person person, Person colleague, Instant? until, CancellationToken cancellationToken, Instant? from = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(colleague);
        if (colleague.Id == person.Id)
        {
            throw new ReferralRuleException("forwardTo", "Du kan inte vidarekoppla till dig själv. Ange en kollega.");
        }

        var now = referrals.Now;
        var end = until ?? await DefaultEndAsync(person, now, cancellationToken).ConfigureAwait(false);
        if (end <= now)
        {
            throw new ReferralRuleException("until", "Tiden har redan passerat. Ange en tid framåt.");
        }

        var start = from is { } f && f > now ? f : now;
        if (end <= start)
        {
            throw new ReferralRuleException("until", "Vidarekopplingen måste sluta efter att den börjar.");
        }

        var forwarding = new CallForwarding(colleague.Id, start, end, now);
        return new ForwardingProposal(forwarding, await UnreachableAsync(colleague, forwarding.Period, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Where <paramref name="colleague"/> can't take calls inside <paramref name="period"/>.</summary>
    public async Task<IReadOnlyList<UnreachableStretch>> UnreachableAsync(Person colleague, Interval period, CancellationToken cancellationToken)
    {
        var timeline = await referrals.TimelineAsync(colleague, period, cancellationToken).ConfigureAwait(false);
        return ForwardingCheck.Unreachable(timeline, period);
    }

    public Task<ReferralResult> SetAsync(Person person, CallForwarding forwarding, ReferralSource source, string actor, CancellationToken cancellationToken) =>
        referrals.SetForwardingAsync(person.Id, forwarding, source, actor, cancellationToken);

    public Task<ReferralResult> EndAsync(Person person, ReferralSource source, string actor, CancellationToken cancellationToken) =>
        referrals.EndForwardingAsync(person.Id, source, actor, cancellationToken);

    /// <summary>
    /// The forwardings to <paramref name="colleague"/> that have not ended: in force now or set to begin later (set today
    /// for tomorrow), so a change of the colleague's is checked against the whole of every period it could spoil.
    /// </summary>
    public async Task<IReadOnlyList<ForwardingTo>> ForwardingToAsync(Person colleague, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(colleague);
        var org = organisation.Current;
        var forwardings = await index.ForwardingToAsync(colleague.Id, referrals.Now, cancellationToken).ConfigureAwait(false);
        return forwardings.Select(f => org.FindPerson(f.Key) is { } person ? new ForwardingTo(person, f.Value) : null).OfType<ForwardingTo>().ToList();
    }

    private async Task<Instant> DefaultEndAsync(Person person, Instant now, CancellationToken cancellationToken)
    {
        var status = await referrals.StatusAsync(person, cancellationToken).ConfigureAwait(false);
        if (status.Segment is { Referral: not null } segment)
        {
            return segment.ReturnsAt;
        }

        var calendar = new WorkingCalendar(organisation.Current);
        var today = now.InZone(calendar.Zone).Date;
        if (calendar.IsWorkingDay(today) && now < calendar.EndOfWorkingDay(today))
        {
            return calendar.EndOfWorkingDay(today);
        }

        throw new ReferralRuleException("until", "Till när? Ange en tid, till exempel: /vidarekoppla till Ida Berg till 15:00.");
    }
}
