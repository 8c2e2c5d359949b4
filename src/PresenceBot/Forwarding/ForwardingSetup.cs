using PresenceBot.Referrals.Service;
using PresenceBot.WorkQueue;

namespace PresenceBot.Forwarding;

internal static class ForwardingSetup
{
    /// <summary>
    /// Forwarding's Teams notices, the change handler that tells both when the colleague becomes unreachable, and the
    /// queued work that sends a notice when it is due. Needs the work queue and the outbox.
    /// </summary>
    public static IHostApplicationBuilder AddForwarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ForwardingNotices>();
        builder.Services.AddSingleton<IReferralChangeHandler, ForwardingConflictHandler>();
        builder.Services.AddSingleton<IWorkHandler, ForwardingNoticeWork>();
        return builder;
    }
}
