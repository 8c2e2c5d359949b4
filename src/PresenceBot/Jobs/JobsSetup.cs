using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using PresenceBot.Storage;

namespace PresenceBot.Jobs;

internal static class JobsSetup
{
    /// <summary>
    /// Hangfire on in-memory storage by default (nothing durable lives there: durable state is in our
    /// own tables) and on PostgreSQL when the app does, so several instances share one queue.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = builder.Configuration.GetConnectionString(StorageSetup.ConnectionStringName);
        if (options.WorkerCount is < 1 or > 200)
        {
            throw new StartupConfigurationException($"Jobs:WorkerCount: {options.WorkerCount} is not between 1 and 200.");
        }

        services.AddSingleton(options);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Our own storage and activator instances in DI, never Hangfire's globals (JobStorage.Current,
        // JobActivator.Current): AddHangfire would otherwise resolve whatever the last configured host set, so
        // with several hosts in one process (the tests) one host's jobs could run on another's queue or be
        // activated from another's container. Created lazily: PostgreSqlStorage touches the database.
        services.AddSingleton<JobStorage>(_ => storage.Provider == StorageProvider.Postgres
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString!, new PostgreSqlStorageOptions()))
            // Finished jobs are kept 30 minutes, not a day: a sync job per person soon fills the memory otherwise.
            : new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long, MaxExpirationTime = TimeSpan.FromMinutes(30) }));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>())));

        if (options.RunServer)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
            });
        }

        services.AddTransient<RetentionJob>();
        services.AddHostedService<RecurringJobsRegistrar>();
        return builder;
    }

    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<JobsOptions>();
        if (options.DashboardAllowRemote)
        {
            Log.DashboardOpen(app.Logger);
        }

        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new LoopbackDashboardAuthorization(options.DashboardAllowRemote)],
            DashboardTitle = "PresenceBot – jobb",
        });
        return app;
    }
}
