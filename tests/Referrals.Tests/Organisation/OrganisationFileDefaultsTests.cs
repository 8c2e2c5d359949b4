using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Tests.Organisation;

public sealed class OrganisationFileDefaultsTests
{
    private static readonly IsoDayOfWeek[] MondayToFriday =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    [Fact]
    public void Minimal_file_gets_stockholm_time_zone()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Minimal, "minimal.json");

        Assert.Equal("Europe/Stockholm", organisation.TimeZone.Id);
    }

    [Fact]
    public void Minimal_file_works_monday_to_friday_eight_to_five()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Minimal, "minimal.json");

        Assert.Equal(MondayToFriday, organisation.WorkingHours.Days.Order());
        Assert.Equal(new LocalTime(8, 0), organisation.WorkingHours.Start);
        Assert.Equal(new LocalTime(17, 0), organisation.WorkingHours.End);
    }

    [Fact]
    public void Minimal_file_has_no_extra_non_working_days()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Minimal, "minimal.json");

        Assert.Empty(organisation.ExtraNonWorkingDays);
    }

    [Fact]
    public void Minimal_file_takes_calls_monday_to_friday_eight_to_four()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Minimal, "minimal.json");

        var rule = Assert.Single(organisation.DefaultPhoneHours);
        Assert.Equal(MondayToFriday, rule.Days.Order());
        Assert.Equal(new LocalTime(8, 0), rule.From);
        Assert.Equal(new LocalTime(16, 0), rule.To);
    }

    [Fact]
    public void Minimal_file_couples_calendars_closed_and_merges_gaps_up_to_fifteen_minutes()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Minimal, "minimal.json");

        Assert.Equal(CalendarCoupling.Closed, organisation.CalendarCoupling.Default);
        Assert.Equal(Duration.FromMinutes(15), organisation.CalendarCoupling.MergeGap);
    }

    [Fact]
    public void Minimal_unit_uses_default_phone_hours_needs_one_person_is_not_spoken_and_has_no_managers()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Minimal, "minimal.json");

        var unit = Assert.Single(organisation.Units);
        Assert.Same(organisation.DefaultPhoneHours, unit.PhoneHours);
        Assert.Equal(1, unit.MinimumStaffed);
        Assert.False(unit.SpokenInTalsvar);
        Assert.Empty(unit.ManagerIds);
    }

    [Fact]
    public void Minimal_person_gets_default_coupling_and_no_extension()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Minimal, "minimal.json");

        var person = Assert.Single(organisation.People);
        Assert.Equal(CalendarCoupling.Closed, person.CalendarCoupling);
        Assert.Null(person.Extension);
    }

    [Fact]
    public void Person_without_coupling_follows_a_non_default_organisation_coupling()
    {
        var json = OrganisationJson.FullWith(root => root["calendarCoupling"]!["default"] = "open");

        var organisation = OrganisationFile.Parse(json, "test.json");

        Assert.All(organisation.People, p => Assert.Equal(CalendarCoupling.Open, p.CalendarCoupling));
    }

    [Fact]
    public void Person_coupling_is_read_ignoring_case()
    {
        var json = OrganisationJson.FullWith(root => root["people"]![0]!["calendarCoupling"] = "OFF");

        var organisation = OrganisationFile.Parse(json, "test.json");

        Assert.Equal(CalendarCoupling.Off, organisation.FindPerson("p1")!.CalendarCoupling);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed()
    {
        const string json = """
            {
              // The shared switchboard.
              "municipalities": [ { "id": "lycksele", "name": "Lycksele kommun", }, ],
              /* one unit */
              "units": [ { "id": "kansli", "name": "Kansli", "municipality": "lycksele" } ],
              "people": [ { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli" } ],
            }
            """;

        var organisation = OrganisationFile.Parse(json, "commented.json");

        Assert.Single(organisation.People);
    }

    [Fact]
    public void Person_is_found_by_upn_ignoring_case()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Full, "test.json");

        var person = organisation.FindPerson("KIM.Krona@Lycksele.SE");

        Assert.NotNull(person);
        Assert.Equal("p1", person.Id);
    }

    [Fact]
    public void References_match_ids_ignoring_case_and_managers_keep_the_persons_own_spelling()
    {
        var json = OrganisationJson.FullWith(root =>
        {
            root["units"]![0]!["municipality"] = "LYCKSELE";
            root["units"]![0]!["managers"] = new System.Text.Json.Nodes.JsonArray("P1");
            root["people"]![0]!["unit"] = "Kansli";
        });

        var organisation = OrganisationFile.Parse(json, "test.json");

        var kansli = organisation.FindUnit("kansli")!;
        Assert.Equal("lycksele", kansli.Municipality.Id);
        Assert.Equal(["p1"], kansli.ManagerIds);
        Assert.Same(kansli, organisation.FindPerson("p1")!.Unit);
    }

    [Fact]
    public void Unit_with_its_own_phone_hours_keeps_them()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Full, "test.json");

        var kansli = organisation.FindUnit("kansli")!;

        Assert.Equal(2, kansli.PhoneHours.Count);
        Assert.Equal([IsoDayOfWeek.Wednesday], kansli.PhoneHours[1].Days);
        Assert.Equal(new LocalTime(11, 0), kansli.PhoneHours[1].To);
    }

    [Fact]
    public void Load_reads_the_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"organisation-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, OrganisationJson.Minimal);
        try
        {
            var organisation = OrganisationFile.Load(path);

            Assert.Single(organisation.People);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
