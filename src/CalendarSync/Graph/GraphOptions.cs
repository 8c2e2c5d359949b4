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
    /// Calendars re-read at the same time after notifications (one at a time per person); empty = two per core. A
    /// re-read waits for Graph's answer and for its turn to write, so one per core left the cores idle while re-reads
    /// fell behind: on 2 cores at 1,000 notifications/s spread over 1,900 people, 2 at a time made a booking visible in
    /// 2.1–2.4 s (p95), 4 with the gather in 0.5–0.95 s (docs/performance.md, issue 11). Two per core relies on <see cref="RereadGatherMilliseconds"/>:
    /// without the gather, 4 at a time re-read five people's calendars back to back under a concentrated burst and the
    /// webhook's answers queued behind them (5.4 × a bare endpoint's p99). Against the real Graph, whose answers take
    /// longer, raise it if re-reads fall behind.
    /// </summary>
    [Range(1, 64)]
    public int? ConcurrentSyncs { get; set; }

    /// <summary><see cref="ConcurrentSyncs"/>, or two per core when it is not set.</summary>
    public int EffectiveConcurrentSyncs => ConcurrentSyncs ?? 2 * Environment.ProcessorCount;

    /// <summary>
    /// How long a person's re-read waits after the notification that asked for it (and after the re-read running when it
    /// came), gathering the notifications that follow (Graph sends one per occurrence when a recurring series is edited,
    /// and repeats itself): a burst for one mailbox becomes a re-read every gather instead of re-reads back to back. The
    /// start-up, nightly and repair re-reads wait it too. 0 = at once.
    /// </summary>
    [Range(0, 5000)]
    public int RereadGatherMilliseconds { get; set; } = 200;

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
