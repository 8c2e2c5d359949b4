using NodaTime;
using NodaTime.Text;
using PresenceBot.Bot;
using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Referrals.Reminders;
using PresenceBot.TeamsChannel.Cards;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Reminders;

/// <summary>Turns a <see cref="ReminderMessage"/> into the Teams card: title, text, facts and its buttons.</summary>
internal static class ReminderCards
{
    public static BotMessage ToBotMessage(ReminderMessage message, Instant sentAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new List<CardElement>
        {
            new TextBlock(message.Title) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
            new TextBlock(message.Text),
        };
        if (message.Facts.Count > 0)
        {
            body.Add(new FactSet(message.Facts.Select(f => new Fact(f.Label, f.Value)).ToList()));
        }

        var actions = message.Actions.Select(a => Action(a, sentAt)).ToList();
        var card = new AdaptiveCard { Body = body, Actions = actions.Count == 0 ? null : actions };

        // The text is what a notification or chat preview shows.
        return BotMessage.FromCard(card, message.Title);
    }

    private static CardAction Action(ReminderAction action, Instant sentAt)
    {
        // "Heard" means what the card told about, not a message that arrived after it: the handler marks up to here.
        // The verb goes in the data too, so the button also works where Teams sends it as Action.Submit.
        var upTo = (VoicemailVerbs.UpToKey, InstantPattern.ExtendedIso.Format(sentAt));
        return action switch
        {
            ReminderAction.MarkVoicemailHeard =>
                new ExecuteAction("Markera som avlyssnad", VoicemailVerbs.Heard) { Data = CardActions.Data(VoicemailVerbs.Heard, upTo), Style = CardActionStyle.Positive },
            ReminderAction.SnoozeVoicemail => new ExecuteAction("Påminn om en timme", VoicemailVerbs.Snooze) { Data = CardActions.Data(VoicemailVerbs.Snooze, upTo) },
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ToString(), "No button for this action."),
        };
    }
}
