using Hangfire;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// Coalesces sync requests per person: however many notifications arrive for someone while a sync is
/// queued or running, they lead to at most one more re-read. A burst of 500 notifications must not
/// become 500 reads (Graph allows 4 concurrent requests per mailbox).
/// </summary>
internal sealed class CalendarSyncScheduler(IBackgroundJobClient jobs)
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private enum Phase
    {
        Queued,
        Running,
    }

    /// <summary>Asks for a re-read of <paramref name="personId"/>; <paramref name="full"/> reads the whole window.</summary>
    public void Request(string personId, bool full = false)
    {
        bool enqueue;
        lock (_gate)
        {
            if (_slots.TryGetValue(personId, out var slot))
            {
                slot.Full |= full;
                slot.Dirty |= slot.Phase == Phase.Running;
                enqueue = false;
            }
            else
            {
                _slots[personId] = new Slot { Phase = Phase.Queued, Full = full };
                enqueue = true;
            }
        }

        if (enqueue)
        {
            jobs.Enqueue<CalendarSyncJob>(job => job.RunAsync(personId, CancellationToken.None));
        }
    }

    /// <summary>Called by the job: false when another run for the person is already going on.</summary>
    public bool TryBegin(string personId, out bool full)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(personId, out var slot) && slot.Phase == Phase.Running)
            {
                full = false;
                return false;
            }

            // No slot: a retried job, or one enqueued before a restart. Either way it runs.
            slot ??= _slots[personId] = new Slot();
            slot.Phase = Phase.Running;
            full = slot.Full;
            slot.Full = false;
            slot.Dirty = false;
            return true;
        }
    }

    /// <summary>Called after a run: true (go again) when requests came in meanwhile.</summary>
    public bool Continue(string personId, out bool full)
    {
        lock (_gate)
        {
            var slot = _slots[personId];
            if (slot.Dirty || slot.Full)
            {
                full = slot.Full;
                slot.Full = false;
                slot.Dirty = false;
                return true;
            }

            _slots.Remove(personId);
            full = false;
            return false;
        }
    }

    /// <summary>A failed run frees the person so Hangfire's retry (or the next request) can run.</summary>
    public void Abandon(string personId)
    {
        lock (_gate)
        {
            _slots.Remove(personId);
        }
    }

    private sealed class Slot
    {
        public Phase Phase { get; set; }

        public bool Full { get; set; }

        public bool Dirty { get; set; }
    }
}
