using Microsoft.Extensions.Options;

namespace PresenceBot.Tests.Bot.Channel;

/// <summary>A half-configured bot identity stops start-up with a message naming the key (Program turns it into exit code 1).</summary>
public sealed class BotConfigurationTests
{
    [Theory]
    [InlineData("SingleTenant", null, "secret", "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", TeamsBotHarness.TenantId, null, "MicrosoftAppPassword")]
    [InlineData("MultiTenant", null, null, "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", null, null, "MicrosoftAppTenantId")]
    public void IncompleteIdentity_StopsStartUp_NamingTheKey(string type, string? tenant, string? password, string key)
    {
        using var app = new PresenceBotApplication(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = TeamsBotHarness.AppId,
            ["MicrosoftAppType"] = type,
            ["MicrosoftAppTenantId"] = tenant,
            ["MicrosoftAppPassword"] = password,
        });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot:ChannelOpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("Bot:TrustedServiceUrls:0", "not a url")]
    public void UnsafeOrUnreadableBotSetting_StopsStartUp_NamingTheKey(string key, string value)
    {
        using var app = new PresenceBotApplication(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
