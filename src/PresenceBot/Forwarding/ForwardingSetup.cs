using PresenceBot.Referrals.Service;

namespace PresenceBot.Forwarding;

internal static class ForwardingSetup
{
    /// <summary>Forwarding's Teams notices and the change handler that tells both when the colleague becomes unreachable.</summary>
    public static IHostApplicationBuilder AddForwarding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ForwardingNotices>();
        builder.Services.AddSingleton<IReferralChangeHandler, ForwardingConflictHandler>();
        return builder;
    }
}
