using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using PresenceBot.TeamsChannel.Authentication;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Proactive;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel;

/// <summary>
/// Registers the Teams channel: inbound authentication, the connector client and proactive messages. The host adds
/// what only it knows: the <see cref="IBotConversation"/>, the <see cref="IBotPersonDirectory"/> and the stores
/// (<see cref="IConversationReferenceStore"/>, <see cref="ITrustedServiceUrlStore"/>); then maps <c>MapBotEndpoint</c>.
/// </summary>
public static class TeamsChannelSetup
{
    /// <summary>
    /// Replies are sent while Teams waits for the turn (it gives up after 15 s and resends), so one call,
    /// retries included, gets 12 s at most; a throttled connector is waited for at most 3 s per retry.
    /// </summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TotalBudget = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The key of the bot's Entra <see cref="TokenCredential"/>; register another under it to replace it (tests).</summary>
    public const string CredentialKey = "PresenceBot.TeamsChannel";

    public static IHostApplicationBuilder AddTeamsChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MicrosoftAppOptions>().Configure<IConfiguration>((options, configuration) => configuration.Bind(options))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        BotAuthentication.Add(services);
        services.AddKeyedSingleton(CredentialKey, (provider, _) => CreateCredential(provider.GetRequiredService<IOptions<MicrosoftAppOptions>>().Value));
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

        services.AddSingleton<InboundGuard>();
        services.AddSingleton<TurnMetrics>();
        services.AddScoped<ActivityProcessor>();
        services.AddSingleton<ConversationBreaker>();
        services.AddSingleton<ITeamsNotifier, TeamsNotifier>();
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
