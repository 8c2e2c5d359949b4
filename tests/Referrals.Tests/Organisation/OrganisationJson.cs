using System.Text.Json.Nodes;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Tests.Organisation;

/// <summary>Small valid organisation files to break one thing at a time, so each test shows only its own problem.</summary>
internal static class OrganisationJson
{
    /// <summary>Only the three required sections; everything else comes from defaults.</summary>
    public const string Minimal = """
        {
          "municipalities": [ { "id": "lycksele", "name": "Lycksele kommun" } ],
          "units": [ { "id": "kansli", "name": "Kansli", "municipality": "lycksele" } ],
          "people": [ { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli" } ]
        }
        """;

    /// <summary>Every section present and valid.</summary>
    public const string Full = """
        {
          "timeZone": "Europe/Stockholm",
          "workingHours": { "days": ["mon","tue","wed","thu","fri"], "start": "08:00", "end": "17:00" },
          "extraNonWorkingDays": ["2026-05-15"],
          "defaultPhoneHours": [ { "days": ["mon","tue","wed","thu","fri"], "from": "08:00", "to": "16:00" } ],
          "calendarCoupling": { "default": "closed", "mergeGapMinutes": 15 },
          "municipalities": [
            { "id": "lycksele", "name": "Lycksele kommun" },
            { "id": "storuman", "name": "Storumans kommun" }
          ],
          "units": [
            { "id": "kansli", "name": "Kansli", "municipality": "lycksele", "managers": ["p1"],
              "phoneHours": [
                { "days": ["mon","tue"], "from": "09:00", "to": "12:00" },
                { "days": ["wed"], "from": "09:00", "to": "11:00" }
              ] },
            { "id": "social", "name": "Socialtjänst", "municipality": "storuman", "managers": ["p2"] }
          ],
          "people": [
            { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli", "extension": "0950-16626" },
            { "id": "p2", "upn": "erik.holm@storuman.se", "name": "Erik Holm", "unit": "social", "extension": "0951-14010" },
            { "id": "p3", "upn": "maria.berg@storuman.se", "name": "Maria Berg", "unit": "social" }
          ]
        }
        """;

    /// <summary>The full file after <paramref name="change"/>.</summary>
    public static string FullWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Full)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static IReadOnlyList<string> ProblemsOf(string json) =>
        Assert.Throws<OrganisationFileException>(() => OrganisationFile.Parse(json, "test.json")).Problems;

    public static IReadOnlyList<string> ProblemsOfFullWith(Action<JsonObject> change) => ProblemsOf(FullWith(change));
}
