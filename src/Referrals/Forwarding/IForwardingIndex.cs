using NodaTime;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>Who forwards to whom: the people whose forwarding to a colleague has not ended by a given instant.</summary>
public interface IForwardingIndex
{
    Task<IReadOnlyList<string>> ForwardingToAsync(string colleagueId, Instant notEndedBy, CancellationToken cancellationToken);
}
