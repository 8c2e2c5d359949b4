using Microsoft.Playwright;
using PresenceBot.Tests;
using static Microsoft.Playwright.Assertions;

namespace PresenceBot.OperatorPage.Tests;

/// <summary>
/// The form's forwarding field: a reachable colleague is forwarded to and shown on the person; a colleague not reachable
/// for part of the time is named with when (the API's words) and the operator confirms or picks another; nothing is
/// stored until then.
/// </summary>
public sealed class ForwardingFormTests(Browser browser) : IClassFixture<Browser>
{
    private const string KimId = "6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f";

    [Fact]
    public async Task ARegistrationWithAReachableColleague_ShowsTheForwardingOnThePerson()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await OperatorPageBrowserTests.OpenKimAsync(page);
        // The suggestions are the loaded directory, by e-mail address (one colleague, whatever their name shares).
        await Expect(page.Locator("#kollegor option[value='sara.nordin@lycksele.se']")).ToHaveCountAsync(1);

        await page.Locator("#f-reason").SelectOptionAsync("meeting");
        await page.Locator("#f-until").FillAsync("2026-11-23T15:00");
        var field = page.GetByLabel("Vidarekoppla till kollega (valfri)");
        // Escape in a filled field empties it (dismissing its suggestions) and leaves the person open.
        await field.FillAsync("sa");
        await page.Keyboard.PressAsync("Escape");
        await Expect(field).ToHaveValueAsync("");
        await Expect(page.Locator("#vy")).ToBeVisibleAsync();
        await field.FillAsync("sara.nordin@lycksele.se");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#besked")).ToHaveTextAsync("Hänvisningen för Kim Krona är registrerad. Samtalen kopplas till Sara Nordin.");
        await Expect(page.Locator("[data-f=forward]")).ToHaveTextAsync("Samtalen kopplas till Sara Nordin");
        await Expect(page.Locator("[data-f=talsvar]")).ToHaveTextAsync(
            "Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00 och samtalet kopplas till Sara Nordin.");
        await Artifacts.ScreenshotAsync(page, "forwarded-1280x720");
        Assert.Equal(1, await TestDatabase.CountAsync(session.App.DatabasePath, "person_states", $"PersonId = '{KimId}' AND ForwardToId IS NOT NULL"));
    }

    [Theory]
    [InlineData("Zacharias Zorn", "Okänd kollega 'Zacharias Zorn'.")]
    [InlineData("kim.krona@lycksele.se", "Du kan inte vidarekoppla till dig själv.")]
    [InlineData("e", "Flera kollegor passar 'e'")]
    public async Task AColleagueTheApiRefuses_ShowsTheApisSwedishError_AndStoresNothing(string colleague, string error)
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await OperatorPageBrowserTests.OpenKimAsync(page);

        await page.Locator("#f-until").FillAsync("2026-11-23T15:00");
        await page.GetByLabel("Vidarekoppla till kollega (valfri)").FillAsync(colleague);
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera" }).ClickAsync();

        await Expect(page.Locator("[data-e=forwardTo]")).ToContainTextAsync(error);
        await Expect(page.Locator("#f-forward")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".form-error")).ToContainTextAsync("Inget sparades.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Vidarekoppla ändå" })).ToBeHiddenAsync();
        Assert.Equal(0, await TestDatabase.CountAsync(session.App.DatabasePath, "referrals"));
        Assert.Equal(0, await TestDatabase.CountAsync(session.App.DatabasePath, "person_states"));
    }

    [Fact]
    public async Task AColleagueAwayForPartOfTheTime_IsNamedWithWhen_AndTheOperatorConfirmsByKeyboard()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;

        await ForwardKimToSaraAwayAsync(session, "sick");

        // Sick is never disclosed: the colleague is frånvarande, in the API's words.
        await Expect(page.Locator("[data-e=forwardTo]")).ToHaveTextAsync("Sara Nordin är frånvarande 13.00–14.00. Vidarekoppla ändå, eller välj en annan kollega.");
        await Expect(page.Locator(".form-error")).ToContainTextAsync("Inget sparades.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Vidarekoppla ändå" })).ToBeFocusedAsync();
        Assert.Equal(0, await TestDatabase.CountAsync(session.App.DatabasePath, "referrals", $"PersonId = '{KimId}'"));
        await Artifacts.ScreenshotAsync(page, "forward-confirm-1280x720");
        Assert.Empty(await Accessibility.ScanAsync(page, "forwarding to confirm"));

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("[data-f=forward]")).ToHaveTextAsync("Samtalen kopplas till Sara Nordin");
        await Expect(page.Locator("#besked")).ToHaveTextAsync("Hänvisningen för Kim Krona är registrerad. Samtalen kopplas till Sara Nordin.");
        Assert.Equal(1, await TestDatabase.CountAsync(session.App.DatabasePath, "referrals", $"PersonId = '{KimId}'"));
    }

    [Fact]
    public async Task AColleagueAwayForPartOfTheTime_CanBeSwappedForAnother()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await ForwardKimToSaraAwayAsync(session, "meeting");
        await Expect(page.Locator("[data-e=forwardTo]")).ToHaveTextAsync("Sara Nordin är upptagen 13.00–14.00. Vidarekoppla ändå, eller välj en annan kollega.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Välj en annan kollega" }).PressAsync("Enter");

        var field = page.GetByLabel("Vidarekoppla till kollega (valfri)");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveValueAsync("");
        await Expect(page.Locator("[data-e=forwardTo]")).ToBeEmptyAsync();
        await page.Keyboard.TypeAsync("peter.lund@lycksele.se");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("[data-f=forward]")).ToHaveTextAsync("Samtalen kopplas till Peter Lund");
    }

    [Fact]
    public async Task TheTimeChangedAfterTheQuestion_HidesTheConfirm_SoOnlyACheckedPeriodIsConfirmed()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await ForwardKimToSaraAwayAsync(session, "meeting");
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Vidarekoppla ändå" });
        await Expect(confirm).ToBeVisibleAsync();

        // Until 17.00 is a longer period than the one checked (13.00–14.00 was the conflict up to 15.00): asked anew.
        await page.Locator("#f-until").FillAsync("2026-11-23T17:00");

        await Expect(confirm).ToBeHiddenAsync();
        Assert.Equal(0, await TestDatabase.CountAsync(session.App.DatabasePath, "referrals", $"PersonId = '{KimId}'"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera" }).ClickAsync();
        await Expect(confirm).ToBeVisibleAsync();
        await Expect(page.Locator("[data-e=forwardTo]")).ToHaveTextAsync("Sara Nordin är upptagen 13.00–14.00. Vidarekoppla ändå, eller välj en annan kollega.");
        Assert.Equal(0, await TestDatabase.CountAsync(session.App.DatabasePath, "referrals", $"PersonId = '{KimId}'"));
    }

    /// <summary>Sara referred 13.00–14.00 for <paramref name="saraReason"/>; Kim registered to a meeting until 15.00, forwarded to Sara.</summary>
    private static async Task ForwardKimToSaraAwayAsync(PageSession session, string saraReason)
    {
        await session.Api.PutJsonAsync("/api/referrals/sara.nordin@lycksele.se/manual", new { reason = saraReason, from = "2026-11-23T13:00", until = "2026-11-23T14:00" });
        await OperatorPageBrowserTests.OpenKimAsync(session.Page);
        await session.Page.Locator("#f-reason").SelectOptionAsync("meeting");
        await session.Page.Locator("#f-until").FillAsync("2026-11-23T15:00");
        await session.Page.GetByLabel("Vidarekoppla till kollega (valfri)").FillAsync("Sara Nordin");
        await session.Page.Keyboard.PressAsync("Enter");
    }
}
