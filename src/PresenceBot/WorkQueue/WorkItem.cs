using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>A claimed item as its handler sees it; <see cref="Attempt"/> is 1 on the first run.</summary>
internal sealed record WorkItem(long Id, string Kind, string Key, string? Payload, int Attempt, long Generation, string LeaseOwner, Instant CreatedAt)
{
    private readonly List<WorkRequest> _then = [];

    /// <summary>What <see cref="Then"/> asked for, enqueued when the item is recorded as done.</summary>
    public IReadOnlyList<WorkRequest> FollowUps
    {
        get
        {
            lock (_then)
            {
                return [.. _then];
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
        lock (_then)
        {
            _then.Add(request);
        }
    }
}
