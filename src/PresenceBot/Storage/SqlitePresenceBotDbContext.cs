using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace PresenceBot.Storage;

/// <summary>The embedded default. SQLite has no instant type: instants are stored as Unix ticks so SQL can compare them.</summary>
internal sealed class SqlitePresenceBotDbContext(DbContextOptions<SqlitePresenceBotDbContext> options) : PresenceBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Instant>().HaveConversion<InstantToUnixTicksConverter>();
    }
}
