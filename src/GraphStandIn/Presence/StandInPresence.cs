using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Directory;

namespace PresenceBot.GraphStandIn.Presence;

/// <summary>
/// People's Teams status messages, for tests in-process (Graph's and the dev API's endpoints call the same methods).
/// Every message set is kept in order (<see cref="History"/>); the last one is the person's message until it expires
/// by the stand-in's clock or an empty one clears it.
/// </summary>
public sealed class StandInPresence
{
    private static readonly string[] ContentTypes = ["text", "html"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StatusMessage>> _byUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly StandInDirectory _directory;
    private readonly TimeProvider _time;

    internal StandInPresence(StandInDirectory directory, TimeProvider time)
    {
        _directory = directory;
        _time = time;
    }

    /// <summary>Sets (or, with empty content, clears) the message; the user is created when unknown. Throws <see cref="ArgumentException"/> on a bad draft.</summary>
    public StatusMessage SetStatusMessage(string userId, StatusMessageDraft draft, StatusMessageAuthor setBy)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var user = _directory.EnsureUser(userId);
        var contentType = ContentTypes.FirstOrDefault(t => t.Equals(draft.Message?.ContentType ?? "text", StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException("message.contentType must be text or html.", nameof(draft));
        var message = new StatusMessage(
            draft.Message?.Content ?? "", contentType, draft.ExpiryDateTime, ExpiresAt(draft.ExpiryDateTime), _time.GetUtcNow(), setBy);
        lock (_gate)
        {
            if (!_byUser.TryGetValue(user.Id, out var history))
            {
                history = [];
                _byUser[user.Id] = history;
            }

            history.Add(message);
        }

        return message;
    }

    /// <summary>The message the person shows now; null when none was set, it was cleared, or it expired.</summary>
    public StatusMessage? Current(string userId)
    {
        var last = History(userId).LastOrDefault();
        return last is null || last.IsCleared || last.ExpiresAt <= _time.GetUtcNow() ? null : last;
    }

    /// <summary>Every message set for the person, clearings included, oldest first.</summary>
    public IReadOnlyList<StatusMessage> History(string userId)
    {
        if (_directory.FindUser(userId) is not { } user)
        {
            return [];
        }

        lock (_gate)
        {
            return _byUser.TryGetValue(user.Id, out var history) ? [.. history] : [];
        }
    }

    /// <summary>Every message set for anyone, for scans over all the stand-in received.</summary>
    public IReadOnlyList<StatusMessage> AllHistory()
    {
        lock (_gate)
        {
            return [.. _byUser.Values.SelectMany(h => h)];
        }
    }

    private static DateTimeOffset? ExpiresAt(DateTimeTimeZone? expiry)
    {
        if (expiry is null)
        {
            return null;
        }

        var zone = GraphZones.Find(expiry.TimeZone) ?? throw new ArgumentException($"Unknown time zone '{expiry.TimeZone}' in expiryDateTime.");
        var wall = GraphZones.ParseWallClock(expiry.DateTime)
            ?? throw new ArgumentException("expiryDateTime.dateTime must be like 2026-11-23T15:00:00.");
        return wall.InZoneLeniently(zone).ToDateTimeOffset();
    }
}
