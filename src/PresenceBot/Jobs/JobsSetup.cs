using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using PresenceBot.Jobs.Nightly;
using PresenceBot.SignIn;
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
        if (options.QueuePollInterval < TimeSpan.FromMilliseconds(100) || options.QueuePollInterval > TimeSpan.FromMinutes(1))
        {
            throw new StartupConfigurationException($"Jobs:QueuePollInterval: {options.QueuePollInterval} is not between 00:00:00.1 and 00:01:00.");
        }

        if (options.WorkerCount is < 1 or > 200)
        {
            throw new StartupConfigurationException($"Jobs:WorkerCount: {options.WorkerCount} is not between 1 and 200.");
        }

        if (builder.Configuration.GetValue<bool>(JobsOptions.RemovedDashboardAllowRemote))
        {
            throw new StartupConfigurationException(
                $"{JobsOptions.RemovedDashboardAllowRemote} is no longer supported: it opened /hangfire to every address. "
                + "Configure operator sign-in (AzureAd) and give admins the role Switchboard.Admin instead, and remove the setting.");
        }

        services.AddSingleton(options);
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        // Our own storage and activator instances in DI, never Hangfire's globals (JobStorage.Current,
        // JobActivator.Current): AddHangfire would otherwise resolve whatever the last configured host set, so
        // with several hosts in one process (the tests) one host's jobs could run on another's queue or be
        // activated from another's container. Created lazily: PostgreSqlStorage touches the database.
        services.AddSingleton<JobStorage>(_ => storage.Provider == StorageProvider.Postgres
            ? PostgresStorage(connectionString!, new PostgreSqlStorageOptions
            {
                // Work enqueued on one instance is picked up by any within a second or so (Hangfire's default is 15 s).
                QueuePollInterval = options.QueuePollInterval,
                // A job whose instance died (SIGKILL, a lost machine) runs again elsewhere after minutes, not half an hour:
                // a running job keeps its claim alive by heartbeat, so the short timeout never cuts a live one off.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = TimeSpan.FromMinutes(5),
            })
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
        services.AddNightlyJobs(options);
        services.AddHostedService<RecurringJobsRegistrar>();
        return builder;
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString, PostgreSqlStorageOptions options) =>
        new(new NpgsqlConnectionFactory(connectionString, options), options);

    /// <summary>
    /// <c>/hangfire</c>: with operator sign-in, signed-in admins only (a visitor is sent to sign in); without it, a
    /// browser on this machine only, never through a proxy.
    /// </summary>
    public static WebApplication MapJobsDashboard(this WebApplication app)
    {
        var signIn = app.Services.GetRequiredService<OperatorSignIn>();
        var dashboard = app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = signIn.IsConfigured ? [new AdminDashboardAuthorization()] : [new LoopbackDashboardAuthorization()],
            DashboardTitle = "PresenceBot – jobb",
        });
        if (signIn.IsConfigured)
        {
            dashboard.RequireAuthorization(OperatorPolicies.Admin);
        }

        return app;
    }
}
