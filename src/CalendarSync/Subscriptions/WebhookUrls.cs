using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Graph;

namespace PresenceBot.CalendarSync.Subscriptions;

/// <summary>
/// Where Graph posts to us: <c>Graph:PublicBaseUrl</c>, or else this app's own first listening address
/// (enough for the loopback stand-in; real Graph needs a public HTTPS URL).
/// </summary>
internal sealed class WebhookUrls(IOptions<GraphOptions> options, IServer server)
{
    public const string NotificationsPath = "/api/graph/notifications";
    public const string LifecyclePath = "/api/graph/lifecycle";

    public Uri Notifications => new(BaseUrl, NotificationsPath);

    public Uri Lifecycle => new(BaseUrl, LifecyclePath);

    private Uri BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return new Uri(options.Value.PublicBaseUrl);
            }

            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Graph:PublicBaseUrl is not set and the server has no address yet.");

            // A wildcard binding is no address anyone can post to; loopback is, for the local stand-in.
            return new Uri(address.Replace("//+:", "//127.0.0.1:", StringComparison.Ordinal)
                .Replace("//*:", "//127.0.0.1:", StringComparison.Ordinal)
                .Replace("//0.0.0.0:", "//127.0.0.1:", StringComparison.Ordinal)
                .Replace("//[::]:", "//127.0.0.1:", StringComparison.Ordinal));
        }
    }
}
