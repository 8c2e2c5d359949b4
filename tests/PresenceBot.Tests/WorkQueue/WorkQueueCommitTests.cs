using Microsoft.EntityFrameworkCore;
using PresenceBot.Tests.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

/// <summary>
/// What the queue costs in commits, on both providers: on SQLite's one writer each commit is a turn that every other
/// write waits for, so the queue writes only when something changes, and runs that end together share one commit.
/// </summary>
public sealed class WorkQueueCommitTests
{
    private static readonly WorkKind Kind = new("test") { Concurrency = 4, Lease = TimeSpan.FromSeconds(30) };
    private static readonly WorkKind Next = new("next");

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Runs_that_ended_together_complete_in_one_commit_with_what_they_asked_for_and_recorded(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.Items.EnqueueAsync([new WorkRequest(Kind, "a"), new WorkRequest(Kind, "b"), new WorkRequest(Kind, "c")], CancellationToken.None);
        await h.Items.EnqueueAsync([new WorkRequest(Next, "bookkeeping", DueAt: h.Now + NodaTime.Duration.FromHours(1))], CancellationToken.None);
        var commits = new DatabaseCommits();
        var claims = new WorkItemClaims(h.Database.CreateFactory(commits), h.Time);
        var runs = await claims.ClaimAsync(Kind, 10, CancellationToken.None);
        Assert.Equal(3, runs.Count);
        runs[0].Then(new WorkRequest(Next, "later", DueAt: h.Now + NodaTime.Duration.FromHours(2)));
        runs[1].Record((db, token) => db.WorkItems.Where(w => w.Key == "bookkeeping").ExecuteUpdateAsync(w => w.SetProperty(x => x.Payload, "recorded"), token));

        commits.Reset();
        Assert.Equal([true, true, true], await claims.CompleteAsync(runs, CancellationToken.None));

        Assert.Equal(1, commits.Count);
        var rows = await h.RowsAsync();
        Assert.Equal(["bookkeeping", "later"], rows.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.Equal("recorded", rows.Single(r => r.Key == "bookkeeping").Payload);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_look_for_work_that_finds_nothing_due_writes_nothing(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.Items.EnqueueAsync([new WorkRequest(Kind, "kim", DueAt: h.Now + NodaTime.Duration.FromMinutes(5))], CancellationToken.None);
        var commits = new DatabaseCommits();
        var claims = new WorkItemClaims(h.Database.CreateFactory(commits), h.Time);

        Assert.Empty(await claims.ClaimAsync(Kind, 10, CancellationToken.None));
        Assert.Equal(0, commits.Count);

        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(await claims.ClaimAsync(Kind, 10, CancellationToken.None));
        Assert.Equal(1, commits.Count);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Asking_again_for_a_key_already_waiting_as_asked_writes_nothing_but_a_sooner_time_or_new_payload_does(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        var due = h.Now + NodaTime.Duration.FromMinutes(5);
        await h.Items.EnqueueAsync([new WorkRequest(Kind, "kim", "p1", due)], CancellationToken.None);
        var commits = new DatabaseCommits();
        var items = new WorkItems(h.Database.CreateFactory(commits), h.Signal, h.Time);

        await items.EnqueueAsync([new WorkRequest(Kind, "kim", DueAt: due + NodaTime.Duration.FromMinutes(1))], CancellationToken.None);
        await items.EnqueueAsync([new WorkRequest(Kind, "kim", "p1", due)], CancellationToken.None);
        Assert.Equal(0, commits.Count);

        await items.EnqueueAsync([new WorkRequest(Kind, "kim", "p2", due)], CancellationToken.None);
        await items.EnqueueAsync([new WorkRequest(Kind, "kim")], CancellationToken.None);
        Assert.Equal(2, commits.Count);
        var row = Assert.Single(await h.RowsAsync());
        Assert.Equal(("p2", h.Now), (row.Payload, row.DueAt));
    }
}
