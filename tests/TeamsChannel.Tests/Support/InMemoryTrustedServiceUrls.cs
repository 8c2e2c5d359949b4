using System.Collections.Concurrent;
using NodaTime;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>The learned service URLs, in memory.</summary>
public sealed class InMemoryTrustedServiceUrls : ITrustedServiceUrlStore
{
    private readonly ConcurrentDictionary<string, Instant> _urls = new(StringComparer.Ordinal);

    public int Count => _urls.Count;

    public Task<bool> ContainsAsync(string serviceUrl, CancellationToken cancellationToken) => Task.FromResult(_urls.ContainsKey(serviceUrl));

    public Task AddAsync(string serviceUrl, Instant at, CancellationToken cancellationToken)
    {
        _urls.TryAdd(serviceUrl, at);
        return Task.CompletedTask;
    }
}
