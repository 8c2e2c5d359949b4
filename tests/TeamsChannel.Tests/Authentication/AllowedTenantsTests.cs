using System.Net;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Authentication;

public sealed class AllowedTenantsTests : IAsyncLifetime
{
    private ChannelHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChannelHarness.StartAsync(authenticated: true, settings: new Dictionary<string, string?>
    {
        ["Bot:AllowedTenants:0"] = "aaaaaaaa-0000-4000-8000-000000000000",
    });

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ActivityFromAnotherTenant_Is403_AndNothingIsStored()
    {
        var (status, _) = await _bot.PostAsync(_bot.Activities.Installation("add"), _bot.ChannelToken());

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Empty(_bot.Connector.Requests);
        Assert.Equal(0, _bot.CountReferences());
        Assert.Equal(0, _bot.TrustedServiceUrls.Count);
    }

    [Fact]
    public async Task ActivityFromAnAllowedTenant_IsServed()
    {
        var activity = _bot.Activities.Message();
        activity["conversation"]!["tenantId"] = "AAAAAAAA-0000-4000-8000-000000000000";

        var (status, _) = await _bot.PostAsync(activity, _bot.ChannelToken());

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
