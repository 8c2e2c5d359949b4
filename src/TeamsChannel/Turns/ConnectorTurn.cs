using System.Text.Json;
using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Turns;

/// <summary>An <see cref="IBotTurn"/> over one incoming activity; answers go back through the connector of its service URL.</summary>
internal sealed class ConnectorTurn(Activity activity, string? personId, ConnectorClient connector) : IBotTurn
{
    private readonly string _serviceUrl = activity.ServiceUrl!;
    private readonly ConversationAccount _conversation = new() { Id = activity.Conversation!.Id, TenantId = activity.TenantId() };

    public string? PersonId => personId;

    public string? AadObjectId => activity.From?.AadObjectId;

    public string? UserName => activity.From?.Name;

    public string? Text => activity.TextWithoutMention();

    public JsonElement? Value => activity.Value is { ValueKind: not (JsonValueKind.Undefined or JsonValueKind.Null) } value ? value : null;

    public bool IsPersonal => activity.IsPersonal();

    public string? TimeZone => activity.ClientTimeZone();

    public string? TenantId => activity.TenantId();

    public async Task<string?> ReplyAsync(BotMessage message, CancellationToken cancellationToken)
    {
        var reply = OutgoingActivity.From(message, _conversation, activity.Recipient, activity.From, activity.Id);
        var sent = activity.Id is { } replyTo
            ? await connector.ReplyAsync(_serviceUrl, _conversation.Id!, replyTo, reply, cancellationToken).ConfigureAwait(false)
            : await connector.SendAsync(_serviceUrl, _conversation.Id!, reply, cancellationToken).ConfigureAwait(false);
        return sent.Id;
    }

    public async Task UpdateAsync(string messageId, BotMessage message, CancellationToken cancellationToken)
    {
        var update = OutgoingActivity.From(message, _conversation, activity.Recipient, activity.From) with { Id = messageId };
        await connector.UpdateAsync(_serviceUrl, _conversation.Id!, messageId, update, cancellationToken).ConfigureAwait(false);
    }
}
