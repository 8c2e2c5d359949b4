using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.TeamsChannel.Authentication;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>
/// Decides where the bot's token may go: a service URL listed in <c>Bot:TrustedServiceUrls</c> or seen
/// on an authenticated activity — never one that merely sits in stored data (a conversation reference).
/// </summary>
internal sealed class ServiceUrlTrust(IOptions<BotOptions> options, ITrustedServiceUrlStore store, TimeProvider time, ILogger<ServiceUrlTrust> logger)
{
    private readonly HashSet<string> _configured = options.Value.TrustedServiceUrls
        .Select(ServiceUrl.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task<bool> IsTrustedAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        if (ServiceUrl.Normalize(serviceUrl) is not { } url)
        {
            return false;
        }

        if (_configured.Contains(url) || _known.ContainsKey(url))
        {
            return true;
        }

        // Another instance may have learned it; only positive answers are cached.
        if (await store.ContainsAsync(url, cancellationToken).ConfigureAwait(false))
        {
            _known[url] = true;
            return true;
        }

        return false;
    }

    /// <summary>Called only for activities whose token was validated and whose <c>serviceurl</c> claim matched.</summary>
    public async Task TrustAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        if (ServiceUrl.Normalize(serviceUrl) is not { } url || _configured.Contains(url) || _known.ContainsKey(url))
        {
            return;
        }

        await store.AddAsync(url, Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        _known[url] = true;
        ChannelLog.ServiceUrlTrusted(logger, url);
    }
}
