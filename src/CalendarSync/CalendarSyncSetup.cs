using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PresenceBot.CalendarSync.Coordination;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Mapping;
using PresenceBot.CalendarSync.Membership;
using PresenceBot.CalendarSync.Notifications;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.Subscriptions;

namespace PresenceBot.CalendarSync;

public static class CalendarSyncSetup
{
    /// <summary>
    /// Outlook → referral: Graph client, subscriptions, webhooks, re-reads, units' Entra ID groups and their jobs.
    /// The stores (<see cref="ISubscriptionStore"/>, <see cref="ICalendarSyncStateStore"/>,
    /// <see cref="IGroupMembershipStateStore"/>, <see cref="WriteBack.IWrittenEventStore"/>) come from the host's storage, which must be added first, and
    /// <see cref="ICalendarWorkQueue"/> from its work queue, which hands the work back to <see cref="CalendarWorkRunner"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCalendarSync(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(_ =>
        {
            var endpoint = new GraphEndpoint();
            if (builder.Configuration.UsesConfiguredGraph())
            {
                endpoint.Use(new Uri(builder.Configuration[$"{GraphOptions.SectionName}:{nameof(GraphOptions.BaseUrl)}"]!));
            }

            return endpoint;
        });
        services.AddSingleton<GraphMetrics>();
        services.AddSingleton<RereadMetrics>();
        services.AddSingleton<GraphClientProvider>();
        services.AddSingleton<ISubscriptionClient, GraphSubscriptionClient>();
        services.AddSingleton<ICalendarReader, GraphCalendarReader>();
        services.AddSingleton(sp => new CalendarEventMapper(new MappingRules
        {
            TentativeMakesReferral = sp.GetRequiredService<IOptions<GraphOptions>>().Value.TentativeMakesReferral,
        }));
        // One instance (SQLite): a lock in this process. The host's storage registers a database lock for PostgreSQL first.
        services.TryAddSingleton<IClusterLock, InProcessClusterLock>();
        services.AddSingleton<WebhookUrls>();
        services.AddSingleton<UnknownSubscriptions>();
        services.AddSingleton<SubscriptionDirectory>();
        services.AddSingleton<SubscriptionManager>();
        services.AddSingleton<NotificationCounters>();
        services.AddSingleton<DiscardWarnings>();
        services.AddSingleton<WebhookIntake>();
        services.AddSingleton<WriteBack.OwnWriteEchoes>();
        services.AddSingleton<WriteBack.IOutlookEventWriter, WriteBack.GraphOutlookEventWriter>();
        services.AddSingleton<WriteBack.OwnEventRecognizer>();
        services.AddSingleton<PersonCalendarSync>();
        services.AddSingleton<CalendarWorkRunner>();
        services.AddTransient<SubscriptionJobs>();
        services.AddOptions<GroupMembershipOptions>().BindConfiguration(GroupMembershipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IGroupReader, GraphGroupReader>();
        services.AddSingleton<Presence.IStatusMessageClient, Presence.GraphStatusMessageClient>();
        services.AddSingleton<GroupMembershipPublisher>();
        services.AddTransient<GroupMembershipJob>();

        // The host's storage is registered before this, so its migrator has run when the loader reads.
        services.AddHostedService<GroupMembershipLoader>();
        services.AddHostedService<CalendarSyncStartup>();
        return builder;
    }

    /// <summary>Uses <c>Graph:BaseUrl</c> when set; otherwise the host points <see cref="GraphEndpoint"/> at its stand-in.</summary>
    public static bool UsesConfiguredGraph(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{GraphOptions.SectionName}:{nameof(GraphOptions.BaseUrl)}"]);

    public static WebApplication MapGraphNotifications(this WebApplication app)
    {
        GraphWebhookEndpoints.MapGraphNotifications(app);
        return app;
    }
}
