using Microsoft.EntityFrameworkCore;
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
    private TestDatabase _database = null!;
    private TestContextFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DbProvider.Sqlite);
        _factory = _database.CreateFactory(_gate);
    }

    public async Task DisposeAsync()
    {
        _gate.Dispose();
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
        await Task.Delay(100);
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
    public async Task A_write_outside_a_transaction_holds_the_turn_only_while_it_runs_and_a_read_never()
    {
        await using var db = _factory.CreateDbContext();

        await db.Database.ExecuteSqlRawAsync(Insert, ["c"]);
        Assert.False(_gate.IsHeld);
        db.WorkItems.Add(new PresenceBot.WorkQueue.WorkItemRow { Kind = "gate-test", Key = "d" });
        await db.SaveChangesAsync();
        Assert.False(_gate.IsHeld);

        var transaction = await db.Database.BeginTransactionAsync();
        await using var reader = _factory.CreateDbContext();
        Assert.Equal(2, await reader.WorkItems.CountAsync(w => w.Kind == "gate-test"));
        Assert.True(_gate.IsHeld, "a read outside the transaction neither waits nor gives back its turn");
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
}
