using NodaTime;

namespace PresenceBot.Referrals.Organisation;

/// <summary>
/// The validated organisation: time zone, working time, phone hours, municipalities, units and people.
/// Built by <see cref="OrganisationFile"/>; look-ups by id, UPN and extension are case-insensitive.
/// </summary>
public sealed class Organisation
{
    private readonly Dictionary<string, Person> _peopleByKey;
    private readonly Dictionary<string, Person> _peopleByExtension;
    private readonly Dictionary<string, Unit> _unitsById;
    private readonly ILookup<string, Person> _membersByUnit;

    public Organisation(
        DateTimeZone timeZone,
        WorkingHours workingHours,
        IReadOnlySet<LocalDate> extraNonWorkingDays,
        IReadOnlyList<PhoneHoursRule> defaultPhoneHours,
        CalendarCouplingSettings calendarCoupling,
        IReadOnlyList<Municipality> municipalities,
        IReadOnlyList<Unit> units,
        IReadOnlyList<Person> people)
    {
        TimeZone = timeZone;
        WorkingHours = workingHours;
        ExtraNonWorkingDays = extraNonWorkingDays;
        DefaultPhoneHours = defaultPhoneHours;
        CalendarCoupling = calendarCoupling;
        Municipalities = municipalities;
        Units = units;
        People = people;
        _unitsById = units.ToDictionary(u => u.Id, StringComparer.OrdinalIgnoreCase);
        _membersByUnit = people.ToLookup(p => p.Unit.Id, StringComparer.OrdinalIgnoreCase);
        _peopleByKey = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        _peopleByExtension = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            _peopleByKey[person.Id] = person;
            _peopleByKey[person.Upn] = person;
            if (person.Extension is { } extension && NormalizeExtension(extension) is { Length: > 0 } digits)
            {
                _peopleByExtension.TryAdd(digits, person);
            }
        }
    }

    public DateTimeZone TimeZone { get; }

    public WorkingHours WorkingHours { get; }

    public IReadOnlySet<LocalDate> ExtraNonWorkingDays { get; }

    public IReadOnlyList<PhoneHoursRule> DefaultPhoneHours { get; }

    public CalendarCouplingSettings CalendarCoupling { get; }

    public IReadOnlyList<Municipality> Municipalities { get; }

    public IReadOnlyList<Unit> Units { get; }

    public IReadOnlyList<Person> People { get; }

    /// <summary>
    /// This organisation plus the members of units' Entra ID groups who are not in the file. The file wins:
    /// a person it names keeps their unit, extension and coupling; a group member it doesn't name gets the
    /// unit of the group, the default coupling and their municipality's voicemail source.
    /// </summary>
    public Organisation WithGroupMembers(IReadOnlyDictionary<string, IReadOnlyList<GroupMember>> membersByUnit)
    {
        var people = new List<Person>(People);
        var known = new HashSet<string>(People.SelectMany(p => new[] { p.Id, p.Upn }), StringComparer.OrdinalIgnoreCase);
        foreach (var (unitId, members) in membersByUnit)
        {
            if (FindUnit(unitId) is not { } unit)
            {
                continue;
            }

            foreach (var member in members.Where(m => !known.Contains(m.Id) && !known.Contains(m.Upn)))
            {
                known.Add(member.Id);
                known.Add(member.Upn);
                people.Add(new Person
                {
                    Id = member.Id,
                    Upn = member.Upn,
                    Name = member.Name,
                    Unit = unit,
                    CalendarCoupling = CalendarCoupling.Default,
                    VoicemailFromMailbox = unit.Municipality.VoicemailFromMailbox,
                });
            }
        }

        return new Organisation(TimeZone, WorkingHours, ExtraNonWorkingDays, DefaultPhoneHours, CalendarCoupling, Municipalities, Units, people);
    }

    /// <summary>
    /// This organisation with people's own calendar couplings (set with "/koppling") in place of what the file says.
    /// Ids not in the organisation are ignored: an override outlives a person leaving, harmlessly.
    /// </summary>
    public Organisation WithCouplingOverrides(IReadOnlyDictionary<string, CalendarCoupling> couplingByPersonId)
    {
        ArgumentNullException.ThrowIfNull(couplingByPersonId);
        if (couplingByPersonId.Count == 0)
        {
            return this;
        }

        var people = People
            .Select(p => couplingByPersonId.TryGetValue(p.Id, out var coupling) && coupling != p.CalendarCoupling ? p with { CalendarCoupling = coupling } : p)
            .ToList();
        return new Organisation(TimeZone, WorkingHours, ExtraNonWorkingDays, DefaultPhoneHours, CalendarCoupling, Municipalities, Units, people);
    }

    /// <summary>Finds a person by Entra object id or UPN, ignoring case.</summary>
    public Person? FindPerson(string idOrUpn) => _peopleByKey.GetValueOrDefault(idOrUpn.Trim());

    /// <summary>
    /// Finds a person by extension (anknytning). Spaces and hyphens are ignored, so "0950-16626", "0950 16626" and
    /// "095016626" are the same number however the switchboard writes it.
    /// </summary>
    public Person? FindPersonByExtension(string extension) =>
        NormalizeExtension(extension) is { Length: > 0 } digits ? _peopleByExtension.GetValueOrDefault(digits) : null;

    /// <summary>Finds a person by Entra object id, UPN or extension: what a switchboard event may name someone by.</summary>
    public Person? FindPersonByAnyKey(string idUpnOrExtension) =>
        FindPerson(idUpnOrExtension) ?? FindPersonByExtension(idUpnOrExtension);

    public Unit? FindUnit(string unitId) => _unitsById.GetValueOrDefault(unitId.Trim());

    /// <summary>The unit's members, looked up rather than scanned: a switchboard asks for units all day.</summary>
    public IEnumerable<Person> MembersOf(Unit unit) => _membersByUnit[unit.Id];

    private static string NormalizeExtension(string extension) =>
        string.Concat(extension.Where(c => c is not (' ' or '-') && !char.IsWhiteSpace(c)));
}
