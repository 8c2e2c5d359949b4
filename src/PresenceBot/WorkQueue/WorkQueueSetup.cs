namespace PresenceBot.WorkQueue;

internal static class WorkQueueSetup
{
    /// <summary>
    /// The one durable work queue (<c>work_items</c>): features register an <see cref="IWorkHandler"/> per kind of work
    /// and enqueue with <see cref="WorkItems"/>. Storage must be added first (its migrator creates the tables).
    /// </summary>
    public static IHostApplicationBuilder AddWorkQueue(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WorkQueueOptions>().BindConfiguration(WorkQueueOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorkQueueSignal>();
        services.AddSingleton<WorkItems>();
        services.AddSingleton<WorkItemClaims>();
        services.AddSingleton<InstanceLiveness>();
        services.AddSingleton<DeadLetters>();
        services.AddSingleton<WorkQueueMetrics>();
        services.AddSingleton<WorkQueueObserver>();
        services.AddHostedService(sp => sp.GetRequiredService<WorkQueueObserver>());
        if (builder.Configuration.GetValue($"{WorkQueueOptions.SectionName}:{nameof(WorkQueueOptions.RunWorker)}", defaultValue: true))
        {
            services.AddHostedService<WorkQueueWorker>();
        }

        return builder;
    }
}
