using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PresenceBot.GraphStandIn;

/// <summary>
/// How the stand-in listens and how "realistic" (unreliable) its change notifications are. The defaults give a
/// well-behaved Graph: every notification once, promptly, with <c>created</c> followed by <c>updated</c> as Graph
/// often does. Tests and load runs turn up duplicates, delays and batching to prove the consumer copes.
/// </summary>
public sealed class GraphStandInOptions
{
    public const string SectionName = "GraphStandIn";

    /// <summary>Loopback port; 0 picks a free one (read it back from <see cref="GraphStandInServer.BaseUrl"/>).</summary>
    public int Port { get; set; }

    /// <summary>Clock for subscription expirations and timestamps on the wire. Delivery pacing runs on real time.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Seed for the randomness behind duplicates, delays and batching; null = unseeded.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Chance (0..1) that a notification is delivered a second time.</summary>
    public double DuplicateProbability { get; set; }

    /// <summary>Each delivery waits a random time up to this, so notifications arrive out of order.</summary>
    public TimeSpan MaxExtraDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Chance (0..1) that the notifications one change produces for a subscription share one POST.</summary>
    public double BatchProbability { get; set; }

    /// <summary>Graph often follows <c>created</c> with an <c>updated</c> for the same event.</summary>
    public bool FollowCreatedWithUpdated { get; set; } = true;

    /// <summary>Attempts per notification POST before it is given up and recorded as failed.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Graph gives a webhook a few seconds to answer a notification.</summary>
    public TimeSpan NotificationTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Graph gives the validation handshake 10 seconds.</summary>
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent as <c>tenantId</c> in notifications; a GUID because the Graph SDK parses it as one.</summary>
    public Guid TenantId { get; set; } = new("7b1c7a1e-5d3b-4f57-9d1e-5e0a8f3c2b11");

    /// <summary>
    /// Graph answers 404 for a user it doesn't know. On (the default) the stand-in knows everyone: a read for an
    /// unknown id creates the user with an empty calendar, so the product's organisation file just works.
    /// </summary>
    public bool AcceptUnknownUsers { get; set; } = true;

    /// <summary>Where the stand-in logs failed deliveries and handshakes; Kestrel's own logging stays off.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    /// <summary>Sent as the subscription's <c>applicationId</c>.</summary>
    public Guid ApplicationId { get; set; } = new("0f6a3d2e-8c41-4b9a-a1f7-2d8e6c5b4a39");
}
