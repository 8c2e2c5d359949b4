using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PresenceBot.OperatorPage.Tests;

/// <summary>The axe-core scan of what the page shows now: its serious and critical violations, each named with where it was.</summary>
internal static class Accessibility
{
    public static async Task<IEnumerable<string>> ScanAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{where}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
    }
}
