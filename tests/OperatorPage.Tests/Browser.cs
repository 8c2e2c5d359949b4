using Microsoft.Playwright;

namespace PresenceBot.OperatorPage.Tests;

/// <summary>
/// One headless chromium for the test class: Debian's <c>/usr/bin/chromium</c> (<c>PRESENCEBOT_CHROMIUM</c> overrides),
/// never a browser Playwright downloads. <c>.ci/run</c> installs the package when it is missing.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string DefaultExecutable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public static string Executable => Environment.GetEnvironmentVariable("PRESENCEBOT_CHROMIUM") is { Length: > 0 } path ? path : DefaultExecutable;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"No chromium at {Executable}: install it (apt-get install -y chromium) or set PRESENCEBOT_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // Root in a container has no user namespaces for the sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
