using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Tests.Organisation;

/// <summary>Outlook write-back per municipality: <c>none</c> unless the file says <c>calendar</c>; anything else is an error naming the field.</summary>
public sealed class WriteBackSettingTests
{
    private static string File(string municipalities) => $$"""
        {
          "municipalities": [ {{municipalities}} ],
          "units": [ { "id": "kansli", "name": "Kansli", "municipality": "lycksele" } ],
          "people": [ { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli" } ]
        }
        """;

    [Fact]
    public void Parse_WithoutWriteBack_IsNone()
    {
        var organisation = OrganisationFile.Parse(File("""{ "id": "lycksele", "name": "Lycksele kommun" }"""), "test.json");

        Assert.Equal(WriteBack.None, organisation.FindPerson("p1")!.Municipality.WriteBack);
    }

    [Theory]
    [InlineData("calendar", WriteBack.Calendar)]
    [InlineData("Calendar", WriteBack.Calendar)]
    [InlineData("none", WriteBack.None)]
    public void Parse_WriteBack_IsTheMunicipalitys(string value, WriteBack expected)
    {
        var organisation = OrganisationFile.Parse(File($$"""{ "id": "lycksele", "name": "Lycksele kommun", "writeBack": "{{value}}" }"""), "test.json");

        Assert.Equal(expected, organisation.FindPerson("p1")!.Municipality.WriteBack);
    }

    [Fact]
    public void Parse_UnknownWriteBack_IsAnErrorNamingTheFieldAndTheChoices()
    {
        var error = Assert.Throws<OrganisationFileException>(() =>
            OrganisationFile.Parse(File("""{ "id": "lycksele", "name": "Lycksele kommun", "writeBack": "outlook" }"""), "test.json"));

        Assert.Contains("municipalities[0].writeBack: 'outlook' is not a write-back (none, calendar)", error.Problems);
    }
}
