using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Tests.Organisation;

/// <summary>
/// Who gets voicemail read from their mailbox: their own <c>voicemailFromMailbox</c>, else their municipality's, else no
/// one (the switchboard's webhook stays the source).
/// </summary>
public sealed class VoicemailFromMailboxTests
{
    private const string TwoMunicipalities = """
        {
          "municipalities": [
            { "id": "lycksele", "name": "Lycksele kommun", "voicemailFromMailbox": true },
            { "id": "storuman", "name": "Storumans kommun" }
          ],
          "units": [
            { "id": "kansli", "name": "Kansli", "municipality": "lycksele", "entraGroupId": "grp-kansli" },
            { "id": "social", "name": "Socialtjänst", "municipality": "storuman" }
          ],
          "people": [
            { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli" },
            { "id": "p2", "upn": "sara.nordin@lycksele.se", "name": "Sara Nordin", "unit": "kansli", "voicemailFromMailbox": false },
            { "id": "p3", "upn": "erik.holm@storuman.se", "name": "Erik Holm", "unit": "social" },
            { "id": "p4", "upn": "maria.berg@storuman.se", "name": "Maria Berg", "unit": "social", "voicemailFromMailbox": true }
          ]
        }
        """;

    [Fact]
    public void Parse_NoSettingAnywhere_NobodyIsReadFromTheMailbox()
    {
        var organisation = OrganisationFile.Parse(OrganisationJson.Full, "test.json");

        Assert.All(organisation.People, p => Assert.False(p.VoicemailFromMailbox));
        Assert.All(organisation.Municipalities, m => Assert.False(m.VoicemailFromMailbox));
    }

    [Fact]
    public void Parse_PersonWithoutSetting_FollowsTheirMunicipality_OwnSettingWinsEitherWay()
    {
        var organisation = OrganisationFile.Parse(TwoMunicipalities, "test.json");

        Assert.True(organisation.FindPerson("p1")!.VoicemailFromMailbox);
        Assert.False(organisation.FindPerson("p2")!.VoicemailFromMailbox);
        Assert.False(organisation.FindPerson("p3")!.VoicemailFromMailbox);
        Assert.True(organisation.FindPerson("p4")!.VoicemailFromMailbox);
    }

    [Fact]
    public void WithGroupMembers_JoinerNotInFile_GetsTheMunicipalitysSetting()
    {
        var organisation = OrganisationFile.Parse(TwoMunicipalities, "test.json")
            .WithGroupMembers(new Dictionary<string, IReadOnlyList<GroupMember>>
            {
                ["kansli"] = [new GroupMember("p9", "nina.nyman@lycksele.se", "Nina Nyman")],
            });

        Assert.True(organisation.FindPerson("p9")!.VoicemailFromMailbox);
    }

    [Fact]
    public void Parse_SettingThatIsNotTrueOrFalse_IsReportedByItsPath()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["people"]![0]!["voicemailFromMailbox"] = "ja");

        var problem = Assert.Single(problems);
        Assert.StartsWith("people[0].voicemailFromMailbox: not the expected kind of value", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MisspeltSetting_IsReportedWithTheRightSpelling()
    {
        var problems = OrganisationJson.ProblemsOfFullWith(root => root["municipalities"]![1]!["voicemailFromMailBox"] = true);

        Assert.Equal(["municipalities[1].voicemailFromMailBox: unknown field (did you mean 'voicemailFromMailbox'?)"], problems);
    }

    [Fact]
    public void Sample_KimReadsVoicemailFromTheMailbox_SaraDoesNot()
    {
        var organisation = OrganisationFile.Load(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json"));

        Assert.Equal(["kim.krona@lycksele.se"], organisation.People.Where(p => p.VoicemailFromMailbox).Select(p => p.Upn));
    }
}
