using Microsoft.Playwright;

namespace PresenceBot.OperatorPage.Tests;

/// <summary>Screenshots kept as test artifacts, under the repository's <c>TestResults/operator-page/</c> (beside the TRX files).</summary>
public static class Artifacts
{
    public static string Folder { get; } = Create();

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = false });
    }

    private static string Create()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PresenceBot.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "operator-page");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
