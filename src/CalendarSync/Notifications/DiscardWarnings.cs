using Microsoft.Extensions.Logging;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>
/// The webhook's "discarded" warning, at most once per <see cref="Every"/> for each reason: whoever posts junk decides
/// how much of it there is, and must not decide how much we log. Each warning says how many like it were held back
/// since the last one; the counter on meter <c>PresenceBot.CalendarSync</c> still counts every item.
/// </summary>
internal sealed class DiscardWarnings(TimeProvider time, ILogger<DiscardWarnings> logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset Next, long HeldBack)> _reasons = new(StringComparer.Ordinal);

    public void Warn(string why, string? subscriptionId)
    {
        long heldBack;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_reasons.TryGetValue(why, out var last) && now < last.Next)
            {
                _reasons[why] = (last.Next, last.HeldBack + 1);
                return;
            }

            heldBack = last.HeldBack;
            _reasons[why] = (now + Every, 0);
        }

        CalendarSyncLog.NotificationDiscarded(logger, why, subscriptionId is { Length: <= 128 } ? subscriptionId : null, heldBack);
    }
}
