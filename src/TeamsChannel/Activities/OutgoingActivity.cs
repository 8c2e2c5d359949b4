using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Turns;


namespace PresenceBot.TeamsChannel.Activities;

/// <summary>Turns a <see cref="BotMessage"/> into the message activity the connector expects.</summary>
internal static class OutgoingActivity
{
    public static Activity From(BotMessage message, ConversationAccount conversation, ChannelAccount? bot = null, ChannelAccount? user = null, string? replyToId = null) => new()
    {
        Type = ActivityTypes.Message,
        // A card carries the whole answer; its text is only the preview a notification shows (the activity's summary).
        Text = message.Card is null ? message.Text : null,
        Summary = message.Card is null ? null : message.Text,
        Attachments = message.Card is { } card
            ? [new Attachment { ContentType = AdaptiveCard.ContentType, Content = AdaptiveCardJson.ToElement(card) }]
            : null,
        From = bot,
        Recipient = user,
        Conversation = conversation,
        ReplyToId = replyToId,
    };
}
