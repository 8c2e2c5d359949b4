using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.Outbox;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// The storage pieces the host would wire, built by hand over one <see cref="TestDatabase"/>:
/// a fake clock, the sample organisation, the work queue, the EF store and the domain service.
/// </summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    /// <summary>Tuesday 10 March 2026, 09:00 in Stockholm: a working morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private StorageHarness(TestDatabase database)
    {
        Database = database;
        Signal = new WorkQueueSignal(Time);
        Store = NewStore();
        Service = NewService(Store);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public TestOrganisation Organisation { get; } = new();

    public WorkQueueSignal Signal { get; }

    public EfReferralStore Store { get; }

    public ReferralService Service { get; }

    public Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());

    public static async Task<StorageHarness> CreateAsync(DbProvider provider) =>
        new(await TestDatabase.CreateAsync(provider));

    /// <summary>A store with its own factory and contexts (as another app instance would have).</summary>
    public EfReferralStore NewStore(params IInterceptor[] interceptors) => new(Database.CreateFactory(interceptors), NewWorkItems(interceptors), []);

    /// <summary>The enqueue side of the work queue over its own factory.</summary>
    public WorkItems NewWorkItems(params IInterceptor[] interceptors) => new(Database.CreateFactory(interceptors), Signal, Time);

    /// <summary>A worker with its own claims (as another app instance would have), for these handlers.</summary>
    public WorkQueueWorker NewWorker(params IWorkHandler[] handlers)
    {
        var claims = new WorkItemClaims(Database.CreateFactory(), Time);
        return new(handlers, claims, PresenceBot.Tests.WorkQueue.WorkQueueHarness.NoLiveness(claims), Signal, new WorkQueueMetrics(),
            Options.Create(new WorkQueueOptions()), Time, NullLogger<WorkQueueWorker>.Instance);
    }

    /// <summary>Runs what is due of <paramref name="handler"/>'s kind until nothing is; returns how many items were claimed.</summary>
    public static async Task<int> RunUntilIdleAsync(WorkQueueWorker worker, IWorkHandler handler)
    {
        var total = 0;
        int claimed;
        while ((claimed = await worker.RunDueAsync(handler, CancellationToken.None)) > 0)
        {
            total += claimed;
        }

        return total;
    }

    public ReferralService NewService(IReferralStore store) => new(store, Organisation, Time);

    public PresenceBotDbContext Context() => Database.CreateContext();

    /// <summary>A switchboard referral from now until <paramref name="hours"/> later.</summary>
    public SetReferral Switchboard(string personId, Reason reason = Reason.Meeting, double hours = 3, string? note = null) => new()
    {
        PersonId = personId,
        Reason = reason,
        Until = Now + Duration.FromHours(hours),
        Note = note,
        Source = ReferralSource.Switchboard,
        Actor = "vaxel@lycksele.se",
    };

    /// <summary>A calendar booking starting <paramref name="startsIn"/> from now and lasting an hour.</summary>
    public CalendarBooking Booking(string personId, string eventId, Duration startsIn, Reason reason = Reason.Meeting) =>
        new(personId, eventId, reason, Now + startsIn, Now + startsIn + Duration.FromHours(1), "calendar-sync");

    public async Task<(int Referrals, int Audit, int Outbox, long Version)> CountsAsync(string personId)
    {
        await using var db = Context();
        var referrals = await db.Referrals.CountAsync(r => r.PersonId == personId);
        var audit = await db.AuditEntries.CountAsync(a => a.PersonId == personId);
        var outbox = (await db.WorkItems.AsNoTracking().Where(w => w.Kind == ReferralChangeDelivery.ReferralChanged.Name).ToListAsync())
            .Count(m => OutboxPayloadOf(m.Payload!).PersonId == personId);
        var version = await db.PersonStates.Where(s => s.PersonId == personId).Select(s => s.Version).FirstOrDefaultAsync();
        return (referrals, audit, outbox, version);
    }

    public static OutboxPayload OutboxPayloadOf(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<OutboxPayload>(json) ?? throw new InvalidOperationException("Empty outbox payload.");

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
