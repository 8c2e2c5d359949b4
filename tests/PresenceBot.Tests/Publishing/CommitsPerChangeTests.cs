using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.Storage;
using PresenceBot.Tests.Calendar;
using PresenceBot.Tests.Storage;
using Xunit.Abstractions;
using static PresenceBot.Tests.ApiClient;
using static PresenceBot.Tests.Publishing.WriteBackHost;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Issue 12's load target is bound by SQLite's one writer: what a referral change costs in commits, from the API call
/// until both webhook receivers and Outlook have it, is what limits how many changes per second get published within a
/// second. Counted here with the load run's setup (two webhooks, write-back on), one change at a time (no batching
/// helps), so a change that adds commits to the path fails this test rather than the next load run.
/// </summary>
public sealed class CommitsPerChangeTests(ITestOutputHelper output)
{
    private const string Secret = "a-receiver-secret-of-32-characters!";

    /// <summary>
    /// Measured 40 while publishing was an outbox handler that enqueued in a commit of its own, every wake-up claimed in a
    /// write and each run completed alone; 24 since. What is left: the change, per kind a claim and a completion (which
    /// batch under load), the webhooks' sequence records, and Outlook write-back with the calendar re-read
    /// its writes cause. The margin is for runs that end together (fewer) or notifications that come apart (more).
    /// </summary>
    private const double MaxCommitsPerChange = 28;

    private static readonly (string Reason, string Until)[] Changes =
        [("lunch", "2026-11-23T12:00"), ("errand", "2026-11-23T14:00"), ("training", "2026-11-23T16:00"), ("meeting", "2026-11-23T15:00")];

    [Fact]
    public async Task A_referral_change_through_the_API_costs_a_bounded_number_of_commits_with_two_webhooks_and_write_back()
    {
        var commits = new DatabaseCommits();
        PresenceBotApplication? host = null;
        await using var first = await SigningReceiver.StartAsync(Secret, () => host!.Clock.GetUtcNow());
        await using var second = await SigningReceiver.StartAsync(Secret, () => host!.Clock.GetUtcNow());
        var settings = Settings("calendar");
        settings["Publish:Webhooks:0:Name"] = "vaxeln";
        settings["Publish:Webhooks:0:Url"] = first.Url;
        settings["Publish:Webhooks:0:Secret"] = Secret;
        settings["Publish:Webhooks:1:Name"] = "integration";
        settings["Publish:Webhooks:1:Url"] = second.Url;
        settings["Publish:Webhooks:1:Secret"] = Secret;
        await using var app = new PresenceBotApplication(
            settings,
            services: s => s.ConfigureDbContext<SqlitePresenceBotDbContext>(o => o.AddInterceptors(commits), ServiceLifetime.Singleton));
        host = app;
        using var client = app.CreateClient();
        await SubscribedAsync(app);

        // The first change creates the person's rows and the receivers' delivery rows: not the steady state.
        await ChangeAsync(app, client, ("meeting", "2026-11-23T15:00"), 1, first, second);
        commits.Reset();
        for (var i = 0; i < Changes.Length; i++)
        {
            await ChangeAsync(app, client, Changes[i], i + 2, first, second);
        }

        var perChange = commits.Count / (double)Changes.Length;
        output.WriteLine($"{perChange} commits per referral change:\n{commits.Breakdown}");
        Assert.True(perChange <= MaxCommitsPerChange, $"{perChange} commits per referral change (at most {MaxCommitsPerChange}):\n{commits.Breakdown}");
        Assert.Empty(first.Refused);
        Assert.Empty(second.Refused);
    }

    private static async Task ChangeAsync(
        PresenceBotApplication app, HttpClient client, (string Reason, string Until) change, int delivered, SigningReceiver first, SigningReceiver second)
    {
        await client.PutJsonAsync($"/api/referrals/{KimUpn}/manual", new { reason = change.Reason, until = change.Until });
        await Eventually.TrueAsync(
            () => Task.FromResult(first.Accepted.Count == delivered && second.Accepted.Count == delivered),
            $"change {delivered} at both receivers");
        await SettledAsync(app);
        await Eventually.TrueAsync(async () => await CountAsync(app, "work_items", "\"Kind\" LIKE 'publish:%'") == 0, "every destination done");
    }
}
