using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly.Timeout;
using PresenceBot.TeamsChannel.Authentication;
using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Proactive;

/// <summary>
/// Proactive messages through a stored conversation reference: opens the 1:1 chat first when only a team or
/// group chat is known, and marks the reference stale when Teams says the person is gone (403/404). At most
/// <c>Bot:MaxConcurrentSends</c> are in flight at once, and a chat that keeps failing is paused (<see cref="ConversationBreaker"/>).
/// </summary>
internal sealed class TeamsNotifier(
    IConversationReferenceStore references,
    ConnectorClient connector,
    ConversationBreaker breaker,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<TeamsNotifier> logger) : ITeamsNotifier, IDisposable
{
    private readonly SemaphoreSlim _inFlight = new(options.Value.MaxConcurrentSends, options.Value.MaxConcurrentSends);

    public async Task<TeamsDelivery> SendAsync(string personId, BotMessage message, CancellationToken cancellationToken)
    {
        if (breaker.IsPaused(personId))
        {
            return TeamsDelivery.Paused;
        }

        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var delivery = await SendNowAsync(personId, message, cancellationToken).ConfigureAwait(false);
            breaker.Succeeded(personId);
            return delivery;
        }
        catch (Exception ex) when (IsTransient(ex, cancellationToken))
        {
            if (breaker.Failed(personId))
            {
                ChannelLog.ConversationPaused(logger, personId, options.Value.PauseAfterFailures);
            }

            throw;
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public void Dispose() => _inFlight.Dispose();

    /// <summary>Teams throttling or failing (after the connector's own retries), or not answering in time.</summary>
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        ConnectorException connectorError => !connectorError.IsGone && !connectorError.IsUntrusted,
        HttpRequestException or TimeoutRejectedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private async Task<TeamsDelivery> SendNowAsync(string personId, BotMessage message, CancellationToken cancellationToken)
    {
        var reference = await references.FindAsync(personId, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            return TeamsDelivery.NotInstalled;
        }

        if (reference.IsStale)
        {
            return TeamsDelivery.Unreachable;
        }

        try
        {
            var conversationId = reference.ConversationId ?? await CreatePersonalConversationAsync(reference, cancellationToken).ConfigureAwait(false);
            var conversation = new ConversationAccount { Id = conversationId, TenantId = reference.TenantId };
            var activity = OutgoingActivity.From(message, conversation, new ChannelAccount { Id = reference.BotId }, new ChannelAccount { Id = reference.UserId });
            await connector.SendAsync(reference.ServiceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false);
            return TeamsDelivery.Sent;
        }
        catch (ConnectorException ex) when (ex.IsUntrusted)
        {
            // The stored reference points where nothing vouched for (stored data alone is no reason to send there).
            // Nothing was sent; the person is reachable again once they write from a vouched service URL.
            return TeamsDelivery.Unreachable;
        }
        catch (ConnectorException ex) when (ex.IsGone)
        {
            await references.MarkStaleAsync(personId, Now(), cancellationToken).ConfigureAwait(false);
            ChannelLog.ReferenceStale(logger, personId, (int)ex.Status);
            return TeamsDelivery.Unreachable;
        }
    }

    private async Task<string> CreatePersonalConversationAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var created = await connector.CreateConversationAsync(reference.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = reference.BotId },
            Members = [new ChannelAccount { Id = reference.UserId }],
            TenantId = reference.TenantId,
            // Teams reads the tenant from channelData; without it the create fails in multi-tenant setups.
            ChannelData = reference.TenantId is null ? null : JsonSerializer.SerializeToElement(new { tenant = new { id = reference.TenantId } }),
        }, cancellationToken).ConfigureAwait(false);
        var conversationId = created.Id ?? throw new ConnectorException(System.Net.HttpStatusCode.BadGateway, "create conversation (no id)");
        await references.SetConversationAsync(reference.PersonId, conversationId, Now(), cancellationToken).ConfigureAwait(false);
        return conversationId;
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
