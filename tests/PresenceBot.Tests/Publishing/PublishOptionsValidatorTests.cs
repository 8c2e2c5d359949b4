using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PresenceBot.Publishing;

namespace PresenceBot.Tests.Publishing;

public sealed class PublishOptionsValidatorTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("Production", "https://vaxel.example.se/hook", Secret, null)]
    [InlineData("Production", "http://127.0.0.1:9000/hook", Secret, null)]
    [InlineData("Development", "http://vaxel.example.se/hook", Secret, null)]
    [InlineData("Production", "http://vaxel.example.se/hook", Secret, "Publish:Webhooks:0:Url must be https")]
    [InlineData("Production", "vaxel.example.se/hook", Secret, "Publish:Webhooks:0:Url must be an absolute")]
    [InlineData("Production", "https://vaxel.example.se/hook", "kort", "Publish:Webhooks:0:Secret must be at least 32")]
    public void Validate_NamesTheKeyAtFault(string environment, string url, string secret, string? problem)
    {
        var validator = new PublishOptionsValidator(new HostingEnvironment { EnvironmentName = environment });

        var result = validator.Validate(null, new PublishOptions { Webhooks = [new WebhookDestinationOptions { Url = url, Secret = secret }] });

        if (problem is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_TwoReceiversOfOneName_AreRefused()
    {
        var validator = new PublishOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production });
        var hook = new WebhookDestinationOptions { Name = "vaxeln", Url = "https://a.example.se/", Secret = Secret };

        var result = validator.Validate(null, new PublishOptions { Webhooks = [hook, hook] });

        Assert.Contains(result.Failures!, f => f.Contains("'vaxeln' is used by another receiver", StringComparison.Ordinal));
    }
}
