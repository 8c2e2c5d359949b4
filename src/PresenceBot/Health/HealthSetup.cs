using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace PresenceBot.Health;

internal static class HealthSetup
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<JobsHealthCheck>("jobs", tags: [ReadyTag])
            .AddCheck<SubscriptionsHealthCheck>("graphSubscriptions", tags: [ReadyTag])
            .AddCheck<OrganisationHealthCheck>("organisation", tags: [ReadyTag])
            .AddCheck<PresenceBot.WorkQueue.WorkQueueHealthCheck>("workQueue", tags: [ReadyTag]);
        return builder;
    }

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: and its database does. Both open, no key.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteAsync });
        return app;
    }
}
