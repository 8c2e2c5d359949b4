using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PresenceBot.TeamsChannel.Tests.Support;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Tests.Turns;

/// <summary><c>/api/messages</c> refuses bodies over <see cref="BotEndpoint.MaxBodyBytes"/> with 413, and nothing is processed.</summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    private ChannelHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await ChannelHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task DeclaredLengthOverTheLimit_Is413_AndNothingIsProcessed()
    {
        var (status, _) = await _bot.PostRawAsync(Padded(BotEndpoint.MaxBodyBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Empty(_bot.Conversation.Messages);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413_AndNothingIsProcessed()
    {
        var bytes = Encoding.UTF8.GetBytes(Padded(BotEndpoint.MaxBodyBytes + 1));
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoint.Path) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _bot.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_bot.Conversation.Messages);
    }

    [Fact]
    public async Task ActivityJustUnderTheLimit_IsProcessed()
    {
        var (status, _) = await _bot.PostRawAsync(Padded(BotEndpoint.MaxBodyBytes));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Single(_bot.Conversation.Messages);
    }

    /// <summary>A message activity padded with an unknown field to exactly <paramref name="size"/> bytes.</summary>
    private string Padded(long size)
    {
        var activity = _bot.Activities.Message();
        activity["padding"] = string.Empty;
        var bare = Encoding.UTF8.GetByteCount(activity.ToJsonString());
        activity["padding"] = new string('x', (int)(size - bare));
        return activity.ToJsonString();
    }
}
