namespace PresenceBot.WorkQueue;

/// <summary>
/// A kind of work and its policy: how many items of it one instance runs at once, how long a claim holds, and when
/// retrying stops and the item becomes a dead letter.
/// </summary>
internal sealed record WorkKind(string Name)
{
    /// <summary>Items of this kind one instance works on at the same time.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How long a claim holds; a run is cancelled before its lease ends, so two runs of one key never overlap.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a run may take, from its claim: it is cancelled then, a fifth of the lease before the lease ends.</summary>
    public TimeSpan RunTimeout => Lease * 0.8;

    /// <summary>The wait after the first failure; it doubles with each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Claims after which a failing item becomes a dead letter (a claim a crash ended counts, also one still waiting for a slot).</summary>
    public int MaxAttempts { get; init; } = 20;

    /// <summary>Age after which a failing item becomes a dead letter, however few its attempts.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a request waits before it is due, and a key asked for again during its run waits after that run: the
    /// requests for one key in that time are one run. Zero (the default): due at once. Calendar re-reads gather Graph's
    /// bursts for one mailbox (a recurring series edited is a notification per occurrence) into a re-read or two.
    /// </summary>
    public TimeSpan Gather { get; init; }
}
