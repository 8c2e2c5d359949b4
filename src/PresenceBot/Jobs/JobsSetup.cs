using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
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
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(postgres => postgres.UseNpgsqlConnection(connectionString));
            }
            else
            {
                hangfire.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
            }
        });

        if (options.RunServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
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
