using Microsoft.Extensions.Diagnostics.HealthChecks;
using PresenceBot.Organisation;

namespace PresenceBot.Health;

/// <summary>Degraded while an edited organisation file is rejected: the service runs on the previous one, and the admin should know.</summary>
internal sealed class OrganisationHealthCheck(FileOrganisationSource organisation) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(organisation.RejectedBecause is { } problem
            ? HealthCheckResult.Degraded($"The edited organisation file is not in force: {problem}")
            : HealthCheckResult.Healthy());
}
