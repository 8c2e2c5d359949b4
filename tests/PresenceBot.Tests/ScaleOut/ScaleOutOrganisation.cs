using System.Globalization;
using System.Text.Json.Nodes;

namespace PresenceBot.Tests.ScaleOut;

/// <summary>One person of the two-instance test, by role.</summary>
public sealed record ScaleOutPerson(string Id, string Upn, string Name, string Coupling)
{
    public string Conversation => $"a:personal-{Id}";
}

/// <summary>
/// The organisation of the two-instance test: working hours around the clock (so reminders may go out whenever the
/// test runs, except on Swedish holidays), one unit without managers, and people by what the test does with them.
/// </summary>
public static class ScaleOutOrganisation
{
    public static readonly IReadOnlyList<ScaleOutPerson> CalendarPeople = Enumerable.Range(0, 6).Select(i => Person("kal", i, "closed")).ToList();

    public static readonly IReadOnlyList<ScaleOutPerson> BotPeople = Enumerable.Range(0, 2).Select(i => Person("bot", i, "off")).ToList();

    public static readonly IReadOnlyList<ScaleOutPerson> VoicemailPeople = Enumerable.Range(0, 2).Select(i => Person("vm", i, "off")).ToList();

    public static readonly ScaleOutPerson SwitchboardPerson = Person("vx", 0, "off");

    public static readonly ScaleOutPerson CouplingPerson = Person("kop", 0, "closed");

    public static IEnumerable<ScaleOutPerson> Everyone => [.. CalendarPeople, .. BotPeople, .. VoicemailPeople, SwitchboardPerson, CouplingPerson];

    public static string Json() => new JsonObject
    {
        ["timeZone"] = "Europe/Stockholm",
        ["workingHours"] = new JsonObject { ["days"] = Days(), ["start"] = "00:00", ["end"] = "23:59" },
        ["calendarCoupling"] = new JsonObject { ["default"] = "closed", ["mergeGapMinutes"] = 15 },
        ["municipalities"] = new JsonArray(new JsonObject { ["id"] = "lycksele", ["name"] = "Lycksele kommun" }),
        ["units"] = new JsonArray(new JsonObject { ["id"] = "enheten", ["name"] = "Enheten", ["municipality"] = "lycksele" }),
        ["people"] = new JsonArray([.. Everyone.Select((p, i) => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["upn"] = p.Upn,
            ["name"] = p.Name,
            ["unit"] = "enheten",
            ["extension"] = $"0950-{17000 + i}",
            ["calendarCoupling"] = p.Coupling,
        })]),
    }.ToJsonString();

    /// <summary>A personal-chat message from <paramref name="person"/> as Teams delivers it.</summary>
    public static JsonObject Message(ScaleOutPerson person, string activityId, string text, string serviceUrl) => new()
    {
        ["type"] = "message",
        ["id"] = activityId,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:{person.Id}", ["name"] = person.Name, ["aadObjectId"] = person.Id },
        ["conversation"] = new JsonObject { ["id"] = person.Conversation, ["conversationType"] = "personal", ["tenantId"] = TenantId },
        ["recipient"] = new JsonObject { ["id"] = "28:presencebot", ["name"] = "PresenceBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "sv-SE",
    };

    private const string Roles = "kal bot vm  vx  kop ";

    private const string TenantId = "c0ffee00-1111-4222-8333-444455556666";

    private static JsonArray Days() => new("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private static ScaleOutPerson Person(string role, int index, string coupling)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"5ca1e000-0000-4000-8000-{Roles.IndexOf(role, StringComparison.Ordinal):x6}{index:x6}");
        return new ScaleOutPerson(id, $"{role}{index}@lycksele.se", $"Person {role.ToUpperInvariant()}{index}", coupling);
    }
}
