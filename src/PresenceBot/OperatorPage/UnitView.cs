namespace PresenceBot.OperatorPage;

/// <summary>
/// A unit opened on the page: its members now (<see cref="ReachableNow"/> are the ids of those whose phone rings), and
/// today's phone hours with the stretches short of <see cref="MinimumStaffed"/> reachable people.
/// </summary>
public sealed record UnitView(
    UnitEntry Unit,
    int MinimumStaffed,
    IReadOnlyList<PersonEntry> Members,
    IReadOnlyList<string> ReachableNow,
    IReadOnlyList<StretchEntry> PhoneHoursToday,
    IReadOnlyList<GapEntry> GapsToday);
