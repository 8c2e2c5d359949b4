using Microsoft.Playwright;
using PresenceBot.Tests;

namespace PresenceBot.OperatorPage.Tests;

/// <summary>A host of its own and a browser page on its /switchboard, at the size an operator's screen has (or a phone's).</summary>
public sealed class PageSession : IAsyncDisposable
{
    private PageSession(PresenceBotApplication app, HttpClient api, IBrowserContext context, IPage page)
    {
        App = app;
        Api = api;
        Context = context;
        Page = page;
    }

    public PresenceBotApplication App { get; }

    /// <summary>The switchboard API of the same host, for changes made "elsewhere".</summary>
    public HttpClient Api { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri BaseAddress => Api.BaseAddress!;

    /// <param name="roles">Sign-in configured and the browser signed in with these app roles; null: no sign-in (loopback).</param>
    /// <param name="settings">Configuration overrides for the host (e.g. <c>Organisation:File</c>); only without sign-in.</param>
    public static async Task<PageSession> OpenAsync(
        Browser browser, string? roles = null, int width = 1280, int height = 720, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var app = roles is null ? new PresenceBotApplication(settings) : PresenceBot.Tests.SignIn.SignedInApplication.Create();
        var api = app.CreateClient();
        var options = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "sv-SE" };
        if (roles is not null)
        {
            options.ExtraHTTPHeaders = new Dictionary<string, string> { [PresenceBot.Tests.SignIn.TestSignInHandler.RolesHeader] = roles };
        }

        var context = await browser.Chromium.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(api.BaseAddress!, "/switchboard").ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Direktuppdaterad");
        return new PageSession(app, api, context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        Api.Dispose();
        await App.DisposeAsync();
    }
}
