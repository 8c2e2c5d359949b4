using System.Text;
using System.Text.Json;

namespace PresenceBot.Bench;

/// <summary>One generated person, as written to the organisation file.</summary>
internal sealed record GeneratedPerson(string Id, string Upn, string Name, string UnitId, string Extension, string CalendarCoupling);

/// <summary>
/// A deterministic, valid organisation file of any size (5 municipalities, units of about
/// <c>peoplePerUnit</c> people), shared by the benchmarks and the load run so both measure the same shape.
/// </summary>
internal static class OrganisationGenerator
{
    private static readonly (string Id, string Name, string Area)[] Municipalities =
    [
        ("dorotea", "Dorotea kommun", "0942"),
        ("lycksele", "Lycksele kommun", "0950"),
        ("storuman", "Storumans kommun", "0951"),
        ("vilhelmina", "Vilhelmina kommun", "0940"),
        ("asele", "Åsele kommun", "0941"),
    ];

    private static readonly string[] UnitNames =
        ["Kansli", "Socialtjänst", "Bygg och miljö", "Skola", "Förskola", "Äldreomsorg", "Ekonomi", "Kultur och fritid", "IT", "Teknik"];

    private static readonly string[] FirstNames =
        ["Kim", "Sara", "Erik", "Maria", "Jonas", "Lena", "Peter", "Elin", "Karin", "Olof", "Anna", "Johan", "Eva", "Lars", "Ingrid", "Nils"];

    private static readonly string[] LastNames =
        ["Krona", "Nordin", "Holm", "Berg", "Ek", "Strand", "Lund", "Sjöberg", "Forsberg", "Nyström", "Lindqvist", "Öberg", "Åström", "Wikström"];

    public static (string Json, IReadOnlyList<GeneratedPerson> People) Generate(int peopleCount, int peoplePerUnit = 30, int seed = 20261123, bool writeBack = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(peopleCount, 1);
        var random = new Random(seed);
        var unitCount = Math.Max(1, (peopleCount + peoplePerUnit - 1) / peoplePerUnit);
        var units = new List<(string Id, string Name, string Municipality)>(unitCount);
        for (var u = 0; u < unitCount; u++)
        {
            var municipality = Municipalities[u % Municipalities.Length];
            var name = UnitNames[u / Municipalities.Length % UnitNames.Length];
            units.Add(($"unit-{u:D4}-{municipality.Id}", $"{name} {u / Municipalities.Length / UnitNames.Length + 1}", municipality.Id));
        }

        var people = new List<GeneratedPerson>(peopleCount);
        var guid = new byte[16];
        for (var i = 0; i < peopleCount; i++)
        {
            var unit = units[i % unitCount];
            var municipality = Municipalities.First(m => m.Id == unit.Municipality);
            random.NextBytes(guid);
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var coupling = (i % 20) switch { 0 => "off", 1 or 2 or 3 => "open", _ => "closed" };
            people.Add(new GeneratedPerson(
                new Guid(guid).ToString(),
                $"{Ascii(first)}.{Ascii(last)}.{i}@{municipality.Id}.se",
                $"{first} {last}",
                unit.Id,
                $"{municipality.Area}-{100000 + i}",
                coupling));
        }

        return (Write(units, people, writeBack), people);
    }

    private static string Write(List<(string Id, string Name, string Municipality)> units, List<GeneratedPerson> people, bool writeBack)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("timeZone", "Europe/Stockholm");
            json.WriteStartObject("workingHours");
            WriteDays(json, ["mon", "tue", "wed", "thu", "fri"]);
            json.WriteString("start", "08:00");
            json.WriteString("end", "17:00");
            json.WriteEndObject();
            json.WriteStartArray("defaultPhoneHours");
            json.WriteStartObject();
            WriteDays(json, ["mon", "tue", "wed", "thu", "fri"]);
            json.WriteString("from", "08:00");
            json.WriteString("to", "16:00");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("calendarCoupling");
            json.WriteString("default", "closed");
            json.WriteNumber("mergeGapMinutes", 15);
            json.WriteEndObject();

            json.WriteStartArray("municipalities");
            foreach (var m in Municipalities)
            {
                json.WriteStartObject();
                json.WriteString("id", m.Id);
                json.WriteString("name", m.Name);
                if (writeBack)
                {
                    json.WriteString("writeBack", "calendar");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            // The first person of each unit manages it (people are dealt round-robin over the units).
            json.WriteStartArray("units");
            for (var u = 0; u < units.Count; u++)
            {
                json.WriteStartObject();
                json.WriteString("id", units[u].Id);
                json.WriteString("name", units[u].Name);
                json.WriteString("municipality", units[u].Municipality);
                json.WriteStartArray("managers");
                if (u < people.Count)
                {
                    json.WriteStringValue(people[u].Id);
                }

                json.WriteEndArray();
                json.WriteNumber("minimumStaffed", 1 + (u % 3));
                json.WriteBoolean("inTalsvar", u % 4 == 0);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("people");
            foreach (var p in people)
            {
                json.WriteStartObject();
                json.WriteString("id", p.Id);
                json.WriteString("upn", p.Upn);
                json.WriteString("name", p.Name);
                json.WriteString("unit", p.UnitId);
                json.WriteString("extension", p.Extension);
                json.WriteString("calendarCoupling", p.CalendarCoupling);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteDays(Utf8JsonWriter json, string[] days)
    {
        json.WriteStartArray("days");
        foreach (var day in days)
        {
            json.WriteStringValue(day);
        }

        json.WriteEndArray();
    }

    private static string Ascii(string name) =>
        name.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');
}
