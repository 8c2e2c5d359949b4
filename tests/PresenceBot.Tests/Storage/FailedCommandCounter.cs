using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PresenceBot.Tests.Storage;

/// <summary>Counts database commands that failed (what EF Core logs as errors).</summary>
internal sealed class FailedCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Interlocked.Increment(ref _count);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }
}
