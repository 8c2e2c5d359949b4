using PresenceBot.Referrals.Service;

namespace PresenceBot.OperatorPage;

/// <summary>A change committed on this instance reaches the open pages as soon as the outbox delivers it.</summary>
internal sealed class ChangeFeedHandler(ChangeFeed feed) : IReferralChangeHandler
{
    public Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        feed.Publish(change.PersonId, change.OccurredAt);
        return Task.CompletedTask;
    }
}
