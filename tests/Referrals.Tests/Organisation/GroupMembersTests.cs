using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Tests.Organisation;

public sealed class GroupMembersTests
{
    private const string WithGroup = """
        {
          "calendarCoupling": { "default": "open" },
          "municipalities": [ { "id": "lycksele", "name": "Lycksele kommun" } ],
          "units": [ { "id": "kansli", "name": "Kansli", "municipality": "lycksele", "entraGroupId": "grp-kansli" } ],
          "people": [ { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli", "extension": "0950-16626", "calendarCoupling": "closed" } ]
        }
        """;

    [Fact]
    public void Parse_UnitWithEntraGroup_KeepsTheGroupId()
    {
        var organisation = OrganisationFile.Parse(WithGroup, "org.json");

        Assert.Equal("grp-kansli", organisation.FindUnit("kansli")!.EntraGroupId);
    }

    [Fact]
    public void Parse_BlankEntraGroup_IsAProblem()
    {
        var error = Assert.Throws<OrganisationFileException>(() => OrganisationFile.Parse(WithGroup.Replace("\"grp-kansli\"", "\" \"", StringComparison.Ordinal), "org.json"));

        Assert.Contains("units[0].entraGroupId: must be a group's object id", error.Problems);
    }

    [Fact]
    public void WithGroupMembers_JoinerNotInFile_BelongsToTheUnitWithTheDefaultCoupling()
    {
        var organisation = OrganisationFile.Parse(WithGroup, "org.json")
            .WithGroupMembers(new Dictionary<string, IReadOnlyList<GroupMember>>
            {
                ["kansli"] = [new GroupMember("p9", "nina.nyman@lycksele.se", "Nina Nyman")],
            });

        var nina = organisation.FindPerson("NINA.NYMAN@lycksele.se");
        Assert.NotNull(nina);
        Assert.Equal("kansli", nina.Unit.Id);
        Assert.Equal(CalendarCoupling.Open, nina.CalendarCoupling);
        Assert.Null(nina.Extension);
        Assert.Equal(["p1", "p9"], organisation.MembersOf(nina.Unit).Select(p => p.Id));
    }

    [Fact]
    public void WithGroupMembers_PersonAlsoInFile_KeepsWhatTheFileSays()
    {
        var organisation = OrganisationFile.Parse(WithGroup, "org.json")
            .WithGroupMembers(new Dictionary<string, IReadOnlyList<GroupMember>>
            {
                ["kansli"] = [new GroupMember("other-id", "kim.krona@lycksele.se", "K. Krona")],
            });

        var kim = Assert.Single(organisation.People);
        Assert.Equal("Kim Krona", kim.Name);
        Assert.Equal(CalendarCoupling.Closed, kim.CalendarCoupling);
        Assert.Equal("0950-16626", kim.Extension);
    }
}
