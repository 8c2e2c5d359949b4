using System.Globalization;
using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Talsvar;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// Words the coverage messages in Swedish, one per manager: the interval and who is away with reason phrase and
/// return time. Phrases come from <see cref="Coverage.AwayMember"/>, already disclosed (sickness reads "är frånvarande").
/// </summary>
public static class CoverageMessages
{
    public static IEnumerable<ReminderMessage> Alert(CoverageGap gap, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var today = now.InZone(zone).Date;
        var span = SwedishTime.Span(gap.Interval, zone, today);
        return ToManagers(gap.Unit, ReminderKind.CoverageAlert, Slot(gap.Interval), now,
            $"Telefontiden är inte bemannad: {gap.Unit.Name} {span}",
            Shortfall(gap.Unit.Name, gap.Unit.MinimumStaffed, gap.Reachable, span),
            AwayFacts(gap, now, zone));
    }

    public static IEnumerable<ReminderMessage> Digest(IReadOnlyList<CoverageGap> gaps, LocalDate day, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var unit = gaps[0].Unit;
        var today = now.InZone(zone).Date;
        var facts = gaps.Select(g => new ReminderFact(
                SwedishTime.Span(g.Interval, zone, day),
                g.Away.Count == 0 ? "för få i enheten" : string.Join("; ", g.Away.Select(a => Away(a, now, zone)))))
            .ToList();
        return ToManagers(unit, ReminderKind.CoverageDigest, LocalDatePattern.Iso.Format(day), now,
            $"Telefontid {SwedishTime.Day(day, today)} utan bemanning: {unit.Name}",
            gaps.Count == 1
                ? $"En lucka i telefontiden {SwedishTime.Day(day, today)}."
                : string.Create(CultureInfo.InvariantCulture, $"{gaps.Count} luckor i telefontiden {SwedishTime.Day(day, today)}."),
            facts);
    }

    public static IEnumerable<ReminderMessage> Covered(Unit unit, GapKey gap, Instant now, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(gap);
        var span = SwedishTime.Span(gap.Interval, zone, now.InZone(zone).Date);
        return ToManagers(unit, ReminderKind.CoverageCovered, Slot(gap.Interval), now,
            $"Täckt igen: {unit.Name} {span}", $"Telefontiden {span} är bemannad igen.", []);
    }

    /// <summary>"Kansli behöver minst en som kan svara 10.00–11.30, men ingen kan." — "…minst 2 …, men bara 1 kan."</summary>
    public static string Shortfall(string unit, int minimum, int reachable, string span)
    {
        var needed = minimum == 1 ? "en" : minimum.ToString(CultureInfo.InvariantCulture);
        var have = reachable == 0 ? "ingen" : string.Create(CultureInfo.InvariantCulture, $"bara {reachable}");
        return $"{unit} behöver minst {needed} som kan svara {span}, men {have} kan.";
    }

    /// <summary>The once-only slot of a gap: its interval in ISO 8601 interval notation.</summary>
    public static string Slot(Interval interval) =>
        $"{InstantPattern.ExtendedIso.Format(interval.Start)}/{InstantPattern.ExtendedIso.Format(interval.End)}";

    private static List<ReminderFact> AwayFacts(CoverageGap gap, Instant now, DateTimeZone zone) =>
        gap.Away.Select(a => new ReminderFact(a.Person.Name, Away(a, now, zone))).ToList();

    private static string Away(AwayMember away, Instant now, DateTimeZone zone) =>
        $"{away.Person.Name} {away.ReasonPhrase}, tillbaka {TalsvarText.When(away.ReturnsAt, now, zone)}";

    private static IEnumerable<ReminderMessage> ToManagers(
        Unit unit, ReminderKind kind, string slot, Instant now, string title, string text, IReadOnlyList<ReminderFact> facts) =>
        unit.ManagerIds.Select(manager => new ReminderMessage
        {
            Kind = kind,
            RecipientId = manager,
            Subject = unit.Id,
            Slot = slot,
            Title = title,
            Text = text,
            Facts = facts,
            DueAt = now,
        });
}
