using System.Collections.Concurrent;

namespace PresenceBot.WorkQueue;

/// <summary>
/// Wakes a kind's worker loop right after a local enqueue or a finished run, so work starts in milliseconds, not at the
/// next poll; or, for work due a little later (a kind's <see cref="WorkKind.Gather"/>), when it is due.
/// </summary>
internal sealed class WorkQueueSignal(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LaterWake> _later = new(StringComparer.Ordinal);

    private volatile bool _disposed;

    public void Wake(string kind)
    {
        if (_disposed)
        {
            return;
        }

        var signal = For(kind);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken by someone else at the same moment; one wake-up is enough.
            }
            catch (ObjectDisposedException)
            {
                // A later wake firing while the host shuts down: nobody waits any more.
            }
        }
    }

    /// <summary>Wakes the loop of <paramref name="kind"/> when what was just asked of it is due: at once, or after its <see cref="WorkKind.Gather"/>.</summary>
    public void Wake(WorkKind kind) => Wake(kind.Name, kind.Gather);

    /// <summary>Wakes the loop of <paramref name="kind"/> <paramref name="after"/> from now (at once when it is zero).</summary>
    public void Wake(string kind, TimeSpan after)
    {
        if (after <= TimeSpan.Zero || _disposed)
        {
            Wake(kind);
            return;
        }

        _later.GetOrAdd(kind, k => new LaterWake(time, () => Wake(k))).After(after);
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/> (on the <see cref="TimeProvider"/>'s clock), whichever comes first.</summary>
    public async Task WaitAsync(string kind, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var poll = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(poll.Token, cancellationToken);
        try
        {
            await For(kind).WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed: look for due work (retries, other instances' enqueues, expired leases).
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var later in _later.Values)
        {
            later.Dispose();
        }

        foreach (var signal in _signals.Values)
        {
            signal.Dispose();
        }
    }

    private SemaphoreSlim For(string kind) => _signals.GetOrAdd(kind, _ => new SemaphoreSlim(0, 1));

    /// <summary>
    /// One timer per kind for its later wakes: armed for the first, it fires, wakes, and is armed again for the latest
    /// asked for meanwhile, so a stream of requests costs one wake per gather, not one timer each. Work due between two
    /// firings waits for the next at most (never longer than a gather). Timers run on the monotonic clock and due times on
    /// the wall clock; should the wall clock step back, an item waits for the loop's poll instead.
    /// </summary>
    private sealed class LaterWake : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly TimeProvider _time;
        private readonly ITimer _timer;
        private long _latest;
        private bool _armed;
        private bool _stopped;

        public LaterWake(TimeProvider time, Action wake)
        {
            _time = time;
            _timer = time.CreateTimer(_ => Fire(wake), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public void After(TimeSpan after)
        {
            lock (_gate)
            {
                _latest = Math.Max(_latest, _time.GetTimestamp() + (long)(after.TotalSeconds * _time.TimestampFrequency));
                if (!_armed && !_stopped)
                {
                    _armed = true;
                    _timer.Change(after, Timeout.InfiniteTimeSpan);
                }
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                // A firing in progress may still call back, but it re-arms nothing on a disposed timer.
                _stopped = true;
                _timer.Dispose();
            }
        }

        private void Fire(Action wake)
        {
            wake();
            lock (_gate)
            {
                var left = _time.GetElapsedTime(_time.GetTimestamp(), _latest);
                _armed = left > TimeSpan.Zero && !_stopped;
                if (_armed)
                {
                    _timer.Change(left, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }
}
