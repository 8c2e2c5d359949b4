using NodaTime;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>Reads a person's calendar from Graph.</summary>
public interface ICalendarReader
{
    /// <summary>The whole window (a fresh delta round): every event in it.</summary>
    Task<CalendarRead> ReadWindowAsync(string personId, Interval window, CancellationToken cancellationToken);

    /// <summary>What changed since <paramref name="deltaLink"/>; throws <see cref="DeltaExpiredException"/> when Graph forgot it.</summary>
    Task<CalendarRead> ReadChangesAsync(string personId, string deltaLink, CancellationToken cancellationToken);
}
