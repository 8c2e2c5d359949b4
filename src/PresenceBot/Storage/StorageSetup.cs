using Microsoft.EntityFrameworkCore;
using PresenceBot.CalendarSync.Coordination;
using PresenceBot.CalendarSync.Membership;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.Subscriptions;
using PresenceBot.Organisation;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Reminders;

namespace PresenceBot.Storage;

internal static class StorageSetup
{
    public const string ConnectionStringName = "PresenceBot";

    /// <summary>
    /// Registers the database chosen by <c>Storage:Provider</c> with <c>ConnectionStrings:PresenceBot</c>;
    /// SQLite defaults to a file under the app's content root. Migrations run at start.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        var services = builder.Services;
        services.AddSingleton(options);

        switch (options.Provider)
        {
            case StorageProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new StartupConfigurationException(
                        $"ConnectionStrings:{ConnectionStringName}: required when Storage:Provider is Postgres.");
                }

                services.AddPooledDbContextFactory<PostgresPresenceBotDbContext>(db => ConfigurePostgres(db, connectionString));
                services.AddSingleton<IDbContextFactory<PresenceBotDbContext>, DbContextFactoryAdapter<PostgresPresenceBotDbContext>>();
                // Several instances share this database: "only one at a time" work locks in it.
                services.AddSingleton<IClusterLock>(new PostgresClusterLock(connectionString));
                break;
            default:
                var sqlite = connectionString ?? DefaultSqliteConnectionString(builder.Environment.ContentRootPath);
                services.AddSingleton<SqliteWriteGate>();
                services.AddPooledDbContextFactory<SqlitePresenceBotDbContext>((sp, db) => ConfigureSqlite(db, sqlite, sp.GetRequiredService<SqliteWriteGate>()));
                services.AddSingleton<IDbContextFactory<PresenceBotDbContext>, DbContextFactoryAdapter<SqlitePresenceBotDbContext>>();
                break;
        }

        services.AddSingleton<IReferralStore, EfReferralStore>();
        services.AddSingleton<IForwardingIndex, EfForwardingIndex>();
        services.AddSingleton<ISubscriptionStore, EfSubscriptionStore>();
        services.AddSingleton<ICalendarSyncStateStore, EfCalendarSyncStateStore>();
        services.AddSingleton<IVoicemailLedger, EfVoicemailLedger>();
        services.AddSingleton<IReminderLog, EfReminderLog>();
        services.AddSingleton<ICouplingOverrideStore, EfCouplingOverrideStore>();
        services.AddSingleton<IGroupMembershipStateStore, EfGroupMembershipStateStore>();
        services.AddSingleton<CouplingOverrides>();
        services.AddHostedService<DatabaseMigrator>();

        // After the migrator: the overrides are read from the table it creates.
        services.AddHostedService<CouplingOverrideRefresher>();
        return builder;
    }

    /// <summary>With <paramref name="gate"/> (the service's one per database), write transactions take turns in this process.</summary>
    public static void ConfigureSqlite(DbContextOptionsBuilder db, string connectionString, SqliteWriteGate? gate = null)
    {
        SqliteConnectionWithoutEfFunctions.Use(db.UseSqlite(connectionString)).AddInterceptors(SqliteConnectionSettings.Instance);
        if (gate is not null)
        {
            db.AddInterceptors(gate);
        }
    }

    public static void ConfigurePostgres(DbContextOptionsBuilder db, string connectionString) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.UseNodaTime());

    private static string DefaultSqliteConnectionString(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "presencebot.db")}";
    }
}
