using System.Collections.Concurrent;
using NodaTime;
using PresenceBot.Jobs.Nightly;

namespace PresenceBot.Tests.Jobs.Nightly;

/// <summary>The shared database of several "instances" (and restarts), in memory.</summary>
internal sealed class InMemoryNightlyRunLog : INightlyRunLog
{
    private readonly ConcurrentDictionary<(string JobId, LocalDate Night), bool> _claims = new();

    public IReadOnlyList<LocalDate> Nights(string jobId) => [.. _claims.Keys.Where(k => k.JobId == jobId).Select(k => k.Night).Order()];

    public Task<bool> TryClaimAsync(string jobId, LocalDate night, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.TryAdd((jobId, night), true));

    public Task ReleaseAsync(string jobId, LocalDate night, CancellationToken cancellationToken)
    {
        _claims.TryRemove((jobId, night), out _);
        return Task.CompletedTask;
    }

    public Task<bool> HasAnyAsync(string jobId, CancellationToken cancellationToken) =>
        Task.FromResult(_claims.Keys.Any(k => k.JobId == jobId));
}
