using NodaTime;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>The durable inbox: what Graph told us, kept until a re-read has acted on it.</summary>
public interface INotificationInbox
{
    /// <summary>Records all entries in one transaction, or throws (then the webhook answers 5xx and Graph retries).</summary>
    Task AppendAsync(IReadOnlyList<InboxEntry> entries, CancellationToken cancellationToken);

    /// <summary>The person's unprocessed entries received up to <paramref name="upTo"/>.</summary>
    Task<IReadOnlyList<InboxEntry>> PendingAsync(string personId, Instant upTo, CancellationToken cancellationToken);

    Task MarkProcessedAsync(IReadOnlyCollection<Guid> ids, Instant processedAt, CancellationToken cancellationToken);

    /// <summary>Everyone with something unprocessed (after a restart, or when a job was lost).</summary>
    Task<IReadOnlyList<string>> PeopleWithPendingAsync(CancellationToken cancellationToken);
}
