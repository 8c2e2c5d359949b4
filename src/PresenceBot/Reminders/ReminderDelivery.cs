using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Reminders;

/// <summary>
/// Claim, send, give back on failure: the one path every reminder and alert takes, so each goes out at most once across
/// runs, restarts and instances, and a failed send is tried again by the next run (the claim no longer blocks it).
/// </summary>
internal sealed class ReminderDelivery(IReminderLog log, IReminderSender sender, ReminderMetrics metrics, ILogger<ReminderDelivery> logger)
{
    public async Task<ReminderOutcome> DeliverAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!await log.TryClaimAsync(message, cancellationToken).ConfigureAwait(false))
        {
            return ReminderOutcome.AlreadyClaimed;
        }

        try
        {
            await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the channel's failure, the message was not delivered: give the claim back (not cancellable, or
            // the message would be lost for good) and let the next run try again. One failure must not stop the others.
            await log.ReleaseAsync(message, CancellationToken.None).ConfigureAwait(false);
            metrics.Failed(message.Kind);
            if (ex is ReminderDeliveryException notDelivered)
            {
                RemindersLog.NotReachable(logger, message.Kind, message.RecipientId, notDelivered.Delivery.ToString());
            }
            else
            {
                RemindersLog.SendFailed(logger, message.Kind, message.RecipientId, ex);
            }

            return ReminderOutcome.Failed;
        }
        catch (OperationCanceledException)
        {
            // Shutting down mid-send: give the claim back so the next instance or start sends it.
            await log.ReleaseAsync(message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        metrics.Sent(message.Kind);
        RemindersLog.Sent(logger, message.Kind, message.RecipientId, message.Slot);
        return ReminderOutcome.Sent;
    }
}
