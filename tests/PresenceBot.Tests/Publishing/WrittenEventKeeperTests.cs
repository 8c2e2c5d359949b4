using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.Publishing;
using PresenceBot.Publishing.WriteBack;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Publishing;

/// <summary>
/// Issue 12 §3, a write whose answer was lost: Graph took our change of the event, but the row still says the version
/// before (with its change key). A later change or delete must still know the event for ours, never hand it over as the
/// person's edit (the calendar sync would end the manual referral on it). And a create names a transaction id of its
/// own, the same on a retry, a new one when the event is written anew after a clean-up.
/// </summary>
public sealed class WrittenEventKeeperTests : IAsyncDisposable
{
    private const string Person = "kim";
    private static readonly Guid ReferralId = Guid.Parse("8d7c4f9e-2a51-4c1b-9f0e-3b6a7d2e5c10");
    private static readonly Instant Nine = Instant.FromUtc(2026, 11, 23, 8, 0);

    private readonly FakeTimeProvider _time = new(Nine.ToDateTimeOffset());
    private readonly InMemoryOutlookEvents _outlook = new();
    private readonly RecordingCalendarQueue _rereads = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private Storage.TestDatabase? _database;

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Saves_written_together_refuse_a_row_the_sync_released_and_write_the_others(DbProvider provider)
    {
        var (_, store) = await KeeperAsync(provider);
        var released = New();
        Assert.True(await store.SaveAsync(released));
        await store.ReleaseAsync([ReferralId], CancellationToken.None);

        // Asked for at once, so the later ones go together in one batch with the released row.
        var other = new WrittenEventRow { ReferralId = Guid.NewGuid(), PersonId = Person, End = Until(15).End, Pending = "other" };
        released.Pending = "ours again";
        var saved = await Task.WhenAll(store.SaveAsync(New()), store.SaveAsync(released), store.SaveAsync(other));

        Assert.Equal([false, false, true], saved);
        var rows = await store.AllAsync(Person, CancellationToken.None);
        Assert.Equal(WrittenEventState.Released, rows.Single(r => r.ReferralId == ReferralId).State);
        Assert.Null(rows.Single(r => r.ReferralId == ReferralId).Pending);
        Assert.Equal("other", rows.Single(r => r.ReferralId == other.ReferralId).Pending);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_change_whose_answer_was_lost_then_changed_again_updates_our_event_and_hands_nothing_over(DbProvider provider)
    {
        var (keeper, store) = await KeeperAsync(provider);
        var row = await WrittenAsync(keeper, Until(15));

        _outlook.LoseNextChangeAnswer = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => keeper.BringAsync(Person, row, Until(16), CancellationToken.None));
        Assert.Equal(Until(16).Fingerprint, _outlook.FingerprintOf(row.EventId!));

        // The operator corrects it before the retry: the row as the retry reads it says 15.00 written, 16.00 under way.
        await keeper.BringAsync(Person, await ReadAsync(store), Until(17), CancellationToken.None);

        Assert.Equal(Until(17).Fingerprint, _outlook.FingerprintOf(row.EventId!));
        var stored = await ReadAsync(store);
        Assert.Equal((WrittenEventState.Active, Until(17).Fingerprint, (string?)null, (string?)null), (stored.State, stored.Written, stored.Pending, stored.Unconfirmed));
        Assert.Empty(_rereads.Requested);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task The_version_whose_answer_was_lost_is_known_as_ours_by_the_calendar_sync_while_a_newer_one_is_under_way(DbProvider provider)
    {
        var (keeper, store) = await KeeperAsync(provider);
        var row = await WrittenAsync(keeper, Until(15));
        _outlook.LoseNextChangeAnswer = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => keeper.BringAsync(Person, row, Until(16), CancellationToken.None));
        _outlook.LoseNextChangeAnswer = true;
        var again = await ReadAsync(store);
        await Assert.ThrowsAsync<HttpRequestException>(() => keeper.BringAsync(Person, again, Until(17), CancellationToken.None));

        var seen = Assert.Single(await store.FindAsync(Person, [row.EventId!], [], CancellationToken.None));

        Assert.True(seen.Says(Until(15).Fingerprint) && seen.Says(Until(16).Fingerprint) && seen.Says(Until(17).Fingerprint));
        Assert.False(seen.Says(Until(18).Fingerprint));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_delete_retried_after_a_change_whose_answer_was_lost_deletes_our_event(DbProvider provider)
    {
        var (keeper, store) = await KeeperAsync(provider);
        var row = await WrittenAsync(keeper, Until(15));
        _outlook.LoseNextChangeAnswer = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => keeper.BringAsync(Person, row, Until(16), CancellationToken.None));

        // The first delete records itself and fails before reaching Graph; the retry reads the row anew.
        _outlook.FailNextDelete = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => keeper.DeleteAsync(Person, row, rereadWhenTheirs: true, CancellationToken.None));
        var deleted = await keeper.DeleteAsync(Person, await ReadAsync(store), rereadWhenTheirs: true, CancellationToken.None);

        Assert.True(deleted);
        Assert.Null(_outlook.FingerprintOf(row.EventId!));
        Assert.Equal(WrittenEventState.Deleted, (await ReadAsync(store)).State);
        Assert.Empty(_rereads.Requested);
    }

    [Theory]
    [OnSqlite]
    public async Task A_create_keeps_its_transaction_id_on_retry_and_a_new_create_after_a_clean_up_gets_another(DbProvider provider)
    {
        var (keeper, store) = await KeeperAsync(provider);
        _outlook.FailNextCreate = true;
        var row = New();
        await Assert.ThrowsAsync<HttpRequestException>(() => keeper.BringAsync(Person, row, Until(15), CancellationToken.None));
        var written = await ReadAsync(store);
        await keeper.BringAsync(Person, written, Until(15), CancellationToken.None);
        Assert.True(await keeper.DeleteAsync(Person, written, rereadWhenTheirs: false, CancellationToken.None));
        await store.DropAsync([written], CancellationToken.None);

        // Written back to again: a new row, a new create (Graph would answer a repeated id with the deleted event).
        var anew = New();
        await keeper.BringAsync(Person, anew, Until(15), CancellationToken.None);

        Assert.Equal(3, _outlook.TransactionIds.Count);
        Assert.Equal(_outlook.TransactionIds[0], _outlook.TransactionIds[1]);
        Assert.NotEqual(_outlook.TransactionIds[1], _outlook.TransactionIds[2]);
        Assert.All(_outlook.TransactionIds, id => Assert.StartsWith($"presencebot-{ReferralId:N}-", id, StringComparison.Ordinal));
        Assert.Equal(Until(15).Fingerprint, _outlook.FingerprintOf(anew.EventId!));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task The_clean_up_forgets_a_row_only_while_it_is_as_the_clean_up_left_it(DbProvider provider)
    {
        var (keeper, store) = await KeeperAsync(provider);
        await WrittenAsync(keeper, Until(15));
        var seen = await ReadAsync(store);

        // Written back to again mid-run: the publisher moves the event after the clean-up read the row.
        await keeper.BringAsync(Person, await ReadAsync(store), Until(16), CancellationToken.None);

        Assert.Equal(0, await store.DropAsync([seen], CancellationToken.None));
        Assert.Equal(Until(16).Fingerprint, (await ReadAsync(store)).Written);
        Assert.Equal(1, await store.DropAsync([await ReadAsync(store)], CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await _meters.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private static WriteBackEvent Until(int hour) => new(ReferralId, "SAM: Sammanträde", Nine, Instant.FromUtc(2026, 11, 23, hour - 1, 0), "busy");

    private static WrittenEventRow New() => new() { ReferralId = ReferralId, PersonId = Person, End = Until(15).End };

    private static async Task<WrittenEventRow> ReadAsync(EfWrittenEventStore store) => Assert.Single(await store.AllAsync(Person, CancellationToken.None));

    private async Task<WrittenEventRow> WrittenAsync(WrittenEventKeeper keeper, WriteBackEvent wanted)
    {
        var row = New();
        await keeper.BringAsync(Person, row, wanted, CancellationToken.None);
        Assert.Equal(wanted.Fingerprint, _outlook.FingerprintOf(row.EventId!));
        return row;
    }

    private async Task<(WrittenEventKeeper Keeper, EfWrittenEventStore Store)> KeeperAsync(DbProvider provider)
    {
        _database = await Storage.TestDatabase.CreateAsync(provider);
        var store = new EfWrittenEventStore(_database.CreateFactory(), _time);
        var metrics = new PublishMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        return (new WrittenEventKeeper(_outlook, store, _rereads, metrics, _time, NullLogger<WrittenEventKeeper>.Instance), store);
    }
}
