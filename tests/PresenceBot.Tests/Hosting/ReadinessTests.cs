using System.Net;
using System.Text.Json.Nodes;
using PresenceBot.Tests.Calendar;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Hosting;

/// <summary>Issue 15 §2: /readyz reports each part with its state — database, jobs, Graph subscriptions, publishing — in counts, never people.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readyz_reports_every_part_and_counts_subscriptions_against_the_coupled_people()
    {
        await using var host = await StartAsync(runServer: false);
        var expected = host.CoupledPeople.Count;

        var ready = await ReadyAsync(host);
        Assert.Equal(
            ["database", "graphSubscriptions", "jobs", "organisation", "publishing", "workQueue"],
            ready.Checks.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("Healthy", $"{expected} active of {expected} expected, 0 expiring within 60 minutes"), ready.Checks["graphSubscriptions"]);
        Assert.Equal("Healthy", ready.Checks["database"].Status);
        Assert.Equal("Healthy", ready.Checks["publishing"].Status);
        // This instance runs no Hangfire server (nor does any other here): ready, but the jobs are said not to run.
        Assert.Equal("Degraded", ready.Checks["jobs"].Status);
        Assert.Contains("no Hangfire server", ready.Checks["jobs"].Description, StringComparison.Ordinal);

        // 70 hours on, every subscription is within the hour of its end (no renewal ran): degraded, still ready.
        host.App.Clock.Advance(TimeSpan.FromHours(70));
        var late = await ReadyAsync(host);
        Assert.Equal(("Degraded", $"{expected} active of {expected} expected, {expected} expiring within 60 minutes"), late.Checks["graphSubscriptions"]);
        Assert.DoesNotContain("@", late.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Kim", late.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_a_server_the_jobs_are_healthy_and_named_by_count()
    {
        await using var host = await StartAsync();

        var ready = await Eventually.ValueAsync(() => ReadyAsync(host), r => r.Checks["jobs"].Status == "Healthy", "jobs registered and a server running");

        Assert.Matches(@"^\d+ recurring jobs, 1 servers, 0 failed jobs$", ready.Checks["jobs"].Description);
    }

    private static async Task<(Dictionary<string, (string Status, string Description)> Checks, string Body)> ReadyAsync(CalendarTestHost host)
    {
        using var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var checks = JsonNode.Parse(body)!["checks"]!.AsObject()
            .ToDictionary(c => c.Key, c => ((string)c.Value!["status"]!, (string?)c.Value!["description"] ?? string.Empty), StringComparer.Ordinal);
        return (checks, body);
    }
}
