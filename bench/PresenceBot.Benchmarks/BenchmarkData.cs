using NodaTime;
using PresenceBot.Bench;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Benchmarks;

/// <summary>
/// 10,000 people with 20 referrals each over the working week of Monday 2026-11-23, read at a fixed
/// "now" (Wednesday 10:20 Stockholm time) so every run measures the same state.
/// </summary>
internal sealed class BenchmarkData
{
    public const int ReferralsPerPerson = 20;

    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];
    private static readonly LocalDate Monday = new(2026, 11, 23);

    private BenchmarkData(OrganisationModel organisation, IReadOnlyDictionary<string, PersonReferrals> state, Instant now)
    {
        Organisation = organisation;
        State = state;
        Now = now;
    }

    public static Instant FixedNow { get; } = At(2, 10, 20);

    /// <summary>Start of Monday 2026-11-23, the first day with referrals.</summary>
    public static Instant WeekStart { get; } = Monday.AtStartOfDayInZone(Stockholm).ToInstant();

    public OrganisationModel Organisation { get; }

    public IReadOnlyDictionary<string, PersonReferrals> State { get; }

    public Instant Now { get; }

    /// <summary>The week's data for <paramref name="people"/> people; units of about 30 unless <paramref name="peoplePerUnit"/> says otherwise.</summary>
    public static BenchmarkData Create(int people, int peoplePerUnit = 30)
    {
        var (json, _) = OrganisationGenerator.Generate(people, peoplePerUnit);
        var organisation = OrganisationFile.Parse(json, "generated.json");
        var random = new Random(42);
        var state = new Dictionary<string, PersonReferrals>(organisation.People.Count);
        foreach (var person in organisation.People)
        {
            state[person.Id] = ReferralsOf(person, random);
        }

        return new BenchmarkData(organisation, state, FixedNow);
    }

    /// <summary>
    /// 15 calendar bookings (each day two back-to-back morning meetings, one afternoon meeting or
    /// training), 5 manual or switchboard referrals (lunch, an errand that overrides a booking, an
    /// absence ended early by "tillbaka", a remote day, a sick or vacation afternoon).
    /// </summary>
    private static PersonReferrals ReferralsOf(Person person, Random random)
    {
        var id = person.Id;
        var jitter = 15 * random.Next(0, 4);
        var phone = person.CalendarCoupling == CalendarCoupling.Open ? PhoneState.Open : PhoneState.Closed;
        var list = new List<Referral>(ReferralsPerPerson);
        for (var day = 0; day < 5; day++)
        {
            var gap = random.Next(0, 3) * 5;
            var firstEnd = At(day, 10, jitter);
            Instant? endedEarly = day == 2 && random.Next(3) == 0 ? At(day, 9, jitter + 20) : null;
            list.Add(Calendar(id, day, 0, Reason.Meeting, At(day, 9, jitter), firstEnd, phone, endedEarly));
            list.Add(Calendar(id, day, 1, Reason.Meeting, firstEnd + Duration.FromMinutes(gap), At(day, 11, jitter), phone, null));
            list.Add(Calendar(id, day, 2, day % 2 == 1 ? Reason.Training : Reason.Meeting, At(day, 13, 0), At(day, 14, 30), phone, null));
        }

        list.Add(Manual(id, Reason.Lunch, At(0, 12, 0), At(0, 12, 45), ReferralSource.Manual, null));
        list.Add(Manual(id, Reason.Errand, At(1, 14, 0), At(1, 16, 0), ReferralSource.Switchboard, null));
        var back = At(2, 8, 30);
        list.Add(Manual(id, Reason.Away, At(2, 8, 0), At(2, 12, 0), ReferralSource.Manual, back));
        list.Add(Manual(id, Reason.Remote, At(3, 8, 0), At(3, 17, 0), ReferralSource.Manual, null));
        list.Add(Manual(id, random.Next(10) == 0 ? Reason.Sick : Reason.Vacation, At(4, 13, 0), At(4, 16, 30), ReferralSource.Manual, null));
        return new PersonReferrals(id, ReferralsPerPerson, back, list);
    }

    private static Referral Calendar(string personId, int day, int slot, Reason reason, Instant start, Instant end, PhoneState phone, Instant? endedAt) =>
        new(Guid.NewGuid(), personId, reason, start, end, phone, ReferralSource.Calendar, externalKey: $"evt-{day}-{slot}", endedAt: endedAt);

    private static Referral Manual(string personId, Reason reason, Instant start, Instant end, ReferralSource source, Instant? endedAt) =>
        new(Guid.NewGuid(), personId, reason, start, end, ReasonCatalog.DefaultPhone(reason), source, endedAt: endedAt);

    private static Instant At(int day, int hour, int minute) =>
        Monday.PlusDays(day).At(new LocalTime(hour, 0)).PlusMinutes(minute).InZoneLeniently(Stockholm).ToInstant();
}

/// <summary>Always the same instant, so results don't depend on when the benchmark runs.</summary>
internal sealed class FixedTimeProvider(Instant now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToDateTimeOffset();
}

internal sealed class FixedOrganisationSource(OrganisationModel organisation) : IOrganisationSource
{
    public OrganisationModel Current { get; } = organisation;
}
