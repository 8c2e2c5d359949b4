using System.Net;

namespace PresenceBot.Tests.Hosting;

/// <summary>Security:AllowInsecure lets an open configuration start outside Development, and says so at every start.</summary>
public sealed class InsecureOptOutTests
{
    [Fact]
    public async Task OptOut_InProduction_StartsAndLogsAWarningNamingWhatIsOpen()
    {
        await using var app = new PresenceBotApplication(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Security:AllowInsecure"] = "true",
        });
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single(app.Logs.Lines, l => l.Contains("Security:AllowInsecure is true", StringComparison.Ordinal));
        Assert.StartsWith("Warning ", warning, StringComparison.Ordinal);
        Assert.Contains("Production", warning, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId is empty", warning, StringComparison.Ordinal);
        Assert.Contains("Graph:BaseUrl is not set", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_StartsWithNoConfiguration_AndWarnsOfNothing()
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Security:AllowInsecure", StringComparison.Ordinal));
    }
}
