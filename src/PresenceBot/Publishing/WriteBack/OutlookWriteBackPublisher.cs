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
/// A change moves or shortens it, a return ends it at the return, a removed referral deletes it
/// (<see cref="WrittenEventKeeper"/>). An event the person edited or deleted is theirs (released) and never written
/// again. Someone no longer written back to is cleaned up by <see cref="OutlookWriteBackCleanup"/>.
/// </summary>
internal sealed class OutlookWriteBackPublisher(WrittenEventKeeper keeper, EfWrittenEventStore written, IReferralStore referrals) : IPublisher
{
    public const string Name = "outlook";

    /// <summary>A row whose event ended longer ago than this is settled: a manual referral can't change once over.</summary>
    private static readonly Duration Settled = Duration.FromDays(1);

    public WorkKind Kind { get; } = PublishSetup.KindFor(Name);

    public bool Covers(Person person) => WritesBack(person);

    /// <summary>Whether <paramref name="person"/>'s manual referrals are written into their calendar.</summary>
    public static bool WritesBack(Person person)
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
            await keeper.BringAsync(personId, row, wanted, cancellationToken).ConfigureAwait(false);
        }

        var known = rows.Select(r => r.ReferralId).ToHashSet();
        foreach (var referral in manual.Values.Where(r => !known.Contains(r.Id) && r.EffectiveEnd > now).OrderBy(r => r.Start))
        {
            var wanted = WriteBackComposer.Compose(referral);
            if (!wanted.IsEmpty)
            {
                var row = new WrittenEventRow { ReferralId = referral.Id, PersonId = personId, End = wanted.End };
                await keeper.BringAsync(personId, row, wanted, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
