using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Forwarding;

/// <summary>
/// A committed change of someone's referrals (a new booking, a referral) may make them unreachable inside a forwarding
/// that goes to them — in force or set to begin later: then both are told, once (<see cref="ForwardingNotices.QueueConflictAsync"/>).
/// Runs on the outbox, so a change is looked at even if the process died right after committing it.
/// </summary>
internal sealed class ForwardingConflictHandler(
    ForwardingService forwarding, ForwardingNotices notices, IOrganisationSource organisation, ReferralService referrals)
    : IReferralChangeHandler
{
    public async Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (organisation.Current.FindPerson(change.PersonId) is not { } colleague)
        {
            return;
        }

        foreach (var (person, set) in await forwarding.ForwardingToAsync(colleague, cancellationToken).ConfigureAwait(false))
        {
            var now = referrals.Now;
            if (set.Until > now
                && (await forwarding.UnreachableAsync(colleague, new Interval(Instant.Max(set.From, now), set.Until), cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                await notices.QueueConflictAsync(person, colleague, set, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
