using PresenceBot.Bot;
using PresenceBot.TeamsChannel.Proactive;

namespace PresenceBot.Reminders;

/// <summary>Teams did not take the message (the app is not installed, or the person is gone): the claim must be given back.</summary>
public sealed class ReminderDeliveryException(TeamsDelivery delivery)
    : Exception($"The reminder was not delivered: {delivery}.")
{
    public TeamsDelivery Delivery { get; } = delivery;
}
