using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PresenceBot.Tests.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

/// <summary>The work queue's pieces over one test database, with a fake clock.</summary>
internal sealed class WorkQueueHarness : IAsyncDisposable
{
    private WorkQueueHarness(Storage.TestDatabase database)
    {
        Database = database;
        Signal = new WorkQueueSignal(Time);
        Items = new WorkItems(database.CreateFactory(), Signal, Time);
    }

    public Storage.TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(StorageHarness.Start);

    public WorkQueueSignal Signal { get; }

    public NodaTime.Instant Now => NodaTime.Instant.FromDateTimeOffset(Time.GetUtcNow());

    public WorkItems Items { get; }

    public static async Task<WorkQueueHarness> CreateAsync(DbProvider provider) => new(await Storage.TestDatabase.CreateAsync(provider));

    /// <summary>Claims of their own, as another instance would have.</summary>
    public WorkItemClaims NewClaims() => new(Database.CreateFactory(), Time);

    public WorkQueueWorker NewWorker(params IWorkHandler[] handlers)
    {
        var claims = NewClaims();
        return new(handlers, claims, NoLiveness(claims), Signal, new WorkQueueMetrics(), Options.Create(new WorkQueueOptions()), Time,
            NullLogger<WorkQueueWorker>.Instance);
    }

    /// <summary>Liveness as on SQLite (one instance, none to hold): the worker claims at once, and its loops claim ahead.</summary>
    public static InstanceLiveness NoLiveness(WorkItemClaims claims) =>
        new(new PresenceBot.Storage.StorageOptions(), new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), claims,
            Options.Create(new WorkQueueOptions()), TimeProvider.System, NullLogger<InstanceLiveness>.Instance);

    public DeadLetters NewDeadLetters(params IWorkHandler[] handlers) => new(Database.CreateFactory(), Items, handlers);

    public Task EnqueueAsync(WorkKind kind, string key, string? payload = null) =>
        Items.EnqueueAsync([new WorkRequest(kind, key, payload)], CancellationToken.None);

    public async Task<List<WorkItemRow>> RowsAsync()
    {
        await using var db = Database.CreateContext();
        return await db.WorkItems.AsNoTracking().OrderBy(w => w.Id).ToListAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
