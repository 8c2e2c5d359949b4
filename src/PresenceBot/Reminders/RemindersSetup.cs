using PresenceBot.Bot;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Reminders;

internal static class RemindersSetup
{
    /// <summary>
    /// The reminder thresholds (validated at start), the Teams sender, the voicemail card buttons, the minute jobs and
    /// the change handler that evaluates coverage at once. The ledger and the once-only log are registered with storage.
    /// </summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IReminderSender, TeamsReminderSender>();
        services.AddSingleton<ReminderMetrics>();
        services.AddSingleton<ReminderDelivery>();
        services.AddSingleton<CoverageRound>();
        services.AddSingleton<IReferralChangeHandler, CoverageChangeHandler>();
        services.AddSingleton<ICardVerbHandler, VoicemailCardVerbHandler>();
        services.AddTransient<VoicemailReminderJob>();
        services.AddTransient<CoverageAlertJob>();
        services.AddHostedService<ReminderJobsRegistrar>();
        return builder;
    }
}
