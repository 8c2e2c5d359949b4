using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;
using PresenceBot.Referrals.WorkingTime;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// Finds the minutes of a unit's phone hours with fewer than <see cref="Unit.MinimumStaffed"/> reachable members.
/// A member is unreachable only while a referral with a closed phone is in force; remote work and open referrals
/// leave the phone ringing, so they count as reachable. Pure: a sweep over segment boundaries, no I/O.
/// </summary>
public static class CoverageCalculator
{
    public static IReadOnlyList<CoverageGap> Gaps(
        Unit unit, IReadOnlyList<MemberTimeline> members, Interval window, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(members);
        var gaps = new List<CoverageGap>();
        new CoverageSweep().AddGaps(unit, members, [.. PhoneHours.Within(unit, window, calendar)], gaps);
        return gaps;
    }

    /// <summary>
    /// <see cref="Gaps"/> of every unit of <paramref name="organisation"/> in unit order, each member's segments taken from
    /// <paramref name="timelines"/> (by person id): what the coverage round computes every minute.
    /// </summary>
    /// <remarks>
    /// Units that share a schedule (the organisation's default, which the organisation file puts on every unit
    /// without one of its own) get their phone hours worked out once, and one sweep's buffers serve every unit.
    /// </remarks>
    public static IReadOnlyList<CoverageGap> GapsOfEveryUnit(
        OrganisationModel organisation, IReadOnlyDictionary<string, IReadOnlyList<TimelineSegment>> timelines, Interval window, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(timelines);
        var phoneHoursBySchedule = new Dictionary<IReadOnlyList<PhoneHoursRule>, Interval[]>(ReferenceEqualityComparer.Instance);
        var sweep = new CoverageSweep();
        var members = new List<MemberTimeline>();
        var gaps = new List<CoverageGap>();
        foreach (var unit in organisation.Units)
        {
            if (!phoneHoursBySchedule.TryGetValue(unit.PhoneHours, out var phoneHours))
            {
                phoneHours = [.. PhoneHours.Within(unit, window, calendar)];
                phoneHoursBySchedule.Add(unit.PhoneHours, phoneHours);
            }

            members.Clear();
            foreach (var person in organisation.MembersOf(unit))
            {
                members.Add(new MemberTimeline(person, timelines[person.Id]));
            }

            sweep.AddGaps(unit, members, phoneHours, gaps);
        }

        return gaps;
    }

    /// <summary>Closed phone, and not remote work (someone working remotely answers even if a booking says otherwise).</summary>
    public static bool IsUnreachable(TimelineSegment segment) =>
        segment.Referral is { Phone: PhoneState.Closed } referral && referral.Reason != Reason.Remote;
}
