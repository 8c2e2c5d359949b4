namespace PresenceBot.WorkQueue;

/// <summary>
/// Finished runs, group-committed (<see cref="GroupCommit{TItem, TResult}"/>): a run that ends while an earlier
/// completion is being written is recorded, with every run that ended meanwhile (all kinds), in the next transaction.
/// </summary>
internal sealed class WorkCompletions(WorkItemClaims claims)
{
    private readonly GroupCommit<WorkItem, bool> _commits = new(items => claims.CompleteAsync(items, CancellationToken.None));

    /// <summary>Records <paramref name="item"/> as done (see <see cref="WorkItemClaims.CompleteAsync(WorkItem, CancellationToken)"/>); true when it went.</summary>
    public Task<bool> CompleteAsync(WorkItem item) => _commits.WriteAsync(item);
}
