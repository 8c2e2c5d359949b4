using NodaTime;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>Reads a person's calendar from Graph.</summary>
public interface ICalendarReader
{
    /// <summary>The whole window (a fresh delta round): every event in it.</summary>
    Task<CalendarRead> ReadWindowAsync(string personId, Interval window, CancellationToken cancellationToken);

    /// <summary>
    /// The whole window for many people at once, for the first sync of everyone: Graph's $batch with up to 20
    /// requests each, throttled requests retried after their Retry-After. People whose read failed are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, CalendarRead>> ReadWindowsAsync(IReadOnlyList<string> personIds, Interval window, CancellationToken cancellationToken);

    /// <summary>What changed since <paramref name="deltaLink"/>; throws <see cref="DeltaExpiredException"/> when Graph forgot it.</summary>
    Task<CalendarRead> ReadChangesAsync(string personId, string deltaLink, CancellationToken cancellationToken);
}
