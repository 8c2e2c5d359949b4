using NodaTime;
using PresenceBot.Storage;

namespace PresenceBot.WorkQueue;

/// <summary>
/// A claimed item as its handler sees it; <see cref="Attempt"/> is 1 on the first run. A class, not a record: it
/// collects what its run asks for (<see cref="Then"/>, <see cref="Record"/>), so it is one run's own object, equal only to itself.
/// </summary>
internal sealed class WorkItem(long id, string kind, string key, string? payload, int attempt, long generation, string leaseOwner, Instant createdAt, TimeSpan gather)
{
    /// <summary>Guards both lists: the run fills them, and the group commit reads them on another thread.</summary>
    private readonly Lock _gate = new();
    private readonly List<WorkRequest> _then = [];
    private readonly List<Func<PresenceBotDbContext, CancellationToken, Task>> _records = [];

    public long Id { get; } = id;

    public string Kind { get; } = kind;

    public string Key { get; } = key;

    public string? Payload { get; } = payload;

    public int Attempt { get; } = attempt;

    public long Generation { get; } = generation;

    public string LeaseOwner { get; } = leaseOwner;

    public Instant CreatedAt { get; } = createdAt;

    /// <summary>Its kind's <see cref="WorkKind.Gather"/>: asked for again during this run, it is due this long after the run.</summary>
    public TimeSpan Gather { get; } = gather;

    /// <summary>What <see cref="Then"/> asked for, enqueued when the item is recorded as done.</summary>
    public IReadOnlyList<WorkRequest> FollowUps
    {
        get
        {
            lock (_gate)
            {
                return [.. _then];
            }
        }
    }

    /// <summary>What <see cref="Record"/> was given, run when the item is recorded as done.</summary>
    public IReadOnlyList<Func<PresenceBotDbContext, CancellationToken, Task>> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    /// <summary>
    /// Asks for <paramref name="request"/> in the same transaction that records this item as done: no commit of its own,
    /// and nothing lost, since a run whose completion is not recorded runs again and asks again. Dropped if the run fails
    /// (its retry asks again).
    /// </summary>
    public void Then(WorkRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            _then.Add(request);
        }
    }

    /// <summary>
    /// Writes what the run did (say, that a destination took a message) in the transaction that records this item as
    /// done, instead of a commit of its own. Lost with the completion if the process dies first: the item then runs
    /// again, so only bookkeeping a repeat run tolerates belongs here. Must be idempotent (a failed batch is retried).
    /// </summary>
    public void Record(Func<PresenceBotDbContext, CancellationToken, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            _records.Add(write);
        }
    }
}
