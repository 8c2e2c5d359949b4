using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PresenceBot.TeamsChannel.Authentication;

namespace PresenceBot.TeamsChannel.Connector;

/// <summary>
/// Adds the bot's token to connector requests. An authenticated bot sends nothing at all to a service URL that is not
/// trusted (neither its token nor the message, which may be personal): the request fails as <see cref="ConnectorException.IsUntrusted"/>.
/// </summary>
internal sealed class ConnectorAuthenticationHandler(
    IOptions<MicrosoftAppOptions> app, IServiceProvider services, ServiceUrlTrust trust, ILogger<ConnectorAuthenticationHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!app.Value.IsAnonymous && request.Options.TryGetValue(ConnectorClient.ServiceUrlOption, out var serviceUrl))
        {
            if (await trust.IsTrustedAsync(serviceUrl, cancellationToken).ConfigureAwait(false))
            {
                // Resolved here, not injected: anonymous runs register no credential at all.
                var token = await services.GetRequiredService<ConnectorTokenProvider>().GetTokenAsync(cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                ChannelLog.ServiceUrlUntrusted(logger, serviceUrl);
                throw new ConnectorException(ConnectorException.UntrustedStatus, "a request to an untrusted service URL (not sent)");
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
