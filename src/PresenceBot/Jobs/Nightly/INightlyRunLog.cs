using NodaTime;

namespace PresenceBot.Jobs.Nightly;

/// <summary>Which nights each nightly job has run for, shared by every instance on the database.</summary>
internal interface INightlyRunLog
{
    /// <summary>True when this caller won the job's night and should run it.</summary>
    Task<bool> TryClaimAsync(string jobId, LocalDate night, CancellationToken cancellationToken);

    /// <summary>Gives a claim back after a failed run, so a later start or night runs it again.</summary>
    Task ReleaseAsync(string jobId, LocalDate night, CancellationToken cancellationToken);

    /// <summary>True when the job has been claimed for any night (false on a fresh database).</summary>
    Task<bool> HasAnyAsync(string jobId, CancellationToken cancellationToken);
}
