using PresenceBot.TeamsChannel.Authentication;

using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Authentication;

public sealed class TokenLifetimeTests
{
    private static readonly DateTimeOffset Now = ChannelHarness.MondayMorning;
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(-60, 60, true)]
    [InlineData(-60, -4, true)]
    [InlineData(-60, -6, false)]
    [InlineData(4, 60, true)]
    [InlineData(6, 60, false)]
    public void Lifetime_AllowsAtMostFiveMinutesSkew(int notBeforeMinutes, int expiresMinutes, bool valid)
    {
        var result = TokenLifetime.IsValid(Now.AddMinutes(notBeforeMinutes).UtcDateTime, Now.AddMinutes(expiresMinutes).UtcDateTime, Now, Skew);

        Assert.Equal(valid, result);
    }

    [Fact]
    public void TokenWithoutExpiry_IsRefused() =>
        Assert.False(TokenLifetime.IsValid(null, null, Now, Skew));
}
