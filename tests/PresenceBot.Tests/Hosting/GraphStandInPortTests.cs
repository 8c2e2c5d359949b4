using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Calendar;

namespace PresenceBot.Tests.Hosting;

/// <summary>The built-in Graph stand-in's port: the README's default when free, any free one when it is busy.</summary>
public sealed class GraphStandInPortTests
{
    [Fact]
    public async Task DefaultPortBusy_TheStandInTakesAFreePortAndSaysWhich()
    {
        using var holder = Occupy(GraphStandInHostOptions.DefaultPort);
        // Null: the key is not set, as on the embedded defaults (the test host otherwise asks for port 0).
        await using var app = new PresenceBotApplication(new Dictionary<string, string?> { ["GraphStandIn:Port"] = null });
        using var client = app.CreateClient();

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var port = app.Services.GetRequiredService<GraphStandInHost>().Server!.BaseUrl.Port;
        Assert.NotEqual(GraphStandInHostOptions.DefaultPort, port);
        Assert.Contains(app.Logs.Lines, l => l.Contains($"Port {GraphStandInHostOptions.DefaultPort} of the built-in Graph stand-in is in use", StringComparison.Ordinal)
                                             && l.Contains($"it took port {port} instead", StringComparison.Ordinal));
    }

    /// <summary>
    /// Listens on the port so nobody else can; when someone already does (another PresenceBot on this machine), it is
    /// busy all the same and nothing is held.
    /// </summary>
    internal static TcpListener? Occupy(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port) { ExclusiveAddressUse = true };
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            listener.Dispose();
            return null;
        }
    }
}
