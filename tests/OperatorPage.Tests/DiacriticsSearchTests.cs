using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace PresenceBot.OperatorPage.Tests;

/// <summary>
/// "orjan" finds Örjan. The shipped sample has no Örjan, and other tests count its people, so this test runs the host on
/// an organisation of its own: the sample plus Örjan Öberg.
/// </summary>
public sealed class DiacriticsSearchTests(Browser browser) : IClassFixture<Browser>, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "presencebot-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("orjan")]
    [InlineData("ORJAN OBERG")]
    public async Task TypingWithoutDiacritics_FindsOrjanOberg_AndEnterOpensHim(string typed)
    {
        await using var session = await PageSession.OpenAsync(browser, settings: new Dictionary<string, string?> { ["Organisation:File"] = WithOrjan() });
        var page = session.Page;

        await page.Keyboard.TypeAsync(typed);

        await Expect(page.Locator("#traffar li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#traffar li .n")).ToHaveTextAsync("Örjan Öberg");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#vy .name")).ToHaveTextAsync("Örjan Öberg");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string WithOrjan()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json")))!;
        sample["people"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "0e4f7c52-9a1d-4b8e-a3f6-2c5d8e1b7a90",
            ["upn"] = "orjan.oberg@lycksele.se",
            ["name"] = "Örjan Öberg",
            ["unit"] = "kansli-lycksele",
            ["extension"] = "0950-16640",
        });
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "organisation.json");
        File.WriteAllText(path, sample.ToJsonString());
        return path;
    }
}
