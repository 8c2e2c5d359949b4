using System.Text.Json.Nodes;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Tests.Organisation;

public sealed class OrganisationFileValidationTests
{
    [Fact]
    public void Full_test_file_is_valid()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Full, "test.json");

        Assert.Equal(3, organisation.People.Count);
    }

    [Fact]
    public void Person_in_unknown_unit_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]![2]!["unit"] = "kansli-x");

        Assert.Equal(["people[2].unit: unknown unit 'kansli-x'"], problems);
    }

    [Fact]
    public void Phone_hours_ending_before_they_start_are_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root =>
        {
            root["units"]![0]!["phoneHours"]![1]!["to"] = "08:00";
        });

        Assert.Equal(["units[0].phoneHours[1].to: '08:00' is not after from '09:00'"], problems);
    }

    [Fact]
    public void Phone_hours_ending_when_they_start_are_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["defaultPhoneHours"]![0]!["to"] = "08:00");

        Assert.Equal(["defaultPhoneHours[0].to: '08:00' is not after from '08:00'"], problems);
    }

    [Fact]
    public void Working_hours_ending_before_they_start_are_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["workingHours"]!["end"] = "07:00");

        Assert.Equal(["workingHours.end: '07:00' is not after start '08:00'"], problems);
    }

    [Fact]
    public void Unknown_time_zone_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["timeZone"] = "Europe/Stokholm");

        Assert.Equal(["timeZone: unknown time zone 'Europe/Stokholm'"], problems);
    }

    [Fact]
    public void Duplicate_person_id_is_reported_with_the_first_occurrence_even_when_case_differs()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]![2]!["id"] = "P1");

        Assert.Equal(["people[2].id: duplicate id 'P1' (also people[0])"], problems);
    }

    [Fact]
    public void Duplicate_unit_id_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["units"]![1]!["id"] = "kansli");

        // Renaming the unit also leaves its people pointing at a unit that no longer exists.
        Assert.Equal(
            [
                "units[1].id: duplicate id 'kansli' (also units[0])",
                "people[1].unit: unknown unit 'social'",
                "people[2].unit: unknown unit 'social'",
            ],
            problems);
    }

    [Fact]
    public void Duplicate_municipality_id_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["municipalities"]![1]!["id"] = "Lycksele");

        Assert.Equal(
            [
                "municipalities[1].id: duplicate id 'Lycksele' (also municipalities[0])",
                "units[1].municipality: unknown municipality 'storuman'",
            ],
            problems);
    }

    [Fact]
    public void Duplicate_upn_is_reported_ignoring_case()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]![1]!["upn"] = "Kim.Krona@lycksele.se");

        Assert.Equal(["people[1].upn: duplicate upn 'Kim.Krona@lycksele.se' (also people[0])"], problems);
    }

    [Fact]
    public void Unknown_manager_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["units"]![0]!["managers"] = new JsonArray("x"));

        Assert.Equal(["units[0].managers[0]: unknown person 'x'"], problems);
    }

    [Fact]
    public void Unit_in_unknown_municipality_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["units"]![1]!["municipality"] = "y");

        Assert.Equal(["units[1].municipality: unknown municipality 'y'"], problems);
    }

    [Fact]
    public void Unknown_day_is_reported_with_the_days_that_are_allowed()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["workingHours"]!["days"]![2] = "fre");

        Assert.Equal(["workingHours.days[2]: 'fre' is not a day (mon, tue, wed, thu, fri, sat, sun)"], problems);
    }

    [Fact]
    public void Empty_day_list_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["units"]![0]!["phoneHours"]![0]!["days"] = new JsonArray());

        Assert.Equal(["units[0].phoneHours[0].days: must name at least one day"], problems);
    }

    [Fact]
    public void Invalid_date_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["extraNonWorkingDays"] = new JsonArray("2026-13-01"));

        Assert.Equal(["extraNonWorkingDays[0]: '2026-13-01' is not a date (yyyy-MM-dd)"], problems);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("8:00")]
    [InlineData("08.00")]
    [InlineData("8 am")]
    public void Time_not_written_as_hh_mm_is_reported(string time)
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["workingHours"]!["start"] = time);

        Assert.Equal([$"workingHours.start: '{time}' is not a time (HH:mm)"], problems);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(241)]
    public void Merge_gap_outside_zero_to_240_minutes_is_reported(int minutes)
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["calendarCoupling"]!["mergeGapMinutes"] = minutes);

        Assert.Equal(["calendarCoupling.mergeGapMinutes: must be between 0 and 240"], problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(240)]
    public void Merge_gap_at_the_limits_is_accepted(int minutes)
    {
        var json = OrganisationJson.FullWith(root => root["calendarCoupling"]!["mergeGapMinutes"] = minutes);

        var organisation = OrganisationFile.Parse(json, "test.json");

        Assert.Equal(minutes, organisation.CalendarCoupling.MergeGap.TotalMinutes);
    }

    [Theory]
    [InlineData("kim")]
    [InlineData("@lycksele.se")]
    [InlineData("kim@")]
    [InlineData("kim@lycksele")]
    [InlineData("kim@@lycksele.se")]
    [InlineData("kim krona@lycksele.se")]
    public void Upn_that_is_not_name_at_domain_is_reported(string upn)
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]![0]!["upn"] = upn);

        Assert.Equal([$"people[0].upn: '{upn}' is not a UPN (name@domain)"], problems);
    }

    [Theory]
    [InlineData("people", 2, "id")]
    [InlineData("people", 0, "upn")]
    [InlineData("people", 0, "name")]
    [InlineData("people", 2, "unit")]
    [InlineData("units", 0, "name")]
    [InlineData("municipalities", 1, "name")]
    public void Missing_required_field_is_reported(string collection, int index, string field)
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root[collection]![index]!.AsObject().Remove(field));

        Assert.Equal([$"{collection}[{index}].{field}: required"], problems);
    }

    [Fact]
    public void Blank_required_field_counts_as_missing()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]![0]!["name"] = "  ");

        Assert.Equal(["people[0].name: required"], problems);
    }

    [Theory]
    [InlineData("municipalities")]
    [InlineData("units")]
    [InlineData("people")]
    public void Missing_required_section_is_reported(string section)
    {
        var json = OrganisationJson.FullWith(root =>
        {
            root.Remove(section);

            // Drop what referred into the removed section so only the missing section itself is reported.
            if (section == "municipalities")
            {
                root.Remove("units");
                root.Remove("people");
                root["units"] = new JsonArray();
                root["people"] = new JsonArray();
            }
            else if (section == "units")
            {
                root["people"] = new JsonArray();
            }
            else
            {
                foreach (var unit in root["units"]!.AsArray())
                {
                    unit!.AsObject().Remove("managers");
                }
            }
        });

        Assert.Equal([$"{section}: required"], OrganisationJson.ProblemsOf(json));
    }

    [Fact]
    public void Missing_time_in_phone_hours_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["units"]![0]!["phoneHours"]![0]!.AsObject().Remove("from"));

        Assert.Equal(["units[0].phoneHours[0].from: required"], problems);
    }

    [Fact]
    public void Duplicate_extension_is_reported_even_when_written_differently()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]![2]!["extension"] = "0950 16626");

        Assert.Equal(["people[2].extension: duplicate extension '0950 16626' (also people[0])"], problems);
    }

    [Fact]
    public void Unknown_calendar_coupling_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root =>
        {
            root["calendarCoupling"]!["default"] = "shut";
            root["people"]![1]!["calendarCoupling"] = "ajar";
        });

        Assert.Equal(
            [
                "calendarCoupling.default: 'shut' is not a calendar coupling (closed, open, off)",
                "people[1].calendarCoupling: 'ajar' is not a calendar coupling (closed, open, off)",
            ],
            problems);
    }

    [Fact]
    public void Negative_minimum_staffed_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["units"]![1]!["minimumStaffed"] = -1);

        Assert.Equal(["units[1].minimumStaffed: must be 0 or more"], problems);
    }

    [Fact]
    public void Misspelt_field_is_reported_instead_of_silently_ignored()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root =>
        {
            root["units"]![1]!["phonehours"] = new JsonArray();
            root["holidays"] = new JsonArray();
        });

        Assert.Equal(
            [
                "holidays: unknown field",
                "units[1].phonehours: unknown field (did you mean 'phoneHours'?)",
            ],
            problems);
    }

    [Fact]
    public void Null_entry_in_a_list_is_reported()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]!.AsArray().Add(null));

        Assert.Equal(["people[3]: must not be null"], problems);
    }

    [Fact]
    public void Text_that_is_not_json_is_reported_with_line_and_position()
    {
        const string json = "{\n  \"timeZone\": \"Europe/Stockholm\",\n  \"units\": [ } ]\n}";

        var problem = Assert.Single(OrganisationJson.ProblemsOf(json));

        Assert.StartsWith("(line 3, position 14): ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Path:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_of_the_wrong_kind_is_reported_by_its_path()
    {
        var json = OrganisationJson.FullWith(root => root["units"]![0]!["minimumStaffed"] = "two");

        var problem = Assert.Single(OrganisationJson.ProblemsOf(json));

        Assert.StartsWith("units[0].minimumStaffed: not the expected kind of value (line 1, position ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_document_is_reported()
    {
        Assert.Equal(["(root): must be an object, not null"], OrganisationJson.ProblemsOf("null"));
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-organisation-{Guid.NewGuid():N}.json");

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationFile.Load(path));

        Assert.Equal(["file not found"], error.Problems);
        Assert.Equal(path, error.FileName);
    }

    [Fact]
    public void Every_problem_is_reported_together_not_just_the_first()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root =>
        {
            root["timeZone"] = "Europe/Stokholm";
            root["extraNonWorkingDays"] = new JsonArray("2026-13-01");
            root["units"]![1]!["municipality"] = "y";
            root["people"]![0]!["upn"] = "kim";
            root["people"]![2]!["unit"] = "kansli-x";
        });

        Assert.Equal(
            [
                "timeZone: unknown time zone 'Europe/Stokholm'",
                "extraNonWorkingDays[0]: '2026-13-01' is not a date (yyyy-MM-dd)",
                "units[1].municipality: unknown municipality 'y'",
                "people[0].upn: 'kim' is not a UPN (name@domain)",
                "people[2].unit: unknown unit 'kansli-x'",
            ],
            problems);
    }

    [Fact]
    public void Message_names_the_file_and_lists_one_problem_per_line()
    {
        var json = OrganisationJson.FullWith(root =>
        {
            root["timeZone"] = "Europe/Stokholm";
            root["people"]![2]!["unit"] = "kansli-x";
        });

        var error = Assert.Throws<OrganisationFileException>(() => OrganisationFile.Parse(json, "org.json"));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "Organisation file 'org.json' is invalid:",
                "timeZone: unknown time zone 'Europe/Stokholm'",
                "people[2].unit: unknown unit 'kansli-x'"),
            error.Message);
    }
}
