using NodaTime;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.Referrals.Organisation;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing.WriteBack;

/// <summary>
/// Cleans up after someone who is no longer written back to (their coupling became off, their municipality's
/// <c>writeBack</c> none, or they left the organisation file): our events still ours and not over are deleted from
/// their calendar (one they changed meanwhile is left to them and handed over, as any edit of theirs), and the rows
/// are dropped. Queued work, one item per person (<see cref="QueueAsync"/>, at start and on every organisation change),
/// so one unreachable mailbox is retried without holding up the others.
/// </summary>
internal sealed class OutlookWriteBackCleanup(
    EfWrittenEventStore written, WrittenEventKeeper keeper, IOrganisationSource organisation, WorkItems queue, TimeProvider time, ILogger<OutlookWriteBackCleanup> logger)
    : IWorkHandler
{
    public const string KindName = "outlook-cleanup";

    public WorkKind Kind { get; } = new(KindName)
    {
        Concurrency = 2,
        FirstRetryDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromMinutes(10),
        MaxAttempts = 10_000,
        MaxAge = TimeSpan.FromHours(25),
    };

    /// <summary>Queues a clean-up (keyed by person) for everyone with written events who is no longer written back to.</summary>
    public async Task QueueAsync(CancellationToken cancellationToken)
    {
        var people = await written.PeopleAsync(cancellationToken).ConfigureAwait(false);
        var requests = people.Where(p => !IsWrittenBack(p)).Select(p => new WorkRequest(Kind, p)).ToList();
        if (requests.Count > 0)
        {
            await queue.EnqueueAsync(requests, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task HandleAsync(WorkItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return CleanUpAsync(item.Key, cancellationToken);
    }

    private async Task CleanUpAsync(string personId, CancellationToken cancellationToken)
    {
        if (IsWrittenBack(personId))
        {
            // Written back to again since this was queued: the publisher's.
            return;
        }

        var person = organisation.Current.FindPerson(personId);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var rows = await written.AllAsync(personId, cancellationToken).ConfigureAwait(false);
        var handedOver = new HashSet<Guid>();
        foreach (var row in rows.Where(r => r.End > now && (r.State == WrittenEventState.Active || (r.State == WrittenEventState.Deleted && r.Pending is not null))))
        {
            // Their calendar is read again when a changed event is left to them, if the calendar still speaks for them.
            var reread = person is { CalendarCoupling: not CalendarCoupling.Off };
            if (!await keeper.DeleteAsync(personId, row, reread, cancellationToken).ConfigureAwait(false))
            {
                handedOver.Add(row.ReferralId);
            }
        }

        // One just handed over stays (released) until retention: the calendar sync ends its manual referral by it. Written
        // back to again meanwhile (the file flipped back mid-run): the publisher's rows are left to it, and a row it
        // wrote after our read is never dropped (only rows still as we left them are).
        if (IsWrittenBack(personId))
        {
            rows = [.. rows.Where(r => r.State != WrittenEventState.Active)];
        }

        var forgotten = await written.DropAsync([.. rows.Where(r => !handedOver.Contains(r.ReferralId))], cancellationToken).ConfigureAwait(false);
        WriteBackLog.CleanedUp(logger, personId, forgotten);
    }

    private bool IsWrittenBack(string personId) =>
        organisation.Current.FindPerson(personId) is { } person && OutlookWriteBackPublisher.WritesBack(person);
}
