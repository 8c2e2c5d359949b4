using Azure.Core;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>Entra stand-in: hands out numbered tokens valid for an hour on the test clock and counts requests.</summary>
public sealed class FakeCredential(TimeProvider clock) : TokenCredential
{
    private int _issued;

    public int Issued => _issued;

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Scopes = requestContext.Scopes;
        var number = Interlocked.Increment(ref _issued);
        return new AccessToken(number == 1 ? ChannelHarness.BotToken : $"{ChannelHarness.BotToken}-{number}", clock.GetUtcNow().AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
