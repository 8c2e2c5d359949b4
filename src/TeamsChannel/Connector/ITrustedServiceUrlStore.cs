using NodaTime;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>Service URLs seen on authenticated activities, kept so proactive messages after a restart may still carry a token.</summary>
public interface ITrustedServiceUrlStore
{
    Task<bool> ContainsAsync(string serviceUrl, CancellationToken cancellationToken);

    Task AddAsync(string serviceUrl, Instant at, CancellationToken cancellationToken);
}
