namespace PresenceBot.Storage;

/// <summary>
/// One holder at a time; of those waiting, a foreground writer (a request someone is waiting for: the API, the webhook,
/// the bot) goes before background work (the work queue's runs, <see cref="Background"/>), each in the order they came.
/// Measured under the publish load run: the API's change transaction waited its turn behind the queue's deliveries,
/// write-backs and completions, which nobody waits for by the millisecond (docs/performance.md, issue 12). Under
/// requests without pause, background work waits: a waiter past its longest wait goes on without a turn, into SQLite's
/// own busy handling (<see cref="SqliteWriteGate"/>). Unmarked writes count as foreground, also hosted services' own.
/// </summary>
internal sealed class WriteTurns
{
    private static readonly AsyncLocal<bool> InBackground = new();

    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _foreground = [];
    private readonly LinkedList<TaskCompletionSource> _background = [];
    private bool _held;

    /// <summary>Whether someone has the turn now.</summary>
    public bool IsHeld
    {
        get
        {
            lock (_lock)
            {
                return _held;
            }
        }
    }

    /// <summary>Whether the current flow's writes are background work.</summary>
    public static bool IsBackground => InBackground.Value;

    /// <summary>Marks the writes of the current flow (and what it starts) as background work until disposed.</summary>
    public static IDisposable Background()
    {
        var before = InBackground.Value;
        InBackground.Value = true;
        return new Restore(before);
    }

    /// <summary>Waits for the turn at most <paramref name="most"/>; false when it did not come (the caller goes on without it).</summary>
    public bool Wait(TimeSpan most) => WaitAsync(most, CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc cref="Wait"/>
    public async Task<bool> WaitAsync(TimeSpan most, CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource> waiting;
        lock (_lock)
        {
            if (!_held)
            {
                _held = true;
                return true;
            }

            waiting = (InBackground.Value ? _background : _foreground).AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        try
        {
            await waiting.Value.Task.WaitAsync(most, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException) when (GaveUp(waiting))
        {
            return false;
        }
        catch (TimeoutException)
        {
            // The turn came as the wait ran out: it is ours.
            return true;
        }
        catch (OperationCanceledException) when (!GaveUp(waiting))
        {
            // The turn came as the wait was cancelled: pass it on.
            Release();
            throw;
        }
    }

    /// <summary>Hands the turn to the first foreground waiter, else the first background one, else frees it.</summary>
    public void Release()
    {
        TaskCompletionSource next;
        lock (_lock)
        {
            var queue = _foreground.Count > 0 ? _foreground : _background;
            if (queue.First is not { } first)
            {
                _held = false;
                return;
            }

            queue.RemoveFirst();
            next = first.Value;
        }

        next.SetResult();
    }

    /// <summary>Leaves the line; false when the turn was already handed to this waiter.</summary>
    private bool GaveUp(LinkedListNode<TaskCompletionSource> waiting)
    {
        lock (_lock)
        {
            if (waiting.List is not { } queue)
            {
                return false;
            }

            queue.Remove(waiting);
            return true;
        }
    }

    private sealed class Restore(bool before) : IDisposable
    {
        public void Dispose() => InBackground.Value = before;
    }
}
