namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>
/// All calendars, in memory. Every change gets the next sequence number so delta can answer "what changed since";
/// deleted events stay as tombstones so a delete is a change too. One lock: changes are rare next to reads and tiny.
/// </summary>
internal sealed class CalendarStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, CalendarEntry>> _byUser = new(StringComparer.OrdinalIgnoreCase);
    private long _sequence;

    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public CalendarEntry Put(StandInEvent item)
    {
        lock (_gate)
        {
            var calendar = Calendar(item.UserId);
            var entry = new CalendarEntry(item, ++_sequence, Deleted: false);
            calendar[item.Id] = entry;
            return entry;
        }
    }

    public CalendarEntry? Delete(string userId, string eventId)
    {
        lock (_gate)
        {
            var calendar = Calendar(userId);
            if (!calendar.TryGetValue(eventId, out var entry) || entry.Deleted)
            {
                return null;
            }

            var tombstone = new CalendarEntry(entry.Event, ++_sequence, Deleted: true);
            calendar[eventId] = tombstone;
            return tombstone;
        }
    }

    public StandInEvent? Find(string userId, string eventId)
    {
        lock (_gate)
        {
            return Calendar(userId).TryGetValue(eventId, out var entry) && !entry.Deleted ? entry.Event : null;
        }
    }

    /// <summary>The live events of one calendar and the sequence they are current at.</summary>
    public (IReadOnlyList<StandInEvent> Events, long Sequence) Current(string userId)
    {
        lock (_gate)
        {
            return ([.. Calendar(userId).Values.Where(e => !e.Deleted).Select(e => e.Event)], _sequence);
        }
    }

    /// <summary>The live entries of one calendar (with their change sequence) and the sequence they are current at.</summary>
    public (IReadOnlyList<CalendarEntry> Entries, long Sequence) Live(string userId)
    {
        lock (_gate)
        {
            return ([.. Calendar(userId).Values.Where(e => !e.Deleted).OrderBy(e => e.Sequence)], _sequence);
        }
    }

    private Dictionary<string, CalendarEntry> Calendar(string userId)
    {
        if (!_byUser.TryGetValue(userId, out var calendar))
        {
            calendar = new Dictionary<string, CalendarEntry>(StringComparer.Ordinal);
            _byUser[userId] = calendar;
        }

        return calendar;
    }
}
