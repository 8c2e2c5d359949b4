using NodaTime;
using NodaTime.TimeZones;

namespace PresenceBot.Jobs.Nightly;

/// <summary>
/// Work done once a night at a local time of the organisation (the full calendar re-read, retention). A night is
/// the local date it belongs to: the claim for it makes the work run at most once per night, whether Hangfire fires
/// it, a start catches it up, or two instances try at once.
/// </summary>
internal sealed record NightlyJob(string Id, LocalTime At, Func<IServiceProvider, CancellationToken, Task> RunAsync)
{
    /// <summary>A time skipped by a clock change runs at the change (as Hangfire fires it); a repeated time the first time.</summary>
    private static readonly ZoneLocalMappingResolver FirstPossible =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>The Hangfire cron expression, in the organisation's zone.</summary>
    public string Cron => $"{At.Minute} {At.Hour} * * *";

    /// <summary>The last night whose time has come by <paramref name="now"/>.</summary>
    public LocalDate LatestDueNight(Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var today = now.InZone(zone).Date;
        return now >= DueAt(today, zone) ? today : today.PlusDays(-1);
    }

    private Instant DueAt(LocalDate night, DateTimeZone zone) => zone.ResolveLocal(night + At, FirstPossible).ToInstant();
}
