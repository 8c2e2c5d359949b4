using System.Security.Cryptography;
using System.Text;
using PresenceBot.Publishing.Webhooks;

namespace PresenceBot.Tests.Publishing;

public sealed class WebhookSignatureTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void Sign_IsHmacSha256OverTimestampDotBody_InLowerHex()
    {
        var body = Encoding.UTF8.GetBytes("{\"state\":\"referred\"}");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1764662400.{\"state\":\"referred\"}")));

        Assert.Equal(expected, WebhookSignature.Sign(Secret, 1764662400, body));
    }

    [Fact]
    public void Matches_OnlyTheSameSecretTimestampAndBody()
    {
        var body = Encoding.UTF8.GetBytes("{}");
        var signature = WebhookSignature.Sign(Secret, 100, body);

        Assert.True(WebhookSignature.Matches(Secret, 100, body, signature));
        Assert.False(WebhookSignature.Matches(Secret, 101, body, signature));
        Assert.False(WebhookSignature.Matches(Secret, 100, Encoding.UTF8.GetBytes("{ }"), signature));
        Assert.False(WebhookSignature.Matches(Secret + "x", 100, body, signature));
        Assert.False(WebhookSignature.Matches(Secret, 100, body, signature[7..]));
        Assert.False(WebhookSignature.Matches(Secret, 100, body, null));
    }
}
