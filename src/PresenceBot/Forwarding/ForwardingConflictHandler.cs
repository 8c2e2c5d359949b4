using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Forwarding;

/// <summary>
/// A committed change of someone's referrals (a new booking, a referral) may make them unreachable inside a forwarding
/// that goes to them: then both are told, once (<see cref="ForwardingNotices.TellConflictAsync"/>). Runs on the outbox,
/// so a change is looked at even if the process died right after committing it.
/// </summary>
internal sealed class ForwardingConflictHandler(
    ForwardingService forwarding, ForwardingNotices notices, IOrganisationSource organisation, ReferralService referrals)
    : IReferralChangeHandler
{
    public async Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var org = organisation.Current;
        if (org.FindPerson(change.PersonId) is not { } colleague)
        {
            return;
        }

        foreach (var forwarder in await forwarding.ForwardingToAsync(colleague, cancellationToken).ConfigureAwait(false))
        {
            var set = forwarder.Forwarding!;
            var rest = new Interval(Instant.Max(set.From, referrals.Now), set.Until);
            var stretches = await forwarding.UnreachableAsync(colleague, rest, cancellationToken).ConfigureAwait(false);
            if (stretches.Count > 0)
            {
                await notices.TellConflictAsync(forwarder.Person, colleague, set, stretches, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
