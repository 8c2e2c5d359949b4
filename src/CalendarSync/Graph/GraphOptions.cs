using System.ComponentModel.DataAnnotations;

namespace PresenceBot.CalendarSync.Graph;

/// <summary>
/// Where Graph is and how to reach it. Without <see cref="BaseUrl"/> the built-in stand-in is started
/// on loopback, so the embedded defaults need no tenant.
/// </summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string SectionName = "Graph";

    /// <summary>e.g. https://graph.microsoft.com/v1.0; empty = start and use the local stand-in.</summary>
    public string? BaseUrl { get; set; }

    public GraphCredentialKind Credential { get; set; } = GraphCredentialKind.None;

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A PFX file with the app's certificate (for <see cref="GraphCredentialKind.Certificate"/>).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Where Graph reaches our webhooks; empty = this app's own first address (fine for the stand-in).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Days before today that a calendar re-read covers (a booking that began yesterday can still be in force).</summary>
    [Range(0, 7)]
    public int SyncDaysBack { get; set; } = 1;

    /// <summary>Days ahead that a calendar re-read covers.</summary>
    [Range(1, 60)]
    public int SyncDaysAhead { get; set; } = 14;

    /// <summary>Requested subscription lifetime; Graph allows at most 4,230 minutes for events.</summary>
    [Range(60, 4230)]
    public int SubscriptionMinutes { get; set; } = 4230;

    /// <summary>Renew a subscription when less than this remains.</summary>
    [Range(10, 2880)]
    public int RenewBeforeMinutes { get; set; } = 720;

    /// <summary>
    /// Calendars re-read at the same time after notifications (one at a time per person); empty = one per core.
    /// When Graph answers fast, a re-read is CPU and database work, and more of them than cores only queue up in
    /// front of the webhook's answers on the thread pool (measured on 2 cores: 2 → webhook p99 8.8 ms, 8 → 11.9 ms,
    /// 16 → 21.8 ms). Against the real Graph a re-read mostly waits, so raise it there if re-reads fall behind.
    /// </summary>
    [Range(1, 64)]
    public int? ConcurrentSyncs { get; set; }

    /// <summary><see cref="ConcurrentSyncs"/>, or the number of cores when it is not set.</summary>
    public int EffectiveConcurrentSyncs => ConcurrentSyncs ?? Environment.ProcessorCount;

    /// <summary>A tentative booking closes the phone too (off by default).</summary>
    public bool TentativeMakesReferral { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl) && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Graph:BaseUrl '{BaseUrl}' is not an absolute URL.", [nameof(BaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Graph:PublicBaseUrl '{PublicBaseUrl}' is not an absolute URL.", [nameof(PublicBaseUrl)]);
        }

        foreach (var missing in Required().Where(r => string.IsNullOrWhiteSpace(r.Value)))
        {
            yield return new ValidationResult($"Graph:{missing.Key} is required when Graph:Credential is {Credential}.", [missing.Key]);
        }
    }

    private IEnumerable<KeyValuePair<string, string?>> Required() => Credential switch
    {
        GraphCredentialKind.ClientSecret => [new(nameof(TenantId), TenantId), new(nameof(ClientId), ClientId), new(nameof(ClientSecret), ClientSecret)],
        GraphCredentialKind.Certificate => [new(nameof(TenantId), TenantId), new(nameof(ClientId), ClientId), new(nameof(CertificatePath), CertificatePath)],
        _ => [],
    };
}
