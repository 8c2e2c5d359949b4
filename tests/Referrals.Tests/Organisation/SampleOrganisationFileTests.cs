using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Tests.Organisation;

public sealed class SampleOrganisationFileTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json");

    [Fact]
    public void Shipped_sample_loads_with_five_municipalities_six_units_and_ten_people()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        Assert.Equal(
            ["dorotea", "lycksele", "storuman", "vilhelmina", "asele"],
            organisation.Municipalities.Select(m => m.Id));
        Assert.Equal(6, organisation.Units.Count);
        Assert.Equal(10, organisation.People.Count);
        Assert.Equal("Europe/Stockholm", organisation.TimeZone.Id);
        Assert.Contains(new LocalDate(2026, 5, 15), organisation.ExtraNonWorkingDays);
    }

    [Fact]
    public void Sample_has_kim_krona_in_kansli_lycksele_with_closed_coupling()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        var kim = organisation.FindPerson("6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f");

        Assert.NotNull(kim);
        Assert.Equal("kim.krona@lycksele.se", kim.Upn);
        Assert.Equal("Kim Krona", kim.Name);
        Assert.Equal("0950-16626", kim.Extension);
        Assert.Equal(CalendarCoupling.Closed, kim.CalendarCoupling);
        Assert.Equal("kansli-lycksele", kim.Unit.Id);
        Assert.Equal("Lycksele kommun", kim.Municipality.Name);
    }

    [Fact]
    public void Sample_kansli_lycksele_takes_calls_nine_to_twelve_on_weekdays()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        var kansli = organisation.FindUnit("kansli-lycksele")!;

        var rule = Assert.Single(kansli.PhoneHours);
        Assert.Equal(new LocalTime(9, 0), rule.From);
        Assert.Equal(new LocalTime(12, 0), rule.To);
        Assert.Equal(5, rule.Days.Count);
        Assert.Equal(1, kansli.MinimumStaffed);
    }

    [Fact]
    public void Sample_unit_without_phone_hours_gets_the_default_phone_hours()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        var bygg = organisation.FindUnit("bygg-och-miljo-vilhelmina")!;

        Assert.Same(organisation.DefaultPhoneHours, bygg.PhoneHours);
        var rule = Assert.Single(bygg.PhoneHours);
        Assert.Equal(new LocalTime(8, 0), rule.From);
        Assert.Equal(new LocalTime(16, 0), rule.To);
    }

    [Fact]
    public void Sample_person_without_coupling_gets_the_organisation_default()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        var peter = organisation.FindPerson("peter.lund@lycksele.se")!;

        Assert.Equal(organisation.CalendarCoupling.Default, peter.CalendarCoupling);
        Assert.Equal(CalendarCoupling.Closed, peter.CalendarCoupling);
    }

    [Fact]
    public void Sample_uses_every_calendar_coupling()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        Assert.Contains(organisation.People, p => p.CalendarCoupling == CalendarCoupling.Open);
        Assert.Contains(organisation.People, p => p.CalendarCoupling == CalendarCoupling.Off);
    }

    [Fact]
    public void Sample_managers_are_people_in_the_file()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        Assert.All(
            organisation.Units.SelectMany(u => u.ManagerIds),
            id => Assert.NotNull(organisation.FindPerson(id)));
    }

    [Fact]
    public void Sample_only_skola_dorotea_is_spoken_in_talsvar()
    {
        var organisation = OrganisationFile.Load(SamplePath);

        Assert.Equal(["skola-dorotea"], organisation.Units.Where(u => u.SpokenInTalsvar).Select(u => u.Id));
        Assert.Equal(2, organisation.FindUnit("socialtjanst-storuman")!.MinimumStaffed);
    }
}
