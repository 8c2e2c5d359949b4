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

    [LoggerMessage(1005, LogLevel.Information, "Organisation loaded from {Path}: {People} people in {Units} units.")]
    public static partial void OrganisationLoaded(ILogger logger, string path, int people, int units);

    [LoggerMessage(1007, LogLevel.Warning, "Graph:BaseUrl is not set: using the built-in Microsoft Graph stand-in at {BaseUrl} (dev API {DevUrl}).")]
    public static partial void GraphStandInStarted(ILogger logger, string baseUrl, string devUrl);

    [LoggerMessage(1008, LogLevel.Error, "The changed organisation file was not taken into use; the previous one stays in force. {Problems}")]
    public static partial void OrganisationReloadRejected(ILogger logger, string problems);

    [LoggerMessage(1009, LogLevel.Warning, "Switchboard:WebhookSecret is not set: POST /api/switchboard/voicemail refuses every call.")]
    public static partial void VoicemailWebhookClosed(ILogger logger);

    [LoggerMessage(1012, LogLevel.Warning, "People's own couplings could not be read again; those in force stay until the next try.")]
    public static partial void CouplingOverridesNotRefreshed(ILogger logger, Exception exception);

    [LoggerMessage(1010, LogLevel.Warning, "A voicemail webhook call was refused: {Problem}.")]
    public static partial void VoicemailWebhookRefused(ILogger logger, string problem);

    [LoggerMessage(1090, LogLevel.Information, "Nightly job {JobId} has run for the night of {Night} already.")]
    public static partial void NightlyAlreadyDone(ILogger logger, string jobId, string night);

    [LoggerMessage(1091, LogLevel.Information, "Nightly job {JobId} missed while no instance ran: caught up at start.")]
    public static partial void NightlyCaughtUp(ILogger logger, string jobId);

    [LoggerMessage(1092, LogLevel.Warning, "Nightly job {JobId} failed to catch up at start; the next start or night runs it.")]
    public static partial void NightlyCatchUpFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(1011, LogLevel.Warning, "Port {DefaultPort} of the built-in Graph stand-in is in use (a second instance or another program): it took port {Port} instead. Use that port in the README's examples, or free {DefaultPort}.")]
    public static partial void GraphStandInDefaultPortBusy(ILogger logger, int defaultPort, int port);
}
