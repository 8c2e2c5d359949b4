using NodaTime;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>Who forwards to whom: the forwardings to a colleague that have not ended by a given instant, begun or not, by person id.</summary>
public interface IForwardingIndex
{
    Task<IReadOnlyDictionary<string, CallForwarding>> ForwardingToAsync(string colleagueId, Instant notEndedBy, CancellationToken cancellationToken);
}
