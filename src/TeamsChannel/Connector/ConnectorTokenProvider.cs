using Azure.Core;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>
/// The bot's token for the connector, from its Entra credential, reused until five minutes before it
/// expires (measured on the injected clock) so a turn rarely waits for Entra.
/// </summary>
internal sealed class ConnectorTokenProvider([FromKeyedServices(TeamsChannelSetup.CredentialKey)] TokenCredential credential, TimeProvider time) : IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            var fetched = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken).ConfigureAwait(false);
            _cached = fetched;
            return fetched.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private string? Fresh() =>
        _cached is { } cached && time.GetUtcNow() < cached.ExpiresOn - RefreshMargin ? cached.Token : null;
}
