using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using PresenceBot.Storage;
using PresenceBot.Tests.Storage;
using PresenceBot.Tests.WorkQueue;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.ScaleOut;

/// <summary>The database lock and the instances' liveness locks on a real PostgreSQL, as two instances would use them.</summary>
public sealed class CoordinationTests
{
    private static readonly WorkKind Kind = new("test") { Lease = TimeSpan.FromMinutes(2) };

    [Theory]
    [OnPostgres]
    public async Task A_second_holder_of_the_cluster_lock_waits_until_the_first_lets_go(DbProvider provider)
    {
        await using var database = await Storage.TestDatabase.CreateAsync(provider, migrate: false);
        var first = new PostgresClusterLock(database.ConnectionString);
        var second = new PostgresClusterLock(database.ConnectionString);

        var held = await first.AcquireAsync("reconcile", CancellationToken.None);
        var waiting = second.AcquireAsync("reconcile", CancellationToken.None);
        var other = await second.AcquireAsync("another name", CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await other.DisposeAsync();
    }

    [Theory]
    [OnPostgres]
    public async Task Work_claimed_by_an_instance_whose_session_ended_is_freed_after_the_grace_and_a_live_ones_is_not(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.EnqueueAsync(Kind, "kim");
        await h.EnqueueAsync(Kind, "sara");
        var (deadClaims, dead) = Instance(h);
        var (liveClaims, live) = Instance(h);
        var (_, survivor) = Instance(h);
        await dead.HoldAsync(CancellationToken.None);
        await live.HoldAsync(CancellationToken.None);
        await survivor.HoldAsync(CancellationToken.None);
        Assert.Single(await deadClaims.ClaimAsync(Kind, 1, CancellationToken.None));
        Assert.Single(await liveClaims.ClaimAsync(Kind, 1, CancellationToken.None));

        Assert.Equal(0, await survivor.FreeDeadInstancesLeasesAsync(CancellationToken.None));
        await dead.DisposeAsync(); // its session ends, as when the process is killed
        await LivenessLocksHeldAsync(h, 2);

        // Seen free once: not yet judged dead (it might be a database restart); after two checks, freed.
        Assert.Equal(0, await survivor.FreeDeadInstancesLeasesAsync(CancellationToken.None));
        h.Time.Advance(Grace - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await survivor.FreeDeadInstancesLeasesAsync(CancellationToken.None));
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await survivor.FreeDeadInstancesLeasesAsync(CancellationToken.None));

        var rows = await h.RowsAsync();
        Assert.Single(rows, r => r.LeaseOwner is null);
        Assert.Single(rows, r => r.LeaseOwner?.StartsWith(liveClaims.Instance + ":", StringComparison.Ordinal) == true);
        await live.DisposeAsync();
        await survivor.DisposeAsync();
    }

    [Theory]
    [OnPostgres]
    public async Task After_a_database_restart_a_live_instance_that_takes_its_lock_again_keeps_its_work(DbProvider provider)
    {
        await using var h = await WorkQueueHarness.CreateAsync(provider);
        await h.EnqueueAsync(Kind, "kim");
        var (liveClaims, live) = Instance(h);
        var (_, other) = Instance(h);
        await live.HoldAsync(CancellationToken.None);
        await other.HoldAsync(CancellationToken.None);
        Assert.Single(await liveClaims.ClaimAsync(Kind, 1, CancellationToken.None));

        // Every session ends at once, as when the server restarts; the other instance looks first.
        await using (var admin = new NpgsqlConnection(h.Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND classid = @space", admin);
            terminate.Parameters.AddWithValue("space", InstanceLiveness.KeySpace);
            Assert.Equal(2L, await terminate.ExecuteScalarAsync());
        }

        await LivenessLocksHeldAsync(h, 0);
        Assert.Equal(0, await other.FreeDeadInstancesLeasesAsync(CancellationToken.None));
        h.Time.Advance(TimeSpan.FromSeconds(4));
        await live.HoldAsync(CancellationToken.None); // its next check takes the lock again
        h.Time.Advance(Grace);
        Assert.Equal(0, await other.FreeDeadInstancesLeasesAsync(CancellationToken.None));

        var row = Assert.Single(await h.RowsAsync());
        Assert.StartsWith(liveClaims.Instance + ":", row.LeaseOwner, StringComparison.Ordinal);
        await live.DisposeAsync();
        await other.DisposeAsync();
    }

    private static TimeSpan Grace => 2 * new WorkQueueOptions().DeadInstanceCheck;

    /// <summary>
    /// Waits (bounded) until exactly <paramref name="count"/> instances' liveness locks are held in this test's database
    /// (pg_locks lists the whole server's, and other tests' instances run at the same time): the server ends a
    /// closed or terminated session's backend, and releases its locks, moments after, not at the same instant.
    /// </summary>
    private static async Task LivenessLocksHeldAsync(WorkQueueHarness h, long count)
    {
        await using var connection = new NpgsqlConnection(h.Database.ConnectionString);
        await connection.OpenAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var held = new NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = @space AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
            held.Parameters.AddWithValue("space", InstanceLiveness.KeySpace);
            var now = (long)(await held.ExecuteScalarAsync())!;
            if (now == count)
            {
                return;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"{now} liveness locks still held, expected {count}");
            await Task.Delay(50);
        }
    }

    private static (WorkItemClaims Claims, InstanceLiveness Liveness) Instance(WorkQueueHarness h)
    {
        var claims = h.NewClaims();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{StorageSetup.ConnectionStringName}"] = h.Database.ConnectionString })
            .Build();
        return (claims, new InstanceLiveness(
            new StorageOptions { Provider = StorageProvider.Postgres }, configuration, claims, Options.Create(new WorkQueueOptions()), h.Time,
            NullLogger<InstanceLiveness>.Instance));
    }
}
