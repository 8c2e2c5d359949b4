using PresenceBot.Referrals.Service;

namespace PresenceBot.Hosting;

internal static class ReferralsSetup
{
    /// <summary>The referral service (the one write path) and the clock everything reads time from.</summary>
    public static IHostApplicationBuilder AddReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReferralService>();
        return builder;
    }
}
