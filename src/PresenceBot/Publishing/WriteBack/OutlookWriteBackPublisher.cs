using NodaTime;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Service;
using PresenceBot.WorkQueue;
using WriteBackSetting = PresenceBot.Referrals.Organisation.WriteBack;

namespace PresenceBot.Publishing.WriteBack;

/// <summary>
/// Outlook write-back: each manual referral (Teams or switchboard, never the calendar's own) of a person whose
/// municipality has <c>"writeBack": "calendar"</c> and whose coupling is not off becomes a private event in their calendar,
/// <c>SAM: Sammanträde</c> for the referral's period (<see cref="WriteBackComposer"/>: sick is <c>FRÅ: Frånvarande</c>).
/// A change moves or shortens it, a return ends it at the return, a removed referral deletes it. What was written is
/// recorded before each write (<see cref="WrittenEventRow"/>), so a retry after a crash finds the event by its mark
/// instead of creating a second one, and the calendar sync knows its own echo. An event the person edited or deleted is
/// theirs (released by the sync) and never written again.
/// </summary>
internal sealed class OutlookWriteBackPublisher(IOutlookEventWriter writer, EfWrittenEventStore written, IReferralStore referrals) : IPublisher
{
    public const string Name = "outlook";

    /// <summary>A row whose event ended longer ago than this is settled: a manual referral can't change once over.</summary>
    private static readonly Duration Settled = Duration.FromDays(1);

    /// <summary>Marks a deletion under way in <see cref="WrittenEventRow.Pending"/>.</summary>
    private const string Deleting = "delete";

    public WorkKind Kind { get; } = PublishSetup.KindFor(Name);

    public bool Covers(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Municipality.WriteBack == WriteBackSetting.Calendar && person.CalendarCoupling != CalendarCoupling.Off;
    }

    public async Task PublishAsync(EffectiveStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var personId = status.Person.Id;
        var now = status.At;
        var rows = await written.OpenAsync(personId, now - Settled, cancellationToken).ConfigureAwait(false);
        var since = Instant.Min(now, rows.Count == 0 ? now : rows.Min(r => r.End)) - Duration.FromSeconds(1);
        var state = await referrals.LoadAsync(personId, since, [], cancellationToken).ConfigureAwait(false);
        var manual = state.Referrals.Where(r => r.OverridesCalendar).ToDictionary(r => r.Id);

        foreach (var row in rows)
        {
            var wanted = manual.TryGetValue(row.ReferralId, out var referral) ? WriteBackComposer.Compose(referral) : null;
            await BringAsync(personId, row, wanted, cancellationToken).ConfigureAwait(false);
        }

        var known = rows.Select(r => r.ReferralId).ToHashSet();
        foreach (var referral in manual.Values.Where(r => !known.Contains(r.Id) && r.EffectiveEnd > now).OrderBy(r => r.Start))
        {
            var wanted = WriteBackComposer.Compose(referral);
            if (!wanted.IsEmpty)
            {
                var row = new WrittenEventRow { ReferralId = referral.Id, PersonId = personId, End = wanted.End };
                await BringAsync(personId, row, wanted, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Brings one event to <paramref name="wanted"/>; null (the referral is gone) or empty deletes it.</summary>
    private async Task BringAsync(string personId, WrittenEventRow row, WriteBackEvent? wanted, CancellationToken cancellationToken)
    {
        if (row.State == WrittenEventState.Released || (row.State == WrittenEventState.Deleted && row.Pending is null))
        {
            return;
        }

        if (wanted is null || wanted.IsEmpty || row.State == WrittenEventState.Deleted)
        {
            await DeleteAsync(personId, row, cancellationToken).ConfigureAwait(false);
            return;
        }

        var fingerprint = wanted.Fingerprint;
        if (row.EventId is null && row.Pending is not null)
        {
            // An earlier attempt may have created it and died before recording the id: look for our mark first.
            row.EventId = await writer.FindAsync(personId, row.ReferralId, cancellationToken).ConfigureAwait(false);
            if (row.EventId is not null)
            {
                row.Written = row.Pending;
                row.Pending = null;
                if (!await written.SaveAsync(row, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        if (row.EventId is null)
        {
            row.Pending = fingerprint;
            row.End = wanted.End;
            if (!await written.SaveAsync(row, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            row.EventId = await writer.CreateAsync(personId, wanted, cancellationToken).ConfigureAwait(false);
        }
        else if (row.Written != fingerprint)
        {
            row.Pending = fingerprint;
            row.End = wanted.End;
            if (!await written.SaveAsync(row, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (!await writer.UpdateAsync(personId, row.EventId, wanted, cancellationToken).ConfigureAwait(false))
            {
                // The person deleted it in Outlook: theirs to decide; the calendar sync ends the referral on its removal.
                row.State = WrittenEventState.Released;
                row.Pending = null;
                await written.SaveAsync(row, CancellationToken.None).ConfigureAwait(false);
                return;
            }
        }
        else
        {
            return;
        }

        row.Written = fingerprint;
        row.Pending = null;
        await written.SaveAsync(row, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string personId, WrittenEventRow row, CancellationToken cancellationToken)
    {
        if (row.ChangedAt == default && row.EventId is null)
        {
            // Never written (a new row for a referral that is no longer wanted): nothing to delete.
            return;
        }

        row.EventId ??= await writer.FindAsync(personId, row.ReferralId, cancellationToken).ConfigureAwait(false);
        row.State = WrittenEventState.Deleted;
        row.Pending = Deleting;
        if (!await written.SaveAsync(row, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (row.EventId is not null)
        {
            await writer.DeleteAsync(personId, row.EventId, cancellationToken).ConfigureAwait(false);
        }

        row.Pending = null;
        await written.SaveAsync(row, CancellationToken.None).ConfigureAwait(false);
    }
}
