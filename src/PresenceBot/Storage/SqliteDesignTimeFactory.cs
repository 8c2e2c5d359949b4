using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PresenceBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context SqlitePresenceBotDbContext</c> build the model without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePresenceBotDbContext>
{
    public SqlitePresenceBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlitePresenceBotDbContext>();
        StorageSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqlitePresenceBotDbContext(options.Options);
    }
}
