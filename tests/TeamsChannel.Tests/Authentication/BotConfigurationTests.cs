using Microsoft.Extensions.Options;
using PresenceBot.TeamsChannel.Authentication;
using PresenceBot.TeamsChannel.Tests.Support;

namespace PresenceBot.TeamsChannel.Tests.Authentication;

/// <summary>
/// The bot's settings are validated at start (ValidateOnStart); a half-configured identity or an unsafe URL
/// fails with a message naming the key. The process-level exit code is covered in StartupValidationTests.
/// </summary>
public sealed class BotConfigurationTests
{
    [Theory]
    [InlineData(MicrosoftAppType.SingleTenant, null, "secret", "MicrosoftAppTenantId")]
    [InlineData(MicrosoftAppType.SingleTenant, ChannelHarness.TenantId, null, "MicrosoftAppPassword")]
    [InlineData(MicrosoftAppType.MultiTenant, null, null, "MicrosoftAppPassword")]
    [InlineData(MicrosoftAppType.UserAssignedMSI, null, null, "MicrosoftAppTenantId")]
    public void IncompleteIdentity_IsRefused_NamingTheKey(MicrosoftAppType type, string? tenant, string? password, string key)
    {
        var result = Validate(new MicrosoftAppOptions
        {
            MicrosoftAppId = ChannelHarness.AppId,
            MicrosoftAppType = type,
            MicrosoftAppTenantId = tenant,
            MicrosoftAppPassword = password,
        });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MicrosoftAppType.SingleTenant, ChannelHarness.TenantId, "secret")]
    [InlineData(MicrosoftAppType.MultiTenant, null, "secret")]
    [InlineData(MicrosoftAppType.UserAssignedMSI, ChannelHarness.TenantId, null)]
    public void CompleteIdentity_IsAccepted(MicrosoftAppType type, string? tenant, string? password) =>
        Assert.True(Validate(new MicrosoftAppOptions
        {
            MicrosoftAppId = ChannelHarness.AppId,
            MicrosoftAppType = type,
            MicrosoftAppTenantId = tenant,
            MicrosoftAppPassword = password,
        }).Succeeded);

    [Fact]
    public void NoAppId_IsAnonymous_AndValid()
    {
        var anonymous = new MicrosoftAppOptions();

        Assert.True(anonymous.IsAnonymous);
        Assert.True(Validate(anonymous).Succeeded);
    }

    [Theory]
    [InlineData("ChannelOpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("EntraOpenIdMetadataUrl", "not a url")]
    [InlineData("TrustedServiceUrls:0", "not a url")]
    public void UnsafeOrUnreadableBotSetting_IsRefused_NamingTheKey(string key, string value)
    {
        var options = new BotOptions();
        switch (key)
        {
            case "ChannelOpenIdMetadataUrl":
                options.ChannelOpenIdMetadataUrl = value;
                break;
            case "EntraOpenIdMetadataUrl":
                options.EntraOpenIdMetadataUrl = value;
                break;
            default:
                options.TrustedServiceUrls = [value];
                break;
        }

        var result = new DataAnnotationValidateOptions<BotOptions>(null).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Bot:{key}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreValid() =>
        Assert.True(new DataAnnotationValidateOptions<BotOptions>(null).Validate(null, new BotOptions()).Succeeded);

    private static ValidateOptionsResult Validate(MicrosoftAppOptions options) =>
        new DataAnnotationValidateOptions<MicrosoftAppOptions>(null).Validate(null, options);
}
