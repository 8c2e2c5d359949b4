using NodaTime;
using PresenceBot.Referrals.Organisation;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>
/// A small organisation built in code: Europe/Stockholm, Mon–Fri 08:00–17:00, merge gap 15 minutes,
/// one municipality ("Lycksele kommun"), one unit, and one person per calendar coupling.
/// </summary>
internal static class TestOrganisation
{
    /// <summary>Coupling closed (the default): a booking closes the phone.</summary>
    public const string Kim = "kim-krona";

    /// <summary>Coupling open: the referral is shown but the phone still rings.</summary>
    public const string Olle = "olle-open";

    /// <summary>Coupling off: the calendar never speaks for her.</summary>
    public const string Alva = "alva-off";

    public static readonly Duration MergeGap = Duration.FromMinutes(15);

    public static readonly Municipality Lycksele = new("lycksele", "Lycksele kommun");

    public static readonly Unit Kansliet = new()
    {
        Id = "kansliet",
        Name = "Kansliet",
        Municipality = Lycksele,
        ManagerIds = ["chef"],
        MinimumStaffed = 1,
        PhoneHours = [new PhoneHoursRule(MondayToFriday, new LocalTime(8, 0), new LocalTime(16, 0))],
    };

    public static readonly OrganisationModel Current = Build();

    public static Person Person(string id) => Current.FindPerson(id) ?? throw new ArgumentException($"No test person '{id}'.", nameof(id));

    private static OrganisationModel Build()
    {
        var people = new List<Person>
        {
            NewPerson(Kim, "Kim Krona", CalendarCoupling.Closed),
            NewPerson(Olle, "Olle Öppen", CalendarCoupling.Open),
            NewPerson(Alva, "Alva Av", CalendarCoupling.Off),
        };

        return new OrganisationModel(
            Stockholm,
            new WorkingHours(MondayToFriday, new LocalTime(8, 0), new LocalTime(17, 0)),
            new HashSet<LocalDate>(),
            Kansliet.PhoneHours,
            new CalendarCouplingSettings(CalendarCoupling.Closed, MergeGap),
            [Lycksele],
            [Kansliet],
            people);
    }

    private static Person NewPerson(string id, string name, CalendarCoupling coupling) => new()
    {
        Id = id,
        Upn = $"{id}@lycksele.se",
        Name = name,
        Unit = Kansliet,
        CalendarCoupling = coupling,
    };
}

/// <summary>An organisation source that never changes.</summary>
internal sealed class FixedOrganisationSource(OrganisationModel current) : IOrganisationSource
{
    public OrganisationModel Current => current;
}
