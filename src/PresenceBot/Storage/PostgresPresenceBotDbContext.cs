using Microsoft.EntityFrameworkCore;

namespace PresenceBot.Storage;

/// <summary>PostgreSQL, for several app instances; instants map to timestamptz through Npgsql's NodaTime plug-in.</summary>
internal sealed class PostgresPresenceBotDbContext(DbContextOptions<PostgresPresenceBotDbContext> options) : PresenceBotDbContext(options);
