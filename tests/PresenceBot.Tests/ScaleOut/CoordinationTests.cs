using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
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
    public async Task Work_claimed_by_an_instance_whose_session_ended_is_freed_and_a_live_ones_is_not(DbProvider provider)
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
        Assert.Equal(1, await FreedWithinAsync(survivor, TimeSpan.FromSeconds(10)));

        var rows = await h.RowsAsync();
        Assert.Single(rows, r => r.LeaseOwner is null);
        Assert.Single(rows, r => r.LeaseOwner?.StartsWith(liveClaims.Instance + ":", StringComparison.Ordinal) == true);
        await live.DisposeAsync();
        await survivor.DisposeAsync();
    }

    /// <summary>
    /// What the survivor frees once the dead session is gone. The server ends a closed session's backend (and releases
    /// its locks) moments after the client leaves, not at the same instant, so the first look may still find it held.
    /// </summary>
    private static async Task<int> FreedWithinAsync(InstanceLiveness survivor, TimeSpan bound)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var freed = await survivor.FreeDeadInstancesLeasesAsync(CancellationToken.None);
            if (freed > 0 || waited.Elapsed > bound)
            {
                return freed;
            }

            await Task.Delay(50);
        }
    }

    private static (WorkItemClaims Claims, InstanceLiveness Liveness) Instance(WorkQueueHarness h)
    {
        var claims = h.NewClaims();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{StorageSetup.ConnectionStringName}"] = h.Database.ConnectionString })
            .Build();
        return (claims, new InstanceLiveness(new StorageOptions { Provider = StorageProvider.Postgres }, configuration, claims, NullLogger<InstanceLiveness>.Instance));
    }
}
