using System.Collections.Frozen;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.CalendarSync.Mapping;

/// <summary>
/// The configurable parts of rule 2: whether a tentative booking closes the phone, and which Outlook category
/// names choose which reason. Names are matched ignoring case and surrounding white space.
/// </summary>
public sealed record MappingRules
{
    /// <summary>
    /// Swedish and English category names, named like the reasons. Comp leave and leave of absence are referred
    /// as semester (Lemland's policy, rule 2), so "Komp", "Kompledig" and "Tjänstledig" map to
    /// <see cref="Reason.Vacation"/>; plain "Ledig" is its own reason ("är ledig").
    /// </summary>
    public static IReadOnlyDictionary<string, Reason> DefaultCategoryReasons { get; } =
        new Dictionary<string, Reason>(StringComparer.OrdinalIgnoreCase)
        {
            ["Semester"] = Reason.Vacation,
            ["Vacation"] = Reason.Vacation,
            ["Tjänsteresa"] = Reason.BusinessTrip,
            ["Business trip"] = Reason.BusinessTrip,
            ["Lunch"] = Reason.Lunch,
            ["Utbildning"] = Reason.Training,
            ["Training"] = Reason.Training,
            ["Distans"] = Reason.Remote,
            ["Remote"] = Reason.Remote,
            ["Tjänsteärende"] = Reason.Errand,
            ["Errand"] = Reason.Errand,
            ["Ledig"] = Reason.Leave,
            ["Leave"] = Reason.Leave,
            ["Komp"] = Reason.Vacation,
            ["Kompledig"] = Reason.Vacation,
            ["Comp leave"] = Reason.Vacation,
            ["Tjänstledig"] = Reason.Vacation,
            ["Leave of absence"] = Reason.Vacation,
            ["Sjuk"] = Reason.Sick,
            ["Sick"] = Reason.Sick,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Trio-style codes at the start of a subject ("SAM: Budgetberedning", "LUN; Lunch"): three letters, then
    /// ':' for a closed phone or ';' for an open one. Matched ignoring case.
    /// </summary>
    public static IReadOnlyDictionary<string, Reason> DefaultSubjectCodes { get; } =
        WrittenSubjectCodes().Select(pair => KeyValuePair.Create(pair.Value, pair.Key))
            .Append(KeyValuePair.Create("MÖT", Reason.Meeting))
            .ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The one code per reason that PresenceBot writes itself (Outlook write-back); the mapping reads these and a few
    /// aliases (MÖT for a meeting). SJK is here for reading only: what PresenceBot writes goes through
    /// ReasonCatalog.Disclosed first, so sick leave is written as FRÅ.
    /// </summary>
    public static IReadOnlyDictionary<Reason, string> WrittenSubjectCodes() => new Dictionary<Reason, string>
    {
        [Reason.Meeting] = "SAM",
        [Reason.Errand] = "TJÄ",
        [Reason.BusinessTrip] = "TJR",
        [Reason.Vacation] = "SEM",
        [Reason.Lunch] = "LUN",
        [Reason.Remote] = "DIS",
        [Reason.Training] = "UTB",
        [Reason.Leave] = "LED",
        [Reason.Sick] = "SJK",
        [Reason.Busy] = "UPP",
        [Reason.Away] = "FRÅ",
        [Reason.GoneForDay] = "GFD",
    };

    // Must stay below DefaultCategoryReasons: static initialisers run in text order, and new() reads that table.
    public static MappingRules Default { get; } = new();

    /// <summary>Off by default: a tentative booking may not happen, and a closed phone is worse than a missed referral.</summary>
    public bool TentativeMakesReferral { get; init; }

    /// <summary>Category name to reason; replaces the defaults as a whole when set.</summary>
    public IReadOnlyDictionary<string, Reason> CategoryReasons { get; init; } = DefaultCategoryReasons;

    /// <summary>Subject code to reason; replaces the defaults as a whole when set.</summary>
    public IReadOnlyDictionary<string, Reason> SubjectCodes { get; init; } = DefaultSubjectCodes;
}
