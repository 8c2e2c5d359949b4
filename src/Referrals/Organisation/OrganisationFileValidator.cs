using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace PresenceBot.Referrals.Organisation;

/// <summary>
/// Checks an <see cref="OrganisationFileDto"/> and builds the <see cref="Organisation"/> from it.
/// Every check records its problem and carries on with a stand-in value, so one run reports everything
/// that is wrong; the organisation is only handed out when nothing was.
/// </summary>
internal sealed class OrganisationFileValidator
{
    private const string DefaultTimeZoneId = "Europe/Stockholm";
    private const int DefaultMergeGapMinutes = 15;
    private const int MaxMergeGapMinutes = 240;
    private const int DefaultMinimumStaffed = 1;
    private const string DayNames = "mon, tue, wed, thu, fri, sat, sun";
    private const string CouplingNames = "closed, open, off";
    private const string WriteBackNames = "none, calendar";

    // "HH" rejects 24:00, which is what we want: a day's hours end at 23:59 at the latest.
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");

    private static readonly Dictionary<string, IsoDayOfWeek> DaysByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = IsoDayOfWeek.Monday,
        ["tue"] = IsoDayOfWeek.Tuesday,
        ["wed"] = IsoDayOfWeek.Wednesday,
        ["thu"] = IsoDayOfWeek.Thursday,
        ["fri"] = IsoDayOfWeek.Friday,
        ["sat"] = IsoDayOfWeek.Saturday,
        ["sun"] = IsoDayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, CalendarCoupling> CouplingsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["closed"] = CalendarCoupling.Closed,
        ["open"] = CalendarCoupling.Open,
        ["off"] = CalendarCoupling.Off,
    };

    private static readonly Dictionary<string, WriteBack> WriteBacksByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = WriteBack.None,
        ["calendar"] = WriteBack.Calendar,
    };

    private readonly List<string> _problems = [];
    private readonly JsonSerializerOptions _options;

    private OrganisationFileValidator(JsonSerializerOptions options) => _options = options;

    public static Organisation Validate(OrganisationFileDto file, string fileName, JsonSerializerOptions options)
    {
        var validator = new OrganisationFileValidator(options);
        var organisation = validator.Build(file);
        if (validator._problems.Count > 0)
        {
            throw new OrganisationFileException(fileName, validator._problems);
        }

        return organisation;
    }

    private Organisation Build(OrganisationFileDto file)
    {
        ReportUnknownFields(file.UnknownFields, typeof(OrganisationFileDto), string.Empty);

        var timeZone = ParseTimeZone(file.TimeZone);
        var workingHours = file.WorkingHours is null ? DefaultWorkingHours() : ParseWorkingHours(file.WorkingHours);
        var extraNonWorkingDays = ParseExtraNonWorkingDays(file.ExtraNonWorkingDays);
        var defaultPhoneHours = file.DefaultPhoneHours is null
            ? DefaultPhoneHours()
            : ParsePhoneHours(file.DefaultPhoneHours, "defaultPhoneHours");
        var calendarCoupling = ParseCalendarCoupling(file.CalendarCoupling);

        var municipalityDtos = RequiredList(file.Municipalities, "municipalities");
        var unitDtos = RequiredList(file.Units, "units");
        var personDtos = RequiredList(file.People, "people");

        // Indexed up front because units name their managers before the people section is read.
        var municipalityIndex = FirstIndexById(municipalityDtos, m => m.Id);
        var unitIndex = FirstIndexById(unitDtos, u => u.Id);
        var personIndex = FirstIndexById(personDtos, p => p.Id);

        var municipalities = ParseMunicipalities(municipalityDtos, municipalityIndex);
        var units = ParseUnits(unitDtos, unitIndex, municipalities, municipalityIndex, personDtos, personIndex, defaultPhoneHours);
        var people = ParsePeople(personDtos, personIndex, units, unitIndex, calendarCoupling.Default);

        return new Organisation(
            timeZone,
            workingHours,
            extraNonWorkingDays,
            defaultPhoneHours,
            calendarCoupling,
            [.. municipalities.OfType<Municipality>()],
            [.. units.OfType<Unit>()],
            people);
    }

    private DateTimeZone ParseTimeZone(string? id)
    {
        if (id is null)
        {
            return DateTimeZoneProviders.Tzdb[DefaultTimeZoneId];
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
        if (zone is null)
        {
            Problem("timeZone", $"unknown time zone '{id}'");
            return DateTimeZoneProviders.Tzdb[DefaultTimeZoneId];
        }

        return zone;
    }

    private WorkingHours ParseWorkingHours(WorkingHoursDto dto)
    {
        const string path = "workingHours";
        ReportUnknownFields(dto.UnknownFields, typeof(WorkingHoursDto), path);
        var days = ParseDays(dto.Days, $"{path}.days");
        var start = ParseTime(dto.Start, $"{path}.start");
        var end = ParseTime(dto.End, $"{path}.end");
        if (days is null || start is null || end is null)
        {
            return DefaultWorkingHours();
        }

        if (end <= start)
        {
            Problem($"{path}.end", $"'{Format(end.Value)}' is not after start '{Format(start.Value)}'");
            return DefaultWorkingHours();
        }

        return new WorkingHours(days, start.Value, end.Value);
    }

    private HashSet<LocalDate> ParseExtraNonWorkingDays(List<string?>? values)
    {
        const string path = "extraNonWorkingDays";
        var dates = new HashSet<LocalDate>();
        if (values is null)
        {
            return dates;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null)
            {
                Problem($"{path}[{i}]", "must not be null");
                continue;
            }

            var result = DatePattern.Parse(value.Trim());
            if (result.Success)
            {
                dates.Add(result.Value);
            }
            else
            {
                Problem($"{path}[{i}]", $"'{value}' is not a date (yyyy-MM-dd)");
            }
        }

        return dates;
    }

    private CalendarCouplingSettings ParseCalendarCoupling(CalendarCouplingDto? dto)
    {
        const string path = "calendarCoupling";
        if (dto is null)
        {
            return new CalendarCouplingSettings(CalendarCoupling.Closed, Duration.FromMinutes(DefaultMergeGapMinutes));
        }

        ReportUnknownFields(dto.UnknownFields, typeof(CalendarCouplingDto), path);
        var coupling = dto.Default is null ? CalendarCoupling.Closed : ParseCoupling(dto.Default, $"{path}.default", CalendarCoupling.Closed);
        var mergeGap = dto.MergeGapMinutes ?? DefaultMergeGapMinutes;
        if (mergeGap is < 0 or > MaxMergeGapMinutes)
        {
            Problem($"{path}.mergeGapMinutes", $"must be between 0 and {MaxMergeGapMinutes}");
            mergeGap = DefaultMergeGapMinutes;
        }

        return new CalendarCouplingSettings(coupling, Duration.FromMinutes(mergeGap));
    }

    private Municipality?[] ParseMunicipalities(List<MunicipalityDto?> dtos, Dictionary<string, int> index)
    {
        var built = new Municipality?[dtos.Count];
        for (var i = 0; i < dtos.Count; i++)
        {
            var path = $"municipalities[{i}]";
            if (NotNull(dtos[i], path) is not { } dto)
            {
                continue;
            }

            ReportUnknownFields(dto.UnknownFields, typeof(MunicipalityDto), path);
            var id = RequiredString(dto.Id, $"{path}.id");
            var name = RequiredString(dto.Name, $"{path}.name");
            var unique = ReportDuplicate(index, id, i, "municipalities", "id");
            var writeBack = ParseWriteBack(dto.WriteBack, $"{path}.writeBack");
            if (id is not null && name is not null && unique)
            {
                built[i] = new Municipality(id, name) { VoicemailFromMailbox = dto.VoicemailFromMailbox ?? false, WriteBack = writeBack };
            }
        }

        return built;
    }

    private Unit?[] ParseUnits(
        List<UnitDto?> dtos,
        Dictionary<string, int> index,
        Municipality?[] municipalities,
        Dictionary<string, int> municipalityIndex,
        List<PersonDto?> people,
        Dictionary<string, int> personIndex,
        IReadOnlyList<PhoneHoursRule> defaultPhoneHours)
    {
        var built = new Unit?[dtos.Count];
        for (var i = 0; i < dtos.Count; i++)
        {
            var path = $"units[{i}]";
            if (NotNull(dtos[i], path) is not { } dto)
            {
                continue;
            }

            ReportUnknownFields(dto.UnknownFields, typeof(UnitDto), path);
            var id = RequiredString(dto.Id, $"{path}.id");
            var name = RequiredString(dto.Name, $"{path}.name");
            var unique = ReportDuplicate(index, id, i, "units", "id");

            var municipalityId = RequiredString(dto.Municipality, $"{path}.municipality");
            Municipality? municipality = null;
            if (municipalityId is not null)
            {
                if (municipalityIndex.TryGetValue(municipalityId, out var m))
                {
                    // Null when that municipality has problems of its own; those are already reported.
                    municipality = municipalities[m];
                }
                else
                {
                    Problem($"{path}.municipality", $"unknown municipality '{municipalityId}'");
                }
            }

            var managers = ParseManagers(dto.Managers, $"{path}.managers", people, personIndex);

            var minimumStaffed = dto.MinimumStaffed ?? DefaultMinimumStaffed;
            if (minimumStaffed < 0)
            {
                Problem($"{path}.minimumStaffed", "must be 0 or more");
            }

            if (dto.EntraGroupId is { } groupId && (string.IsNullOrWhiteSpace(groupId) || groupId.Length > 128))
            {
                Problem($"{path}.entraGroupId", "must be a group's object id");
            }

            // An empty list is kept as given: a unit with no telefontid at all, unlike a missing one.
            var phoneHours = dto.PhoneHours is null ? defaultPhoneHours : ParsePhoneHours(dto.PhoneHours, $"{path}.phoneHours");

            if (id is not null && name is not null && unique && municipality is not null)
            {
                built[i] = new Unit
                {
                    Id = id,
                    Name = name,
                    Municipality = municipality,
                    ManagerIds = managers,
                    MinimumStaffed = minimumStaffed,
                    PhoneHours = phoneHours,
                    SpokenInTalsvar = dto.InTalsvar ?? false,
                    EntraGroupId = string.IsNullOrWhiteSpace(dto.EntraGroupId) ? null : dto.EntraGroupId.Trim(),
                };
            }
        }

        return built;
    }

    private List<string> ParseManagers(
        List<string?>? values,
        string path,
        List<PersonDto?> people,
        Dictionary<string, int> personIndex)
    {
        var managers = new List<string>();
        if (values is null)
        {
            return managers;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var id = RequiredString(values[i], $"{path}[{i}]");
            if (id is null)
            {
                continue;
            }

            if (!personIndex.TryGetValue(id, out var p))
            {
                Problem($"{path}[{i}]", $"unknown person '{id}'");
                continue;
            }

            // Stored as the person's own spelling of the id, since ids are matched ignoring case.
            var canonical = people[p]!.Id!.Trim();
            if (!managers.Contains(canonical, StringComparer.OrdinalIgnoreCase))
            {
                managers.Add(canonical);
            }
        }

        return managers;
    }

    private List<Person> ParsePeople(
        List<PersonDto?> dtos,
        Dictionary<string, int> index,
        Unit?[] units,
        Dictionary<string, int> unitIndex,
        CalendarCoupling defaultCoupling)
    {
        var upnIndex = FirstIndex(dtos, p => IsUpn(p.Upn) ? p.Upn!.Trim() : null);
        var extensionIndex = FirstIndex(dtos, p => NormaliseExtension(p.Extension));
        var built = new List<Person>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var path = $"people[{i}]";
            if (NotNull(dtos[i], path) is not { } dto)
            {
                continue;
            }

            ReportUnknownFields(dto.UnknownFields, typeof(PersonDto), path);
            var id = RequiredString(dto.Id, $"{path}.id");
            var uniqueId = ReportDuplicate(index, id, i, "people", "id");

            var upn = RequiredString(dto.Upn, $"{path}.upn");
            if (upn is not null && !IsUpn(upn))
            {
                Problem($"{path}.upn", $"'{upn}' is not a UPN (name@domain)");
                upn = null;
            }

            var uniqueUpn = ReportDuplicate(upnIndex, upn, i, "people", "upn");
            var name = RequiredString(dto.Name, $"{path}.name");

            var unitId = RequiredString(dto.Unit, $"{path}.unit");
            Unit? unit = null;
            if (unitId is not null)
            {
                if (unitIndex.TryGetValue(unitId, out var u))
                {
                    unit = units[u];
                }
                else
                {
                    Problem($"{path}.unit", $"unknown unit '{unitId}'");
                }
            }

            string? extension = null;
            var uniqueExtension = true;
            if (dto.Extension is not null)
            {
                extension = dto.Extension.Trim();
                if (extension.Length == 0)
                {
                    Problem($"{path}.extension", "must not be blank (leave it out instead)");
                }
                else if (extensionIndex.TryGetValue(NormaliseExtension(extension)!, out var first) && first != i)
                {
                    Problem($"{path}.extension", $"duplicate extension '{extension}' (also people[{first}])");
                    uniqueExtension = false;
                }
            }

            var coupling = dto.CalendarCoupling is null
                ? defaultCoupling
                : ParseCoupling(dto.CalendarCoupling, $"{path}.calendarCoupling", defaultCoupling);

            if (id is not null && uniqueId && upn is not null && uniqueUpn && name is not null && unit is not null && uniqueExtension)
            {
                built.Add(new Person
                {
                    Id = id,
                    Upn = upn,
                    Name = name,
                    Unit = unit,
                    Extension = string.IsNullOrEmpty(extension) ? null : extension,
                    CalendarCoupling = coupling,
                    VoicemailFromMailbox = dto.VoicemailFromMailbox ?? unit.Municipality.VoicemailFromMailbox,
                });
            }
        }

        return built;
    }

    private List<PhoneHoursRule> ParsePhoneHours(List<PhoneHoursDto?> dtos, string path)
    {
        var rules = new List<PhoneHoursRule>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var rulePath = $"{path}[{i}]";
            if (NotNull(dtos[i], rulePath) is not { } dto)
            {
                continue;
            }

            ReportUnknownFields(dto.UnknownFields, typeof(PhoneHoursDto), rulePath);
            var days = ParseDays(dto.Days, $"{rulePath}.days");
            var from = ParseTime(dto.From, $"{rulePath}.from");
            var to = ParseTime(dto.To, $"{rulePath}.to");
            if (from is not null && to is not null && to <= from)
            {
                Problem($"{rulePath}.to", $"'{Format(to.Value)}' is not after from '{Format(from.Value)}'");
                continue;
            }

            if (days is not null && from is not null && to is not null)
            {
                rules.Add(new PhoneHoursRule(days, from.Value, to.Value));
            }
        }

        return rules;
    }

    private HashSet<IsoDayOfWeek>? ParseDays(List<string?>? values, string path)
    {
        if (values is null)
        {
            Problem(path, "required");
            return null;
        }

        if (values.Count == 0)
        {
            Problem(path, "must name at least one day");
            return null;
        }

        var days = new HashSet<IsoDayOfWeek>();
        var valid = true;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is not null && DaysByName.TryGetValue(value.Trim(), out var day))
            {
                days.Add(day);
            }
            else
            {
                Problem($"{path}[{i}]", value is null ? "must not be null" : $"'{value}' is not a day ({DayNames})");
                valid = false;
            }
        }

        return valid ? days : null;
    }

    private LocalTime? ParseTime(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(path, "required");
            return null;
        }

        var result = TimePattern.Parse(value.Trim());
        if (!result.Success)
        {
            Problem(path, $"'{value}' is not a time (HH:mm)");
            return null;
        }

        return result.Value;
    }

    private CalendarCoupling ParseCoupling(string value, string path, CalendarCoupling fallback)
    {
        if (CouplingsByName.TryGetValue(value.Trim(), out var coupling))
        {
            return coupling;
        }

        Problem(path, $"'{value}' is not a calendar coupling ({CouplingNames})");
        return fallback;
    }

    private WriteBack ParseWriteBack(string? value, string path)
    {
        if (value is null)
        {
            return WriteBack.None;
        }

        if (WriteBacksByName.TryGetValue(value.Trim(), out var writeBack))
        {
            return writeBack;
        }

        Problem(path, $"'{value}' is not a write-back ({WriteBackNames})");
        return WriteBack.None;
    }

    private List<T?> RequiredList<T>(List<T?>? list, string path)
        where T : class
    {
        if (list is null)
        {
            Problem(path, "required");
            return [];
        }

        return list;
    }

    private T? NotNull<T>(T? value, string path)
        where T : class
    {
        if (value is null)
        {
            Problem(path, "must not be null");
        }

        return value;
    }

    private string? RequiredString(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(path, "required");
            return null;
        }

        return value.Trim();
    }

    /// <summary>Reports a repeated key at <paramref name="position"/>; returns whether it is the first (or has no key).</summary>
    private bool ReportDuplicate(Dictionary<string, int> index, string? key, int position, string collection, string field)
    {
        if (key is null || !index.TryGetValue(key, out var first) || first == position)
        {
            return true;
        }

        Problem($"{collection}[{position}].{field}", $"duplicate {field} '{key}' (also {collection}[{first}])");
        return false;
    }

    private void ReportUnknownFields(Dictionary<string, JsonElement>? unknown, Type dtoType, string path)
    {
        if (unknown is null)
        {
            return;
        }

        var known = _options.GetTypeInfo(dtoType).Properties
            .Where(p => !p.IsExtensionData)
            .Select(p => p.Name)
            .ToList();
        foreach (var name in unknown.Keys)
        {
            // Casing slips ("phonehours") are the likeliest typo, and silently falling back to a
            // default would be worse than refusing to start.
            var meant = known.Find(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            Problem(fieldPath, meant is null ? "unknown field" : $"unknown field (did you mean '{meant}'?)");
        }
    }

    private void Problem(string path, string what) => _problems.Add($"{path}: {what}");

    private static Dictionary<string, int> FirstIndexById<T>(List<T?> items, Func<T, string?> id)
        where T : class
        => FirstIndex(items, item => string.IsNullOrWhiteSpace(id(item)) ? null : id(item)!.Trim());

    private static Dictionary<string, int> FirstIndex<T>(List<T?> items, Func<T, string?> key)
        where T : class
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { } item && key(item) is { } k)
            {
                index.TryAdd(k, i);
            }
        }

        return index;
    }

    private static bool IsUpn(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var upn = value.Trim();
        var at = upn.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != upn.LastIndexOf('@') || upn.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var domain = upn[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    /// <summary>"0950-16626" and "0950 16626" dial the same phone, so they count as the same extension.</summary>
    private static string? NormaliseExtension(string? extension)
    {
        if (string.IsNullOrWhiteSpace(extension))
        {
            return null;
        }

        return string.Concat(extension.Where(c => c is not (' ' or '-')));
    }

    private static string Format(LocalTime time) => TimePattern.Format(time);

    private static WorkingHours DefaultWorkingHours() =>
        new(MondayToFriday(), new LocalTime(8, 0), new LocalTime(17, 0));

    private static List<PhoneHoursRule> DefaultPhoneHours() =>
        [new PhoneHoursRule(MondayToFriday(), new LocalTime(8, 0), new LocalTime(16, 0))];

    private static HashSet<IsoDayOfWeek> MondayToFriday() =>
    [
        IsoDayOfWeek.Monday,
        IsoDayOfWeek.Tuesday,
        IsoDayOfWeek.Wednesday,
        IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday,
    ];
}
