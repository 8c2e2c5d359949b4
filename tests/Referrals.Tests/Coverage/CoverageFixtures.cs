using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Coverage;

/// <summary>Units, people and referrals built in code for coverage and alert tests (Stockholm, Mon–Fri 08–17).</summary>
internal static class CoverageFixtures
{
    public static readonly Municipality Lycksele = new("lycksele", "Lycksele kommun");

    public static Unit Unit(int minimumStaffed = 1, string from = "08:00", string to = "16:00", IReadOnlySet<IsoDayOfWeek>? days = null) => new()
    {
        Id = "kansli",
        Name = "Kansli",
        Municipality = Lycksele,
        ManagerIds = ["chef-1", "chef-2"],
        MinimumStaffed = minimumStaffed,
        PhoneHours = [new PhoneHoursRule(days ?? MondayToFriday, Time(from), Time(to))],
    };

    public static Person Person(Unit unit, string id, string name) => new()
    {
        Id = id,
        Upn = $"{id}@lycksele.se",
        Name = name,
        Unit = unit,
        CalendarCoupling = CalendarCoupling.Closed,
    };

    public static Referral Referral(Person person, Reason reason, string from, string to, PhoneState? phone = null) =>
        new(Guid.NewGuid(), person.Id, reason, At(from), At(to), phone ?? ReasonCatalog.DefaultPhone(reason), ReferralSource.Manual);

    /// <summary>The member's effective segments over the window, as the referral service would compute them.</summary>
    public static MemberTimeline Member(Person person, Interval window, params Referral[] referrals) =>
        new(person, ReferralTimeline.Compute(referrals, null, Duration.FromMinutes(15), window));

    public static Interval Day(string date) => new(At($"{date}T00:00"), At($"{Date(date).PlusDays(1):uuuu-MM-dd}T00:00"));

    public static Interval Span(string from, string to) => new(At(from), At(to));

    /// <summary>A Stockholm wall-clock time written to the minute ("2026-11-23T09:00").</summary>
    public static Instant At(string iso) => Local(iso.Length == 16 ? iso + ":00" : iso);

    public static LocalTime Time(string hhmm) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(hhmm).Value;
}
