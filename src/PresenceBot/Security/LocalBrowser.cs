using System.Net;

namespace PresenceBot.Security;

/// <summary>
/// What "a browser on this machine" means where no sign-in is configured (the job dashboard, the operator page): a
/// loopback connection that did not come through a proxy. A reverse proxy on the same host connects from loopback too,
/// so a request carrying <c>X-Forwarded-For</c> or <c>Forwarded</c> is refused whatever its address — and one carrying
/// <c>X-Original-For</c>, which is what the forwarded-headers middleware (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) leaves
/// after taking <c>X-Forwarded-For</c> away. The <c>Host</c> (and an <c>Origin</c>, when sent) must name loopback too:
/// otherwise a web page the operator visits could point its own name at 127.0.0.1 (DNS rebinding) and read the page's
/// data as a same-origin request.
/// </summary>
internal static class LocalBrowser
{
    public static bool IsLocal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Request.Headers;
        if (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded") || headers.ContainsKey("X-Original-For"))
        {
            return false;
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && IPAddress.IsLoopback(remote)
            && IsLoopbackName(http.Request.Host.Host)
            && (!headers.TryGetValue("Origin", out var origin) || (Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri) && IsLoopbackName(uri.Host)));
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
