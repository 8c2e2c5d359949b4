using Microsoft.Extensions.Options;
using PresenceBot.Health;
using PresenceBot.Publishing.TeamsStatus;
using PresenceBot.Publishing.Webhooks;
using PresenceBot.Publishing.WriteBack;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing;

internal static class PublishSetup
{
    /// <summary>Every destination's kind of queued work is this prefix and the destination's name.</summary>
    public const string KindPrefix = "publish:";

    /// <summary>
    /// A destination's kind of queued work: sixteen people at a time (a delivery waits on the receiver or Graph, not on
    /// the cores; one person is one delivery at a time anyway, so Graph's four per mailbox holds), retried 10 s doubling
    /// to 10 min, for a day (a receiver down over a night still gets everything) before the delivery becomes a dead letter.
    /// </summary>
    public static WorkKind KindFor(string destination) => new(KindPrefix + destination)
    {
        Concurrency = 16,
        FirstRetryDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromMinutes(10),
        MaxAttempts = 10_000,
        MaxAge = TimeSpan.FromHours(25),
    };

    /// <summary>
    /// Publishing: each configured destination gets its own queued work per person, asked for in every change's own
    /// transaction and at the moments a status changes by itself. Needs the work queue and the referral store.
    /// </summary>
    public static IHostApplicationBuilder AddPublishing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PublishOptions>().BindConfiguration(PublishOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PublishOptions>, PublishOptionsValidator>();
        services.AddSingleton<PublishDeliveries>();
        services.AddSingleton<PublishMetrics>();
        services.AddOutlookWriteBack();
        services.AddHttpClient(WebhookPublisher.HttpClientName, client => client.Timeout = WebhookPublisher.Timeout);
        services.AddSingleton(sp => new Publishers(Build(sp)));
        services.AddSingleton(sp => new PublishFanOut(sp.GetRequiredService<Publishers>, sp.GetRequiredService<IOrganisationSource>()));
        services.AddSingleton<Outbox.IReferralChangeWork>(sp => sp.GetRequiredService<PublishFanOut>());
        services.AddSingleton<IWorkHandler>(sp => sp.GetRequiredService<PublishFanOut>());

        // One queue handler per destination. How many there are is known from the configuration now; the options
        // validator checks the same list at start. Outlook write-back is always there: the organisation file (which may
        // change while running) says whom it covers.
        var configured = builder.Configuration.GetSection(PublishOptions.SectionName).Get<PublishOptions>() ?? new PublishOptions();
        var count = configured.Webhooks.Count + (configured.TeamsStatusMessage ? 1 : 0) + 1;
        for (var i = 0; i < count; i++)
        {
            var index = i;
            services.AddSingleton<IWorkHandler>(sp => new PublishWork(
                sp.GetRequiredService<Publishers>().All[index],
                sp.GetRequiredService<IOrganisationSource>(),
                sp.GetRequiredService<ReferralService>(),
                sp.GetRequiredService<PublishFanOut>()));
        }

        services.AddHealthChecks().AddCheck<PublishingHealthCheck>("publishing", tags: [HealthSetup.ReadyTag]);
        return builder;
    }

    private static List<IPublisher> Build(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PublishOptions>>().Value;
        var publishers = new List<IPublisher>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            publishers.Add(new WebhookPublisher(
                PublishOptionsValidator.WebhookNameOf(options, i),
                options.Webhooks[i],
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetRequiredService<PublishDeliveries>(),
                services.GetRequiredService<PublishMetrics>(),
                services.GetRequiredService<IOrganisationSource>(),
                services.GetRequiredService<TimeProvider>()));
        }

        if (options.TeamsStatusMessage)
        {
            publishers.Add(ActivatorUtilities.CreateInstance<TeamsStatusPublisher>(services));
        }

        publishers.Add(ActivatorUtilities.CreateInstance<OutlookWriteBackPublisher>(services));

        return publishers;
    }
}
