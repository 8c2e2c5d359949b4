using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PresenceBot.Outbox;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Storage;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// A change that PostgreSQL aborts to end a deadlock or a serialization failure is rolled back whole: the service plans
/// it again and it is stored, instead of failing the operator's write. The abort is simulated, so SQLite serves.
/// </summary>
public sealed class LockConflictRetryTests
{
    private static readonly WorkKind Publish = new("publish:test");

    [Theory]
    [OnSqlite]
    public async Task A_deadlock_on_the_changes_work_is_retried_and_the_change_stored(DbProvider provider) =>
        await AssertRetriedAsync(provider, PostgresErrorCodes.DeadlockDetected, "ON CONFLICT");

    [Theory]
    [OnSqlite]
    public async Task A_serialization_failure_on_the_referral_rows_is_retried_and_the_change_stored(DbProvider provider) =>
        await AssertRetriedAsync(provider, PostgresErrorCodes.SerializationFailure, "INSERT INTO \"referrals\"");

    private static async Task AssertRetriedAsync(DbProvider provider, string sqlState, string failingCommand)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        var abort = new AbortOnce(sqlState, failingCommand);
        var store = new EfReferralStore(h.Database.CreateFactory(abort), h.NewWorkItems(abort), [new PublishEveryone()]);

        var result = await h.NewService(store).SetAsync(h.Switchboard(TestOrganisation.Kim, Reason.Lunch, hours: 1), CancellationToken.None);

        Assert.True(result.Changed);
        Assert.Equal(1, abort.Aborted);
        await using var db = h.Context();
        Assert.Equal(2, (await db.PersonStates.SingleAsync(s => s.PersonId == TestOrganisation.Kim)).Version);
        Assert.Equal(2, await db.WorkItems.CountAsync(w => w.Kind == ReferralChangeDelivery.ReferralChanged.Name));
        Assert.True(await db.WorkItems.AnyAsync(w => w.Kind == Publish.Name && w.Key == TestOrganisation.Kim));
    }

    private sealed class PublishEveryone : IReferralChangeWork
    {
        public IEnumerable<WorkRequest> For(string personId) => [new WorkRequest(Publish, personId)];
    }

    /// <summary>Fails the first command containing <paramref name="text"/> as PostgreSQL would, with <paramref name="sqlState"/>.</summary>
    private sealed class AbortOnce(string sqlState, string text) : DbCommandInterceptor
    {
        private int _aborted;

        public int Aborted => Volatile.Read(ref _aborted);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            AbortIfFirst(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            AbortIfFirst(command);
            return ValueTask.FromResult(result);
        }

        private void AbortIfFirst(DbCommand command)
        {
            if (command.CommandText.Contains(text, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _aborted, 1, 0) == 0)
            {
                throw new PostgresException("simulated abort", "ERROR", "ERROR", sqlState);
            }
        }
    }
}
