using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace PresenceBot.Storage;

#pragma warning disable EF1001 // EF's own SQLite connection, internal API: the one place that says how EF makes its SqliteConnection.

/// <summary>
/// EF's SQLite connection, but its <see cref="SqliteConnection"/> comes without the SQL functions EF adds for decimal
/// arithmetic and <c>Regex.IsMatch</c> (<c>ef_add</c>, <c>ef_compare</c> … <c>regexp</c>, the <c>ef_sum</c>… aggregates and
/// the <c>EF_DECIMAL</c> collation). Microsoft.Data.Sqlite registers those twelve again on every open, each with a
/// handle that is finalized rather than disposed: measured under the publish load run, 228,857 finalizations in 8 s
/// (docs/performance.md, issue 12, "Fourth round"). The model has no decimal and no query
/// matches a regex (<c>SqliteConnectionTests</c> checks the model), so nothing here needs them; a query that did would
/// fail with "no such function", not quietly. EF's own connection would also take a command timeout and SpatiaLite
/// from the options; neither is configured here.
/// </summary>
internal sealed class SqliteConnectionWithoutEfFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>Makes <paramref name="db"/>'s SQLite connections this one.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder db) =>
        db.ReplaceService<ISqliteRelationalConnection, SqliteConnectionWithoutEfFunctions>();

    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}

#pragma warning restore EF1001
