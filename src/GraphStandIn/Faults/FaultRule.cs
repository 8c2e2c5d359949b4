namespace PresenceBot.GraphStandIn.Faults;

/// <summary>
/// Makes the next <see cref="Count"/> Graph requests whose path (after <c>/v1.0</c>) starts with
/// <see cref="PathPrefix"/> fail with <see cref="Status"/> (429 carries <c>Retry-After</c>) and/or answer after
/// <see cref="DelayMs"/>. Status null with a delay = slow but successful. <see cref="Code"/> and <see cref="Message"/>
/// replace the error's usual ones (e.g. 404 <c>MailboxNotEnabledForRESTAPI</c> for a user without a mailbox).
/// </summary>
public sealed record FaultRule
{
    public int? Status { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public int DelayMs { get; init; }

    public int Count { get; init; } = 1;

    public string? PathPrefix { get; init; }

    public string? Code { get; init; }

    public string? Message { get; init; }
}
