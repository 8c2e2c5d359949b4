using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// Rule 10's staff warning: someone who books a meeting inside their unit's phone hours, and so leaves the unit
/// below its minimum, is told at once, naming the interval. Only bookings that close the phone and whose reason is
/// a "meeting" kind warn; nobody is warned about being sick. Only the person's own booking (calendar or Teams) warns,
/// not what an operator registered for them; and a manager of the unit is told of the gap by the manager alert and
/// digest, so never by this warning as well: one message per person per gap.
/// </summary>
public static class StaffWarningPolicy
{
    /// <param name="gapsAfter">The unit's gaps computed with the new referral in place.</param>
    public static ReminderMessage? Evaluate(
        Person person, Referral referral, IReadOnlyList<CoverageGap> gapsAfter, Instant now, DateTimeZone zone, CoverageAlertRules rules)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(gapsAfter);
        ArgumentNullException.ThrowIfNull(rules);
        if (referral.Phone != PhoneState.Closed || !rules.StaffWarningReasons.Contains(referral.Reason) || referral.EffectiveEnd <= now
            || referral.Source == ReferralSource.Switchboard || person.Unit.ManagerIds.Contains(person.Id, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var booked = new Interval(referral.Start, referral.EffectiveEnd);
        var overlaps = gapsAfter
            .Where(g => g.Unit.Id == person.Unit.Id && g.Away.Any(a => a.Person.Id == person.Id))
            .Select(g => Intersect(g.Interval, booked))
            .OfType<Interval>()
            .Where(i => i.End > now)
            .OrderBy(i => i.Start)
            .ToList();
        if (overlaps.Count == 0)
        {
            return null;
        }

        var today = now.InZone(zone).Date;
        var spans = string.Join(", ", overlaps.Select(i => SwedishTime.Span(i, zone, today)));
        return new ReminderMessage
        {
            Kind = ReminderKind.StaffPhoneHoursWarning,
            RecipientId = person.Id,
            Subject = person.Id,
            // A moved booking is a new booking to warn about; the same one seen again (at-least-once events) is not.
            Slot = $"{referral.Id:N}/{CoverageMessages.Slot(booked)}",
            Title = $"Din bokning ligger i telefontiden {spans}",
            Text = person.Unit.MinimumStaffed == 1
                ? $"{person.Unit.Name} har då ingen som kan svara i telefon. Möten ska inte läggas i den egna telefontiden — boka om eller ordna ersättare."
                : $"{person.Unit.Name} har då färre än {person.Unit.MinimumStaffed} som kan svara i telefon. Möten ska inte läggas i den egna telefontiden — boka om eller ordna ersättare.",
            Facts = [new ReminderFact("Obemannat", spans)],
            DueAt = now,
        };
    }

    private static Interval? Intersect(Interval a, Interval b)
    {
        var start = a.Start > b.Start ? a.Start : b.Start;
        var end = a.End < b.End ? a.End : b.End;
        return start < end ? new Interval(start, end) : null;
    }
}
