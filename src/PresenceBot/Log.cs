namespace PresenceBot;

/// <summary>The host's log messages (event ids 1000–1099). Never log subjects, bodies or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Database ready ({Provider}).")]
    public static partial void DatabaseMigrated(ILogger logger, string provider);

    [LoggerMessage(1001, LogLevel.Warning, "Switchboard:ApiKeys is empty: the switchboard API is open to anyone who can reach it.")]
    public static partial void SwitchboardApiOpen(ILogger logger);

    [LoggerMessage(1003, LogLevel.Information, "Retention removed {Referrals} referrals, {Audit} audit entries and {DeadLetters} dead letters older than {Days} days.")]
    public static partial void RetentionDone(ILogger logger, int referrals, int audit, int deadLetters, int days);

    [LoggerMessage(1004, LogLevel.Warning, "Jobs:DashboardAllowRemote is true: the Hangfire dashboard answers requests from any address.")]
    public static partial void DashboardOpen(ILogger logger);

    [LoggerMessage(1005, LogLevel.Information, "Organisation loaded from {Path}: {People} people in {Units} units.")]
    public static partial void OrganisationLoaded(ILogger logger, string path, int people, int units);

    [LoggerMessage(1007, LogLevel.Warning, "Graph:BaseUrl is not set: using the built-in Microsoft Graph stand-in at {BaseUrl} (dev API {DevUrl}).")]
    public static partial void GraphStandInStarted(ILogger logger, string baseUrl, string devUrl);

    [LoggerMessage(1008, LogLevel.Error, "The changed organisation file was not taken into use; the previous one stays in force. {Problems}")]
    public static partial void OrganisationReloadRejected(ILogger logger, string problems);

    [LoggerMessage(1009, LogLevel.Warning, "Switchboard:WebhookSecret is not set: POST /api/switchboard/voicemail refuses every call.")]
    public static partial void VoicemailWebhookClosed(ILogger logger);

    [LoggerMessage(1010, LogLevel.Warning, "A voicemail webhook call was refused: {Problem}.")]
    public static partial void VoicemailWebhookRefused(ILogger logger, string problem);
}
