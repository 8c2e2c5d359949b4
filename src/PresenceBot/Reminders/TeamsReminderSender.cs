using NodaTime;
using PresenceBot.Bot;
using PresenceBot.Referrals.Reminders;
using PresenceBot.TeamsChannel.Proactive;

namespace PresenceBot.Reminders;

/// <summary>Sends reminders as proactive Teams cards. Anything but <see cref="TeamsDelivery.Sent"/> throws, so the claim is given back.</summary>
internal sealed class TeamsReminderSender(ITeamsNotifier notifier, TimeProvider time) : IReminderSender
{
    public async Task SendAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var card = ReminderCards.ToBotMessage(message, Instant.FromDateTimeOffset(time.GetUtcNow()));
        var delivery = await notifier.SendAsync(message.RecipientId, card, cancellationToken).ConfigureAwait(false);
        if (delivery != TeamsDelivery.Sent)
        {
            throw new ReminderDeliveryException(delivery);
        }
    }
}
