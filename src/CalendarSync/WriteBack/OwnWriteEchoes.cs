namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// The event versions this process just wrote, so the change notification Graph sends back for each write of ours is
/// known for what it is — an echo — and queues no calendar re-read. Measured: with write-back on, every referral change
/// came back as a notification whose re-read only found our own event again, and those re-reads took the writer and the
/// CPU the deliveries needed (docs/performance.md, issue 12).
/// An echo is a notification naming an event id and the very change key Graph answered to our change of it (its
/// <c>@odata.etag</c>), or a deletion of an event we deleted. Creates are not remembered: the sync's delta has to see
/// our event once, or it could not tell the person's deletion of it later. Anything else — the person's edit (another
/// change key), their deletion, a notification that came before Graph's answer, one that reached another instance — is
/// re-read as before: forgetting an echo costs a re-read, never a missed change. Kept in memory only (ids and change
/// keys, nothing of the booking), bounded in count and age.
/// </summary>
internal sealed class OwnWriteEchoes(TimeProvider time)
{
    /// <summary>Versions remembered at most; the oldest go first. Graph notifies within seconds, so this is minutes of writes.</summary>
    public const int Capacity = 20_000;

    /// <summary>How long a write's echo is awaited; Graph's notifications normally come within a minute.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    /// <summary>By event id and the change key our write left; a null change key is our deletion of the event.</summary>
    private readonly Dictionary<(string EventId, string? Version), long> _written = [];
    private readonly Queue<(string EventId, string? Version, long At)> _order = new();

    /// <summary>Our write left the event at <paramref name="changeKey"/> (unknown: nothing to recognise).</summary>
    public void Written(string eventId, string? changeKey)
    {
        if (changeKey is { Length: > 0 })
        {
            Remember(eventId, changeKey);
        }
    }

    /// <summary>We deleted the event.</summary>
    public void Removed(string eventId) => Remember(eventId, null);

    /// <summary>
    /// Whether a change notification (<paramref name="changeType"/>, the event's id and <c>@odata.etag</c> from its
    /// resourceData) only tells of a write of ours.
    /// </summary>
    public bool IsEcho(string? changeType, string? eventId, string? etag)
    {
        if (eventId is not { Length: > 0 })
        {
            return false;
        }

        var deleted = string.Equals(changeType, "deleted", StringComparison.OrdinalIgnoreCase);
        var version = deleted ? null : ChangeKeyOf(etag);
        if (!deleted && version is null)
        {
            return false;
        }

        lock (_gate)
        {
            Forget();
            // A change key may come back more than once (Graph delivers at least once, and a batch may name a version
            // twice); a deletion is used up: a later deletion of that id (an event restored and deleted again) is read.
            return deleted ? _written.Remove((eventId, null)) : _written.ContainsKey((eventId, version));
        }
    }

    /// <summary>Graph's etag of an event is its change key, weak: <c>W/"CQAAABYAAAA…"</c>.</summary>
    internal static string? ChangeKeyOf(string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        var value = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        value = value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
        return value.Length > 0 ? value : null;
    }

    private void Remember(string eventId, string? version)
    {
        lock (_gate)
        {
            var at = time.GetTimestamp();
            _written[(eventId, version)] = at;
            _order.Enqueue((eventId, version, at));
            Forget();
        }
    }

    /// <summary>Drops the oldest past <see cref="Capacity"/> or <see cref="KeptFor"/>; a version written again stays under its newer moment.</summary>
    private void Forget()
    {
        var now = time.GetTimestamp();
        while (_order.TryPeek(out var oldest) && (_written.Count > Capacity || _order.Count > 2 * Capacity || time.GetElapsedTime(oldest.At, now) > KeptFor))
        {
            _order.Dequeue();
            var key = (oldest.EventId, oldest.Version);
            if (_written.TryGetValue(key, out var at) && at == oldest.At)
            {
                _written.Remove(key);
            }
        }
    }
}
