using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using PresenceBot.Bot.Conversation;
using PresenceBot.Storage;

namespace PresenceBot.Bot.Channel;

/// <summary>Registers the Teams channel: inbound authentication, the connector client, proactive messages and the conversation (the commands).</summary>
internal static class TeamsBotSetup
{
    /// <summary>
    /// Replies are sent while Teams waits for the turn (it gives up after 15 s and resends), so one call,
    /// retries included, gets 12 s at most; a throttled connector is waited for at most 3 s per retry.
    /// </summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TotalBudget = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddTeamsBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MicrosoftAppOptions>().Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        BotAuthentication.Add(services);
        services.AddKeyedSingleton(ConnectorTokenProvider.CredentialKey, (provider, _) => CreateCredential(provider.GetRequiredService<IOptions<MicrosoftAppOptions>>().Value));
        services.AddSingleton<ConnectorTokenProvider>();
        services.AddSingleton<ServiceUrlTrust>();
        services.AddTransient<ConnectorAuthenticationHandler>();
        services.AddHttpClient<ConnectorClient>()
            .AddHttpMessageHandler<ConnectorAuthenticationHandler>()
            .AddResilienceHandler("bot-connector", (pipeline, context) =>
            {
                // Polly waits on the same clock as the rest of the app, so tests drive retries with a fake clock.
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                pipeline.TimeProvider = time;
                pipeline.AddTimeout(TotalBudget);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMilliseconds(500),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    MaxDelay = MaxRetryDelay,
                    ShouldRetryAfterHeader = false,
                    DelayGenerator = RetryAfterDelay.Bounded(MaxRetryDelay, time),
                });
                pipeline.AddTimeout(AttemptTimeout);
            });

        services.AddSingleton<IConversationReferenceStore, EfConversationReferenceStore>();
        services.AddSingleton<ITrustedServiceUrlStore, EfTrustedServiceUrlStore>();
        services.AddSingleton<InboundGuard>();
        services.AddScoped<ActivityProcessor>();
        services.AddSingleton<ITeamsNotifier, TeamsNotifier>();
        services.AddTeamsConversation();
        return builder;
    }

    /// <summary>The bot's Entra identity per <c>MicrosoftAppType</c>; multi-tenant bots get their token from the botframework.com tenant.</summary>
    private static TokenCredential CreateCredential(MicrosoftAppOptions app) => app.MicrosoftAppType switch
    {
        MicrosoftAppType.UserAssignedMSI => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(app.MicrosoftAppId!)),
        MicrosoftAppType.MultiTenant => new ClientSecretCredential("botframework.com", app.MicrosoftAppId, app.MicrosoftAppPassword),
        _ => new ClientSecretCredential(app.MicrosoftAppTenantId, app.MicrosoftAppId, app.MicrosoftAppPassword),
    };
}
