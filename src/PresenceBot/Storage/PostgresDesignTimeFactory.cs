using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PresenceBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresPresenceBotDbContext</c> build the model; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPresenceBotDbContext>
{
    public PostgresPresenceBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresPresenceBotDbContext>();
        StorageSetup.ConfigurePostgres(options, "Host=localhost;Database=presencebot_design");
        return new PostgresPresenceBotDbContext(options.Options);
    }
}
