using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PresenceBot.Tests;
using static Microsoft.Playwright.Assertions;

namespace PresenceBot.OperatorPage.Tests;

/// <summary>The operator page in a real browser: search, keyboard, live updates, the form, and an accessibility scan.</summary>
public sealed class OperatorPageBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private const string KimPath = $"/api/referrals/{ApiClient.KimUpn}/manual";

    [Fact]
    public async Task Search_IsFocusedOnLoad_FindsWithoutDiacritics_ArrowsAndEnterOpen_EscapeGoesBack()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;

        await Expect(page.Locator("#sok")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("sjoberg");
        await Expect(page.Locator("#traffar li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#traffar li").First).ToContainTextAsync("Elin Sjöberg");

        await page.Locator("#sok").FillAsync("lycksele");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        var chosen = await page.Locator("#traffar li[aria-selected=true] .n").InnerTextAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#vy .name")).ToHaveTextAsync(chosen);
        await Artifacts.ScreenshotAsync(page, "search-open-1280x720");

        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#vy")).ToBeHiddenAsync();
        await Expect(page.Locator("#sok")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Search_ByExtensionAndByUnit_OpensThePersonAndTheUnitWithTodaysPhoneHours()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;

        await page.Locator("#sok").FillAsync("0950 16626");
        await Expect(page.Locator("#traffar li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#traffar li").First).ToContainTextAsync("Kim Krona");

        await page.Locator("#sok").FillAsync("asele kansli");
        await Expect(page.Locator("#traffar li").First).ToContainTextAsync("Åsele kommun");

        await page.Locator("#sok").FillAsync("socialtjanst");
        await Expect(page.Locator("#traffar li").First).ToContainTextAsync("Socialtjänst");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#vy .name")).ToHaveTextAsync("Socialtjänst");
        await Expect(page.Locator("[data-f=hours]")).ToHaveTextAsync("08.00–16.00");
        await Expect(page.Locator("[data-f=reachable] li")).ToHaveCountAsync(3);
        await Expect(page.Locator("[data-f=gaps]")).ToHaveTextAsync("Inga luckor.");
        await Artifacts.ScreenshotAsync(page, "unit-1280x720");
    }

    [Fact]
    public async Task AChangeThroughTheApi_ShowsOnTheOpenPage_WithoutReloading()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await OpenKimAsync(page);
        await Expect(page.Locator("[data-f=state]")).ToHaveTextAsync("Tillgänglig");

        var (status, _) = await session.Api.PutJsonAsync(KimPath, new { reason = "sick", until = "2026-11-23T15:00" });

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        await Expect(page.Locator("[data-f=state]")).ToHaveTextAsync("Hänvisad");
        // Sick is never disclosed: the operator sees frånvarande, as callers hear it.
        await Expect(page.Locator("[data-f=reason]")).ToHaveTextAsync("Frånvarande");
        await Expect(page.Locator("[data-f=returns]")).ToHaveTextAsync("klockan 15.00");
        await Expect(page.Locator("[data-f=phone]")).ToHaveTextAsync("Stängd");
        await Expect(page.Locator("[data-f=talsvar]")).ToContainTextAsync("är frånvarande och återkommer klockan 15.00");
        await Expect(page.Locator("#vy")).Not.ToContainTextAsync("sjuk");
        await Expect(page.Locator("#traffar li", new() { HasText = "Kim Krona" })).ToContainTextAsync("Frånvarande klockan 15.00");
    }

    [Fact]
    public async Task TheForm_RegistersAndEndsAReferral_InTheSignedInOperatorsName()
    {
        await using var session = await PageSession.OpenAsync(browser, roles: "Switchboard.Operator");
        var page = session.Page;
        await Expect(page.Locator("#operator")).ToHaveTextAsync("Anna Admin");
        await OpenKimAsync(page);

        await page.Locator("#f-reason").SelectOptionAsync("meeting");
        await page.Locator("#f-until").FillAsync("2026-11-23T15:00");
        await page.Locator("#f-note").FillAsync("Kommunfullmäktige");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera" }).ClickAsync();

        await Expect(page.Locator("#besked")).ToHaveTextAsync("Hänvisningen för Kim Krona är registrerad.");
        await Expect(page.Locator("[data-f=state]")).ToHaveTextAsync("Hänvisad");
        await Expect(page.Locator("[data-f=talsvar]")).ToHaveTextAsync("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00.");
        await Expect(page.Locator("[data-f=note]")).ToHaveTextAsync("Kommunfullmäktige");
        await Artifacts.ScreenshotAsync(page, "registered-1280x720");
        Assert.Equal(1, await TestDatabase.CountAsync(session.App.DatabasePath, "audit_entries", "Actor = 'switchboard[page]:Anna Admin' AND Action = 'created'"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Avsluta hänvisningen (tillbaka nu)" }).ClickAsync();

        await Expect(page.Locator("[data-f=state]")).ToHaveTextAsync("Tillgänglig");
        Assert.Equal(1, await TestDatabase.CountAsync(session.App.DatabasePath, "audit_entries", "Actor = 'switchboard[page]:Anna Admin' AND Action = 'ended'"));
    }

    [Fact]
    public async Task APastReturnTime_ShowsTheSwedishError_AndStoresNothing()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await OpenKimAsync(page);

        await page.Locator("#f-reason").SelectOptionAsync("meeting");
        await page.Locator("#f-until").FillAsync("2026-11-23T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera" }).ClickAsync();

        await Expect(page.Locator("[data-e=until]")).ToHaveTextAsync("Återkomsttiden har redan passerat. Ange en tid framåt.");
        await Expect(page.Locator("#f-until")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator(".form-error")).ToContainTextAsync("Inget sparades.");
        await Artifacts.ScreenshotAsync(page, "past-time-error-1280x720");
        Assert.Equal(0, await TestDatabase.CountAsync(session.App.DatabasePath, "referrals"));
        Assert.Equal(0, await TestDatabase.CountAsync(session.App.DatabasePath, "audit_entries"));
    }

    [Fact]
    public async Task ALostConnection_IsShownWhileAway_AndThePageCatchesUpWhenBack()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await OpenKimAsync(page);

        // The stream can't be reached (a network cut), and the one that was open ends.
        await page.RouteAsync("**/switchboard/events", route => route.AbortAsync());
        session.App.Services.GetRequiredService<ChangeFeed>().DisconnectAll();
        await Expect(page.Locator("#connection")).ToContainTextAsync("Förbindelsen bröts");
        await session.Api.PutJsonAsync(KimPath, new { reason = "lunch", until = "2026-11-23T12:00" });

        await page.UnrouteAsync("**/switchboard/events");

        await Expect(page.Locator("#connection")).ToHaveTextAsync("Direktuppdaterad");
        await Expect(page.Locator("[data-f=reason]")).ToHaveTextAsync("Lunch");
    }

    [Fact]
    public async Task OnAPhone_ThePersonTakesTheScreen_AndEscapeGoesBack()
    {
        await using var session = await PageSession.OpenAsync(browser, width: 390, height: 844);
        var page = session.Page;
        await page.Locator("#sok").FillAsync("kim");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#vy .name")).ToHaveTextAsync("Kim Krona");
        await Expect(page.Locator("#sok")).ToBeHiddenAsync();
        await Artifacts.ScreenshotAsync(page, "person-phone-390x844");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#sok")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheAccessibilityScan_FindsNoSeriousOrCriticalViolations()
    {
        await using var session = await PageSession.OpenAsync(browser);
        var page = session.Page;
        await session.Api.PutJsonAsync(KimPath, new { reason = "meeting", until = "2026-11-23T15:00" });
        var problems = new List<string>();

        await page.Locator("#sok").FillAsync("lycksele");
        problems.AddRange(await Accessibility.ScanAsync(page, "list"));
        await OpenKimAsync(page);
        await page.Locator("#f-until").FillAsync("2026-11-23T08:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera" }).ClickAsync();
        await Expect(page.Locator("[data-e=until]")).Not.ToBeEmptyAsync();
        problems.AddRange(await Accessibility.ScanAsync(page, "person with an error"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa enheten Kansli, Lycksele kommun" }).ClickAsync();
        await Expect(page.Locator("#vy .name")).ToHaveTextAsync("Kansli");
        problems.AddRange(await Accessibility.ScanAsync(page, "unit"));

        Assert.Empty(problems);
    }

    internal static async Task OpenKimAsync(IPage page)
    {
        await page.Locator("#sok").FillAsync("kim krona");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#vy .name")).ToHaveTextAsync("Kim Krona");
    }
}
