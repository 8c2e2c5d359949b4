using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Talsvar;
using PresenceBot.Referrals.Timeline;
using PresenceBot.Switchboard;

namespace PresenceBot.OperatorPage;

/// <summary>Domain status and timelines → what the page shows, in Swedish, with sick disclosed as frånvarande.</summary>
internal static class OperatorView
{
    public static UnitEntry Entry(Unit unit) => new(unit.Id, unit.Name, unit.Municipality.Name);

    public static PersonEntry Entry(EffectiveStatus status, DateTimeZone zone)
    {
        var person = status.Person;
        var segment = status.Segment;
        var referral = segment?.Referral;
        return new PersonEntry(
            person.Id,
            person.Upn,
            person.Name,
            person.Unit.Id,
            person.Unit.Name,
            person.Municipality.Name,
            person.Extension,
            referral is null ? "available" : "referred",
            referral is null ? null : ReasonCatalog.SwedishWord(referral.Reason),
            referral is null || referral.Phone == PhoneState.Open ? "open" : "closed",
            segment is { Referral: not null } ? ResponseMapping.Local(segment.ReturnsAt, zone) : null,
            segment is { Referral: not null } ? TalsvarText.When(segment.ReturnsAt, status.At, zone) : null,
            status.Talsvar,
            status.ForwardedTo?.Name);
    }

    public static PersonDetail Detail(EffectiveStatus status, IReadOnlyList<TimelineSegment> ahead, DateTimeZone zone)
    {
        var referral = status.Segment?.Referral;
        var next = ahead.FirstOrDefault(s => s.Referral is not null && s.AbsentFrom > status.At);
        return new PersonDetail(
            Entry(status, zone),
            referral is null || referral.Reason == Reason.Sick ? null : referral.Note,
            referral?.Source.ToString().ToLowerInvariant(),
            next is null ? null : Stretch(new Interval(next.AbsentFrom, next.ReturnsAt), status.At, zone, next.Referral));
    }

    public static StretchEntry Stretch(Interval interval, Instant now, DateTimeZone zone, Referral? referral = null) => new(
        ResponseMapping.Local(interval.Start, zone),
        ResponseMapping.Local(interval.End, zone),
        SwedishTime.Span(interval, zone, now.InZone(zone).Date),
        referral is null ? null : ReasonCatalog.SwedishWord(referral.Reason),
        referral is null ? null : referral.Phone == PhoneState.Open ? "open" : "closed");

    public static GapEntry Gap(CoverageGap gap, Instant now, DateTimeZone zone) => new(
        Stretch(gap.Interval, now, zone),
        gap.Reachable,
        gap.Away.Select(a => $"{a.Person.Name} {a.ReasonPhrase} till {SwedishTime.Clock(a.ReturnsAt, zone)}").ToList());
}
