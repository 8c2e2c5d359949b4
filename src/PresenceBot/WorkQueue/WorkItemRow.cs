using NodaTime;

namespace PresenceBot.WorkQueue;

/// <summary>
/// One piece of durable work in <c>work_items</c>: unique per (<see cref="Kind"/>, <see cref="Key"/>), so asking
/// again for work that is waiting adds nothing. <see cref="Generation"/> counts the requests; a worker that finishes
/// deletes the row only if no request came in since its claim, otherwise the row goes back to waiting.
/// </summary>
internal sealed class WorkItemRow
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    /// <summary>Optional data for the handler; the newest non-null one wins when requests coalesce.</summary>
    public string? Payload { get; set; }

    public Instant DueAt { get; set; }

    /// <summary>Set while a worker holds the item; once it has passed, any worker may claim it again.</summary>
    public Instant? LeaseUntil { get; set; }

    /// <summary>The claim that holds the lease (instance and claim number).</summary>
    public string? LeaseOwner { get; set; }

    public long Generation { get; set; }

    /// <summary>Claims since the item last succeeded (a crash mid-run counts too).</summary>
    public int Attempts { get; set; }

    public string? FirstError { get; set; }

    public string? LastError { get; set; }

    public Instant CreatedAt { get; set; }
}
