using NodaTime;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.WriteBack;

namespace PresenceBot.Publishing.WriteBack;

/// <summary>
/// Brings one written event where it should be: created, moved, shortened or deleted. What is asked for is recorded
/// before each write (<see cref="WrittenEventRow"/>), so a retry after a crash finds the event by its mark (and Graph by
/// the create's transaction id) instead of creating a second one. A change or delete names the version we wrote (its
/// change key): when Graph answers that the event changed since, it is read again, and unless it still says what we
/// wrote it is the person's edit, never overwritten: the event is theirs from then on (released) and the calendar
/// sync reads it like any booking, which ends the manual referral.
/// </summary>
internal sealed class WrittenEventKeeper(
    IOutlookEventWriter writer,
    EfWrittenEventStore written,
    ICalendarWorkQueue calendar,
    PublishMetrics metrics,
    TimeProvider time,
    ILogger<WrittenEventKeeper> logger)
{
    /// <summary>Changes by someone else between our read and our write, in a row, before the queue tries later.</summary>
    private const int MaxConflicts = 3;

    /// <summary>Brings the event to <paramref name="wanted"/>; null (the referral is gone) or empty deletes it.</summary>
    public async Task BringAsync(string personId, WrittenEventRow row, WriteBackEvent? wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.State == WrittenEventState.Released || (row.State == WrittenEventState.Deleted && row.Pending is null))
        {
            return;
        }

        if (wanted is null || wanted.IsEmpty || row.State == WrittenEventState.Deleted)
        {
            await DeleteAsync(personId, row, rereadWhenTheirs: true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var fingerprint = wanted.Fingerprint;
        if (row.EventId is null && row.Pending is not null)
        {
            // An earlier attempt may have created it and died before recording the id: look for our mark first.
            row.EventId = await writer.FindAsync(personId, row.ReferralId, cancellationToken).ConfigureAwait(false);
            if (row.EventId is not null)
            {
                row.ChangeKey = null;
                if (row.Pending == fingerprint)
                {
                    await DoneAsync(row, fingerprint).ConfigureAwait(false);
                    return;
                }

                row.Written = row.Pending;
                row.Pending = null;
                if (!await written.SaveAsync(row).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        if (row.EventId is null)
        {
            // Kept with the row, so every retry of this create sends the same transaction id.
            row.TransactionId ??= WriteBackMarker.TransactionIdOf(row.ReferralId, Guid.NewGuid());
            if (!await AskAsync(row, wanted).ConfigureAwait(false))
            {
                return;
            }

            var created = await writer.CreateAsync(personId, wanted, row.TransactionId, cancellationToken).ConfigureAwait(false);
            row.EventId = created.Id;
            row.ChangeKey = created.ChangeKey;
            row.Written = created.Fingerprint;
            if (created.Fingerprint == fingerprint)
            {
                await DoneAsync(row, fingerprint).ConfigureAwait(false);
                return;
            }

            // Graph answered the event an earlier attempt's create made (same transaction id), saying what that one
            // asked for: record it as ours, then bring it on below.
            if (!await written.SaveAsync(row).ConfigureAwait(false))
            {
                return;
            }
        }

        if (row.Written == fingerprint && row.Pending is null)
        {
            return;
        }

        if (!await AskAsync(row, wanted).ConfigureAwait(false))
        {
            return;
        }

        var eventId = row.EventId;
        var outcome = await GuardedAsync(
            personId, row, async changeKey => await writer.UpdateAsync(personId, eventId, changeKey, wanted, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (outcome == EventWriteOutcome.Done)
        {
            await DoneAsync(row, fingerprint).ConfigureAwait(false);
        }
        else
        {
            // Deleted or changed in Outlook: theirs to decide; the calendar sync ends the referral on it.
            await ReleaseAsync(personId, row, reread: true, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes the event while it is ours and still says what we wrote; one the person changed is left to them
    /// (released, answered false; with <paramref name="rereadWhenTheirs"/> their calendar is read again so the sync
    /// takes it up and ends the manual referral).
    /// </summary>
    public async Task<bool> DeleteAsync(string personId, WrittenEventRow row, bool rereadWhenTheirs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.ChangedAt == default && row.EventId is null)
        {
            // Never written (a new row for a referral that is no longer wanted): nothing to delete.
            return true;
        }

        if (row.EventId is null)
        {
            row.EventId = await writer.FindAsync(personId, row.ReferralId, cancellationToken).ConfigureAwait(false);
            row.ChangeKey = null;
        }

        // A write that was under way may have reached Graph: it is kept (unconfirmed), the event saying it is ours too.
        if (row.State != WrittenEventState.Deleted || row.Pending != WrittenEventRow.Deleting)
        {
            row.State = WrittenEventState.Deleted;
            row.Replace(WrittenEventRow.Deleting, Now);
        }

        if (!await written.SaveAsync(row).ConfigureAwait(false))
        {
            return false;
        }

        if (row.EventId is { } eventId)
        {
            var outcome = await GuardedAsync(
                personId, row, async changeKey => new EventWrite(await writer.DeleteAsync(personId, eventId, changeKey, cancellationToken).ConfigureAwait(false)),
                cancellationToken).ConfigureAwait(false);
            if (outcome == EventWriteOutcome.Stale)
            {
                await ReleaseAsync(personId, row, rereadWhenTheirs, cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await DoneAsync(row, row.Written).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Runs <paramref name="write"/> with the change key of the version we wrote. When the event changed since (Graph's
    /// 412) or its change key is not known, it is read: still what we wrote (or a write of ours under way or never
    /// confirmed, <see cref="WrittenEventRow.Ours"/>) is written again with the new key; anything else is the person's,
    /// answered <see cref="EventWriteOutcome.Stale"/> without a write. <see cref="EventWriteOutcome.Gone"/>: the event no
    /// longer exists.
    /// </summary>
    private async Task<EventWriteOutcome> GuardedAsync(
        string personId, WrittenEventRow row, Func<string, Task<EventWrite>> write, CancellationToken cancellationToken)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            if (row.ChangeKey is null)
            {
                var current = await writer.ReadAsync(personId, row.EventId!, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    return EventWriteOutcome.Gone;
                }

                if (!row.Ours.Contains(current.Fingerprint))
                {
                    return EventWriteOutcome.Stale;
                }

                row.ChangeKey = current.ChangeKey ?? throw new InvalidOperationException("Graph answered an event without its change key.");
            }

            var result = await write(row.ChangeKey).ConfigureAwait(false);
            if (result.Outcome != EventWriteOutcome.Stale)
            {
                row.ChangeKey = result.ChangeKey;
                return result.Outcome;
            }

            row.ChangeKey = null;
            if (conflicts + 1 >= MaxConflicts)
            {
                throw new PublishRefusedException($"the Outlook event kept changing between our read and our write ({MaxConflicts} times)");
            }
        }
    }

    /// <summary>Records a write under way; a new one starts its lag, a retry of the same keeps it. False: released meanwhile.</summary>
    private Task<bool> AskAsync(WrittenEventRow row, WriteBackEvent wanted)
    {
        if (row.Pending != wanted.Fingerprint)
        {
            row.Replace(wanted.Fingerprint, Now);
        }

        row.End = wanted.End;
        return written.SaveAsync(row);
    }

    private async Task DoneAsync(WrittenEventRow row, string? fingerprint)
    {
        var now = Now;
        if (row.PendingSince is { } asked)
        {
            metrics.Delivered(OutlookWriteBackPublisher.Name, (now - asked).ToTimeSpan());
        }

        row.Written = fingerprint;
        row.Settle();
        await written.SaveAsync(row).ConfigureAwait(false);
    }

    private async Task ReleaseAsync(string personId, WrittenEventRow row, bool reread, CancellationToken cancellationToken)
    {
        row.State = WrittenEventState.Released;
        row.Settle();
        row.ChangeKey = null;
        await written.SaveAsync(row).ConfigureAwait(false);
        WriteBackLog.HandedOver(logger, personId);
        if (reread)
        {
            // In full: the sync may have passed over their change while the row still said ours (a delete under way),
            // and an incremental read would not show it again.
            await calendar.RequestAsync([CalendarWork.Reread(personId, full: true)], cancellationToken).ConfigureAwait(false);
        }
    }

    private Instant Now => Instant.FromDateTimeOffset(time.GetUtcNow());
}
