using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Authentication;
using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Connector;
using PresenceBot.TeamsChannel.Proactive;

namespace PresenceBot.TeamsChannel.Turns;

/// <summary>
/// Runs one accepted activity: remembers how to reach the person, hands messages and card actions to the
/// conversation, and is the bot's one turn-error handler. Returns the invoke response when the activity is an invoke.
/// A service URL is learned only when the token vouched for it; an activity whose service URL is not trusted is not
/// answered through the connector and never replaces a person's conversation reference.
/// </summary>
internal sealed class ActivityProcessor(
    IBotConversation conversation,
    IConversationReferenceStore references,
    ServiceUrlTrust trust,
    ConnectorClient connector,
    IBotPersonDirectory people,
    IOptions<MicrosoftAppOptions> app,
    TurnMetrics metrics,
    TimeProvider time,
    ILogger<ActivityProcessor> logger)
{
    private const string TurnFailedText = "Något gick fel hos PresenceBot. Försök igen om en stund.";

    /// <summary>Set by the turn-error handler: the turn was answered, but with an apology.</summary>
    private bool _turnFailed;

    public async Task<AdaptiveCardInvokeResponse?> ProcessAsync(Activity activity, bool serviceUrlVouched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var started = time.GetTimestamp();
        var failed = true;
        try
        {
            var response = await TurnAsync(activity, serviceUrlVouched, cancellationToken).ConfigureAwait(false);
            failed = _turnFailed;
            return response;
        }
        finally
        {
            metrics.Turn(activity.Type, failed, time.GetElapsedTime(started));
        }
    }

    private async Task<AdaptiveCardInvokeResponse?> TurnAsync(Activity activity, bool serviceUrlVouched, CancellationToken cancellationToken)
    {
        if (serviceUrlVouched)
        {
            await trust.TrustAsync(activity.ServiceUrl!, cancellationToken).ConfigureAwait(false);
        }

        if (!await IsReachableAsync(activity, cancellationToken).ConfigureAwait(false))
        {
            // Authenticated, but nothing vouches for where to answer: card actions still get their invoke response
            // (it goes back on this request), everything else is dropped, and no reference is stored from it.
            ChannelLog.ServiceUrlNotVouched(logger, activity.Type!);
            return activity is { Type: ActivityTypes.Invoke, Name: ActivityTypes.AdaptiveCardAction }
                ? await HandleCardActionAsync(activity, new ConnectorTurn(activity, FindPersonId(activity), connector), cancellationToken).ConfigureAwait(false)
                : null;
        }

        var personId = FindPersonId(activity);
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await RememberAsync(activity, personId, cancellationToken).ConfigureAwait(false);
                await HandleMessageAsync(new ConnectorTurn(activity, personId, connector), cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction:
                await RememberAsync(activity, personId, cancellationToken).ConfigureAwait(false);
                return await HandleCardActionAsync(activity, new ConnectorTurn(activity, personId, connector), cancellationToken).ConfigureAwait(false);
            case ActivityTypes.InstallationUpdate:
                await InstallationChangedAsync(activity, personId, installed: activity.Action?.StartsWith("add", StringComparison.Ordinal) == true, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.ConversationUpdate when activity.IncludesBot(activity.MembersAdded):
                await InstallationChangedAsync(activity, personId, installed: true, cancellationToken).ConfigureAwait(false);
                return null;
            case ActivityTypes.ConversationUpdate when activity.IncludesBot(activity.MembersRemoved):
                await InstallationChangedAsync(activity, personId, installed: false, cancellationToken).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    /// <summary>Anonymous (Emulator) bots answer anywhere but never send a token; authenticated ones only on trusted service URLs.</summary>
    private async Task<bool> IsReachableAsync(Activity activity, CancellationToken cancellationToken) =>
        app.Value.IsAnonymous || string.IsNullOrEmpty(activity.ServiceUrl) || await trust.IsTrustedAsync(activity.ServiceUrl, cancellationToken).ConfigureAwait(false);

    private async Task HandleMessageAsync(ConnectorTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await conversation.HandleMessageAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn-error handler: the person hears something went wrong instead of silence; the channel gets 200
            // (an error status would only make it resend the same message).
            _turnFailed = true;
            ChannelLog.TurnFailed(logger, ActivityTypes.Message, ex);
            await TryApologiseAsync(turn, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdaptiveCardInvokeResponse> HandleCardActionAsync(Activity activity, ConnectorTurn turn, CancellationToken cancellationToken)
    {
        var action = Deserialize<AdaptiveCardInvokeValue>(activity.Value)?.Action;
        try
        {
            var answer = await conversation.HandleCardActionAsync(turn, new CardSubmission(action?.Verb, action?.Data), cancellationToken).ConfigureAwait(false);
            return answer.Card is { } card
                ? new AdaptiveCardInvokeResponse(200, AdaptiveCard.ContentType, AdaptiveCardJson.ToElement(card))
                : new AdaptiveCardInvokeResponse(200, AdaptiveCardInvokeResponse.MessageType, JsonSerializer.SerializeToElement(answer.Text ?? string.Empty));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Same handler for card actions: Teams shows the error's message on the card.
            _turnFailed = true;
            ChannelLog.TurnFailed(logger, ActivityTypes.Invoke, ex);
            return new AdaptiveCardInvokeResponse(500, AdaptiveCardInvokeResponse.ErrorType,
                JsonSerializer.SerializeToElement(new { code = "InternalError", message = TurnFailedText }));
        }
    }

    private async Task InstallationChangedAsync(Activity activity, string? personId, bool installed, CancellationToken cancellationToken)
    {
        if (personId is null)
        {
            return;
        }

        if (installed)
        {
            await RememberAsync(activity, personId, cancellationToken).ConfigureAwait(false);
        }
        else if (activity.IsPersonal())
        {
            // Removed from a team or group chat the person may still have the app personally; only a personal removal cuts them off.
            await references.ForgetAsync(personId, cancellationToken).ConfigureAwait(false);
            ChannelLog.ReferenceForgotten(logger, personId);
        }
    }

    private async Task RememberAsync(Activity activity, string? personId, CancellationToken cancellationToken)
    {
        if (personId is null || activity.From?.Id is not { } userId || activity.Recipient?.Id is not { } botId)
        {
            return;
        }

        await references.RememberAsync(new ConversationReference
        {
            PersonId = personId,
            UserId = userId,
            BotId = botId,
            ServiceUrl = activity.ServiceUrl!,
            ConversationId = activity.IsPersonal() ? activity.Conversation!.Id : null,
            TenantId = activity.TenantId(),
            UpdatedAt = Instant.FromDateTimeOffset(time.GetUtcNow()),
        }, cancellationToken).ConfigureAwait(false);
        ChannelLog.ReferenceStored(logger, personId);
    }

    private string? FindPersonId(Activity activity)
    {
        if (activity.From?.AadObjectId is not { Length: > 0 } aadObjectId)
        {
            return null;
        }

        var personId = people.FindPersonId(aadObjectId);
        if (personId is null)
        {
            ChannelLog.UnknownPerson(logger, aadObjectId);
        }

        return personId;
    }

    private async Task TryApologiseAsync(ConnectorTurn turn, CancellationToken cancellationToken)
    {
        try
        {
            await turn.ReplyAsync(BotMessage.FromText(TurnFailedText), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectorException or TaskCanceledException)
        {
            // The connector itself is what failed; the error is already logged.
        }
    }

    private static T? Deserialize<T>(JsonElement? element)
        where T : class
    {
        try
        {
            return element is { ValueKind: JsonValueKind.Object } value ? value.Deserialize<T>(ChannelJson.Options) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
