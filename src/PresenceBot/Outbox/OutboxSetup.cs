using PresenceBot.WorkQueue;

namespace PresenceBot.Outbox;

internal static class OutboxSetup
{
    /// <summary>Committed referral changes reach their handlers through the work queue (<see cref="ReferralChangeDelivery"/>).</summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IWorkHandler, ReferralChangeDelivery>();
        return builder;
    }
}
