using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PresenceBot.Storage;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// SQLite writes take turns in the process: a transaction holds the turn from its start to its end (however it ends), a
/// write outside a transaction while it runs; a statement inside a transaction never ends the transaction's turn.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private const string Insert = """INSERT INTO work_items ("Kind", "Key", "DueAt", "Generation", "Attempts", "CreatedAt") VALUES ('gate-test', {0}, 0, 0, 0, 0)""";

    private readonly SqliteWriteGate _gate = new();
    private readonly TurnProbe _probe;
    private TestDatabase _database = null!;
    private TestContextFactory _factory = null!;

    public SqliteWriteGateTests() => _probe = new TurnProbe(_gate);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        _factory = _database.CreateFactory(_gate, _probe);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_transaction_holds_the_turn_through_its_statements_and_the_next_begins_when_it_commits()
    {
        await using var first = _factory.CreateDbContext();
        await using var second = _factory.CreateDbContext();
        var transaction = await first.Database.BeginTransactionAsync();
        Assert.True(_gate.IsHeld);

        await first.Database.ExecuteSqlRawAsync(Insert, ["a"]);
        Assert.Equal(1, await first.WorkItems.CountAsync(w => w.Kind == "gate-test"));
        Assert.True(_gate.IsHeld, "a statement inside the transaction does not end its turn");

        var waiting = second.Database.BeginTransactionAsync();
        Assert.False(waiting.IsCompleted, "the second transaction waits its turn");

        await transaction.CommitAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(4));
        Assert.True(_gate.IsHeld, "now the second has it");
        await next.CommitAsync();
        Assert.False(_gate.IsHeld);
        await transaction.DisposeAsync();
    }

    [Fact]
    public async Task A_transaction_given_up_without_commit_or_rollback_gives_the_turn_back()
    {
        await using (var db = _factory.CreateDbContext())
        {
            var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync(Insert, ["b"]);
            Assert.True(_gate.IsHeld);
            await transaction.DisposeAsync();
        }

        Assert.False(_gate.IsHeld);
        await using var other = _factory.CreateDbContext();
        Assert.Equal(0, await other.WorkItems.CountAsync(w => w.Kind == "gate-test"));
    }

    [Fact]
    public async Task A_begin_that_fails_gives_the_turn_back_at_once()
    {
        await using var db = _factory.CreateDbContext();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Chaos));

        Assert.False(_gate.IsHeld);
    }

    [Fact]
    public async Task A_write_outside_a_transaction_holds_the_turn_while_it_runs_and_a_read_never_waits_for_it()
    {
        await using var db = _factory.CreateDbContext();

        await db.Database.ExecuteSqlRawAsync(Insert, ["c"]);
        db.WorkItems.Add(new PresenceBot.WorkQueue.WorkItemRow { Kind = "gate-test", Key = "d" });
        await db.SaveChangesAsync();
        Assert.Equal([true, true], _probe.HeldDuringWrites);
        Assert.False(_gate.IsHeld);

        var transaction = await db.Database.BeginTransactionAsync();
        await using var reader = _factory.CreateDbContext();
        Assert.Equal(2, await reader.WorkItems.CountAsync(w => w.Kind == "gate-test").WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.True(_gate.IsHeld, "a read outside the transaction does not end its turn");
        await transaction.RollbackAsync();
        Assert.False(_gate.IsHeld);
    }

    [Theory]
    [InlineData("INSERT INTO x VALUES (1)", true)]
    [InlineData("  \n update x SET y = 1", true)]
    [InlineData("DELETE FROM x", true)]
    [InlineData("REPLACE INTO x VALUES (1)", true)]
    [InlineData("SELECT * FROM x", false)]
    [InlineData("PRAGMA busy_timeout=5000;", false)]
    [InlineData(null, false)]
    public void Writes_are_told_by_their_first_word(string? sql, bool write) =>
        Assert.Equal(write, SqliteWriteGate.StartsWithWrite(sql));

    /// <summary>Registered after the gate: whether the turn was held while each autocommit write ran.</summary>
    private sealed class TurnProbe(SqliteWriteGate gate) : DbCommandInterceptor
    {
        public List<bool> HeldDuringWrites { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Probe(command);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Probe(command);
            return ValueTask.FromResult(result);
        }

        private void Probe(DbCommand command)
        {
            if (SqliteWriteGate.IsAutocommitWrite(command))
            {
                HeldDuringWrites.Add(gate.IsHeld);
            }
        }
    }
}
