namespace PresenceBot.WorkQueue;

/// <summary>
/// Does the work of one <see cref="WorkKind"/>. Throwing means "retry later"; returning means done. Work is delivered
/// at least once (a crash after the work but before its completion is recorded runs it again), so a handler must be
/// idempotent, and it should honour the token: it fires before the lease ends.
/// </summary>
internal interface IWorkHandler
{
    WorkKind Kind { get; }

    Task HandleAsync(WorkItem item, CancellationToken cancellationToken);
}
