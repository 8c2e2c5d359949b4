using Microsoft.EntityFrameworkCore;

namespace PresenceBot.Storage;

/// <summary>Lets the rest of the app ask for the base context whichever provider is configured.</summary>
internal sealed class DbContextFactoryAdapter<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PresenceBotDbContext>
    where TContext : PresenceBotDbContext
{
    public PresenceBotDbContext CreateDbContext() => inner.CreateDbContext();
}
