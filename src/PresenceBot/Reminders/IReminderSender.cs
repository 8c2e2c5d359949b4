using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Reminders;

/// <summary>
/// The seam to the Teams channel: delivers one reminder or alert to its recipient (a proactive message with a card
/// built from the message's title, text, facts and actions). The jobs claim a message in <see cref="IReminderLog"/>
/// before calling this and release the claim if it throws, so an implementation must throw when delivery failed.
/// </summary>
public interface IReminderSender
{
    Task SendAsync(ReminderMessage message, CancellationToken cancellationToken);
}
