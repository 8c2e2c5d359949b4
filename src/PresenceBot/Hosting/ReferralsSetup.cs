using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Hosting;

internal static class ReferralsSetup
{
    /// <summary>The referral service (the one write path), forwarding over it, and the clock everything reads time from.</summary>
    public static IHostApplicationBuilder AddReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReferralService>();
        builder.Services.AddSingleton<ForwardingService>();
        return builder;
    }
}
