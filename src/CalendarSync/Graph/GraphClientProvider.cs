using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Authentication.Azure;

namespace PresenceBot.CalendarSync.Graph;

/// <summary>
/// Builds the one <see cref="GraphServiceClient"/> of the app, lazily, because on the embedded defaults
/// its base URL is known only once the stand-in listens. Graph's own middleware (retry honouring
/// Retry-After on 429/503, redirects) is kept, with <see cref="GraphAnswerCounter"/> innermost.
/// </summary>
internal sealed class GraphClientProvider(GraphEndpoint endpoint, IOptions<GraphOptions> options, GraphMetrics metrics) : IDisposable
{
    private static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];
    private readonly Lazy<GraphServiceClient> _client = new(() => Create(endpoint.BaseUrl, options.Value, metrics));

    public GraphServiceClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }

    private static GraphServiceClient Create(Uri baseUrl, GraphOptions options, GraphMetrics metrics)
    {
        var baseAddress = baseUrl.AbsoluteUri.TrimEnd('/');
        IAuthenticationProvider authentication = Credential(options) is { } credential
            ? new AzureIdentityAuthenticationProvider(credential, [baseUrl.Host], null, true, Scopes)
            : new AnonymousAuthenticationProvider();
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        handlers.Add(new GraphAnswerCounter(metrics));
#pragma warning disable CA2000 // The GraphServiceClient owns the HttpClient and disposes it with itself.
        return new GraphServiceClient(GraphClientFactory.Create(handlers), authentication, baseAddress);
#pragma warning restore CA2000
    }

    private static TokenCredential? Credential(GraphOptions options) => options.Credential switch
    {
        GraphCredentialKind.ClientSecret => new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret),
        GraphCredentialKind.Certificate => new ClientCertificateCredential(
            options.TenantId,
            options.ClientId,
            X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath!, options.CertificatePassword)),
        GraphCredentialKind.ManagedIdentity => new ManagedIdentityCredential(
            string.IsNullOrWhiteSpace(options.ClientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
        _ => null,
    };
}
