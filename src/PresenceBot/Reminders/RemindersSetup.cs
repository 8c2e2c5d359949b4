namespace PresenceBot.Reminders;

internal static class RemindersSetup
{
    /// <summary>
    /// The reminder thresholds, validated at start. The ledger and the once-only log are registered with storage;
    /// the jobs that send and an <see cref="IReminderSender"/> come with the Teams channel.
    /// </summary>
    public static IHostApplicationBuilder AddReminders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
