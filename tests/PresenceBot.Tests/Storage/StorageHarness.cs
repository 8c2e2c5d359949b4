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

namespace PresenceBot.Tests.Storage;

/// <summary>
/// The storage pieces the host would wire, built by hand over one <see cref="TestDatabase"/>:
/// a fake clock, the sample organisation, the outbox signal, the EF store and the domain service.
/// </summary>
internal sealed class StorageHarness : IAsyncDisposable
{
    /// <summary>Tuesday 10 March 2026, 09:00 in Stockholm: a working morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    private StorageHarness(TestDatabase database)
    {
        Database = database;
        Store = NewStore();
        Service = NewService(Store);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(Start);

    public TestOrganisation Organisation { get; } = new();

    public OutboxSignal Signal { get; } = new();

    public EfReferralStore Store { get; }

    public ReferralService Service { get; }

    public Instant Now => Instant.FromDateTimeOffset(Time.GetUtcNow());

    public static async Task<StorageHarness> CreateAsync(DbProvider provider) =>
        new(await TestDatabase.CreateAsync(provider));

    /// <summary>A store with its own factory and contexts (as another app instance would have).</summary>
    public EfReferralStore NewStore(params IInterceptor[] interceptors) => new(Database.CreateFactory(interceptors), Signal);

    public ReferralService NewService(IReferralStore store) => new(store, Organisation, Time);

    public OutboxDispatcher NewDispatcher(IEnumerable<IReferralChangeHandler> handlers, OutboxSignal? signal = null, OutboxOptions? options = null) =>
        new(Database.CreateFactory(), handlers, signal ?? new OutboxSignal(), Options.Create(options ?? new OutboxOptions()), Time,
            NullLogger<OutboxDispatcher>.Instance);

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
        var outbox = (await db.OutboxMessages.AsNoTracking().ToListAsync())
            .Count(m => OutboxPayloadOf(m.Payload).PersonId == personId);
        var version = await db.PersonStates.Where(s => s.PersonId == personId).Select(s => s.Version).FirstOrDefaultAsync();
        return (referrals, audit, outbox, version);
    }

    public static OutboxPayload OutboxPayloadOf(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<OutboxPayload>(json) ?? throw new InvalidOperationException("Empty outbox payload.");

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
