namespace PresenceBot.Referrals.Service;

/// <summary>
/// Reacts to a committed change (publish to the switchboard, coverage alerts…). Delivered at least
/// once from the outbox, so a handler must tolerate seeing the same event twice.
/// </summary>
public interface IReferralChangeHandler
{
    Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken);
}
