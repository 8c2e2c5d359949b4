using System.Threading.Channels;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// Coalesces sync requests per person: however many notifications arrive for someone while a sync is
/// queued or running, they lead to at most one more re-read. A burst of 500 notifications must not
/// become 500 reads (Graph allows 4 concurrent requests per mailbox).
/// </summary>
/// <remarks>
/// People wait in an in-memory queue that one <see cref="CalendarSyncDrainJob"/> at a time works off, several
/// people at once. Not a Hangfire job per re-read: creating and running a job costs more CPU than the re-read
/// itself (measured: Hangfire's bookkeeping was over half the service's CPU at 500 notifications/s), and the
/// webhook answer waited for that enqueue. Nothing is lost by keeping the queue in memory: every notification
/// is in the durable inbox before it gets here, and the start-up and the minutely sweep request whatever is left.
/// </remarks>
internal sealed class CalendarSyncScheduler(IBackgroundJobClient jobs, LocalJobQueue queue)
{
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>(); // not SingleReader: that variant cannot Count
    private readonly Lock _gate = new();
    private bool _draining;

    private enum Phase
    {
        Queued,
        Running,
    }

    /// <summary>Asks for a re-read of <paramref name="personId"/>; <paramref name="full"/> reads the whole window.</summary>
    public void Request(string personId, bool full = false)
    {
        if (queue.Name is not { } localQueue)
        {
            // No Hangfire server here: the entries wait in the inbox for an instance that has one (its sweep).
            return;
        }

        bool startDrain;
        lock (_gate)
        {
            if (_slots.TryGetValue(personId, out var slot))
            {
                slot.Full |= full;
                slot.Dirty |= slot.Phase == Phase.Running;
            }
            else
            {
                _slots[personId] = new Slot { Phase = Phase.Queued, Full = full };
                _ready.Writer.TryWrite(personId);
            }

            // Also when this person was queued already: a drain that failed to start leaves people waiting.
            startDrain = !_draining && _ready.Reader.Count > 0;
            _draining |= startDrain;
        }

        if (startDrain)
        {
            StartDrain(localQueue);
        }
    }

    /// <summary>Called by the drain: the next person waiting for a re-read, if any.</summary>
    public bool TryTakeReady(out string personId) => _ready.Reader.TryRead(out personId!);

    /// <summary>Called by the drain: waits up to <paramref name="linger"/> for someone to be queued; false when nobody was.</summary>
    public async Task<bool> WaitForReadyAsync(TimeSpan linger, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(linger, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await _ready.Reader.WaitToReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Called by the drain when it has nothing left in flight: true when it may stop (nobody queued), after which
    /// the next request starts a new drain; false when someone was queued meanwhile.
    /// </summary>
    public bool TryEndDrain()
    {
        lock (_gate)
        {
            if (_ready.Reader.Count > 0)
            {
                return false;
            }

            _draining = false;
            return true;
        }
    }

    /// <summary>
    /// Called by a drain that stops for another reason (shutdown, a failure of its own): the next request starts a new
    /// one, also for people still queued (the sweep requests them within a minute).
    /// </summary>
    public void EndDrain()
    {
        lock (_gate)
        {
            _draining = false;
        }
    }

    /// <summary>Called by a run: false when another run for the person is already going on.</summary>
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

    /// <summary>A failed run frees the person so the retry (or the next request) can run.</summary>
    public void Abandon(string personId)
    {
        lock (_gate)
        {
            _slots.Remove(personId);
        }
    }

    private void StartDrain(string localQueue)
    {
        try
        {
            // EnqueuedState rather than Enqueue(queue, …): Hangfire.InMemory cannot store a queue on the job itself.
            jobs.Create(Job.FromExpression<CalendarSyncDrainJob>(job => job.RunAsync(CancellationToken.None)), new EnqueuedState(localQueue));
        }
        catch
        {
            // The next request tries again; until then the people stay queued and their entries in the inbox.
            lock (_gate)
            {
                _draining = false;
            }

            throw;
        }
    }

    private sealed class Slot
    {
        public Phase Phase { get; set; }

        public bool Full { get; set; }

        public bool Dirty { get; set; }
    }
}
