using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Hosting;

/// <summary>An edited organisation file takes effect without a restart; a broken edit changes nothing.</summary>
public sealed class OrganisationReloadTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("presencebot-reload-").FullName;
    private PresenceBotApplication _app = null!;
    private HttpClient _client = null!;

    private string OrganisationFile => Path.Combine(_folder, "organisation.json");

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json"), OrganisationFile);
        _app = new PresenceBotApplication(new Dictionary<string, string?>
        {
            ["Organisation:File"] = OrganisationFile,
            ["Organisation:ReloadSeconds"] = "1",
        });
        _client = _app.CreateClient();
        var (_, body) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal("Kim Krona", (string?)body!["person"]!["name"]);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task EditedFile_IsTakenIntoUseWithoutRestart()
    {
        await File.WriteAllTextAsync(OrganisationFile, (await File.ReadAllTextAsync(OrganisationFile)).Replace("Kim Krona", "Kim Krona-Ek", StringComparison.Ordinal));

        var name = await EventuallyNameAsync(expected: "Kim Krona-Ek");

        Assert.Equal("Kim Krona-Ek", name);
    }

    [Fact]
    public async Task BrokenEdit_KeepsThePreviousOrganisation()
    {
        await File.WriteAllTextAsync(OrganisationFile, (await File.ReadAllTextAsync(OrganisationFile))
            .Replace("Kim Krona", "Kim Krona-Ek", StringComparison.Ordinal)
            .Replace("\"unit\": \"kansli-lycksele\"", "\"unit\": \"kansli-x\"", StringComparison.Ordinal)
            .Replace("0950-16626", "0950-16600", StringComparison.Ordinal));

        // Bounded: at most 200 rounds of 50 ms for the watcher to see the edit and say so on /readyz.
        System.Text.Json.Nodes.JsonNode? ready = null;
        for (var round = 0; round < 200; round++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            (_, ready) = await _client.GetJsonAsync("/readyz");
            if ((string?)ready!["status"] == "Degraded")
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Equal("Degraded", (string?)ready!["status"]);
        // /readyz is open to anyone: it says where the problems are, never what the entries hold (extensions, UPNs).
        var description = (string?)ready["checks"]!["organisation"]!["description"];
        Assert.Contains("people[0].unit", description, StringComparison.Ordinal);
        Assert.Matches(@"people\[\d+\]\.extension", description);
        Assert.DoesNotContain("0950-16600", description, StringComparison.Ordinal);
        Assert.DoesNotContain("kansli-x", description, StringComparison.Ordinal);
        var (_, body) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}");
        Assert.Equal("Kim Krona", (string?)body!["person"]!["name"]);
    }

    private async Task<string?> EventuallyNameAsync(string expected)
    {
        string? name = null;
        // Bounded: at most 200 rounds of 50 ms (10 s) for the watcher to notice.
        for (var round = 0; round < 200; round++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(1));
            var (_, body) = await _client.GetJsonAsync($"/api/referrals/{KimUpn}");
            name = (string?)body!["person"]!["name"];
            if (name == expected)
            {
                break;
            }

            await Task.Delay(50);
        }

        return name;
    }
}
