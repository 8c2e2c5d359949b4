using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Proactive;

/// <summary>Proactive messages to one person's 1:1 chat with the bot (reminders, alerts).</summary>
public interface ITeamsNotifier
{
    Task<TeamsDelivery> SendAsync(string personId, BotMessage message, CancellationToken cancellationToken);
}
