using Microsoft.Extensions.Time.Testing;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Connector;

public sealed class ConnectorTokenProviderTests
{
    private readonly FakeTimeProvider _clock = new(ChannelHarness.MondayMorning);

    [Fact]
    public async Task Token_IsReused_UntilFiveMinutesBeforeItExpires()
    {
        var credential = new FakeCredential(_clock);
        using var provider = new ConnectorTokenProvider(credential, _clock);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(54));
        var stillCached = await provider.GetTokenAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, stillCached);
        Assert.NotEqual(first, refreshed);
        Assert.Equal(2, credential.Issued);
        Assert.Equal([ConnectorTokenProvider.Scope], credential.Scopes);
    }

    [Fact]
    public async Task ConcurrentCallers_ShareOneFetch()
    {
        var credential = new FakeCredential(_clock);
        using var provider = new ConnectorTokenProvider(credential, _clock);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetTokenAsync(CancellationToken.None)));

        Assert.Equal(1, credential.Issued);
    }
}
