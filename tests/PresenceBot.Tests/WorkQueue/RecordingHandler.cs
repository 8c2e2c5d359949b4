using System.Collections.Concurrent;
using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

/// <summary>Records every run; fails while <see cref="FailuresLeft"/> is above zero; runs <see cref="During"/> inside each run.</summary>
internal sealed class RecordingHandler(WorkKind kind) : IWorkHandler
{
    private readonly ConcurrentQueue<WorkItem> _runs = new();
    private int _failuresLeft;

    public WorkKind Kind => kind;

    public IReadOnlyList<WorkItem> Runs => [.. _runs];

    public int FailuresLeft
    {
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public Func<WorkItem, Task>? During { get; set; }

    public async Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        _runs.Enqueue(item);
        if (During is { } during)
        {
            await during(item);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException($"run {_runs.Count} failed");
        }
    }
}
