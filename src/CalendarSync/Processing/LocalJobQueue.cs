namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// The Hangfire queue only this process's server listens to, or null when this process runs no Hangfire server.
/// Work that lives in this process's memory (the <see cref="CalendarSyncScheduler"/>'s queue of people) must be
/// drained here: with PostgreSQL several instances share the job queues, and another instance would find nothing.
/// </summary>
public sealed class LocalJobQueue(string? name)
{
    public string? Name { get; } = name;

    /// <summary>A fresh queue name for this process (Hangfire allows lowercase letters, digits, '-' and '_').</summary>
    public static LocalJobQueue ForThisProcess() => new($"host-{Guid.NewGuid():N}"[..17]);
}
