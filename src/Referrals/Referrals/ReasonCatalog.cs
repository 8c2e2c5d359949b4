using System.Collections.Frozen;

namespace PresenceBot.Referrals.Referrals;

/// <summary>
/// The one place that knows each <see cref="Reason"/>'s API code, Swedish word and talsvar phrase,
/// so the API, the operator view and the spoken referral can never drift apart.
/// </summary>
public static class ReasonCatalog
{
    private static readonly FrozenDictionary<string, Reason> ByCode =
        Enum.GetValues<Reason>().ToFrozenDictionary(Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every API code in enum order; meant for "expected one of …" error messages.</summary>
    public static IReadOnlyList<string> Codes { get; } = Enum.GetValues<Reason>().Select(Code).ToArray().AsReadOnly();

    /// <summary>The code used in the HTTP API and stored data ("business-trip").</summary>
    public static string Code(Reason reason) => reason switch
    {
        Reason.Meeting => "meeting",
        Reason.Errand => "errand",
        Reason.BusinessTrip => "business-trip",
        Reason.Vacation => "vacation",
        Reason.Lunch => "lunch",
        Reason.Remote => "remote",
        Reason.Training => "training",
        Reason.Leave => "leave",
        Reason.Sick => "sick",
        Reason.Busy => "busy",
        Reason.Away => "away",
        Reason.GoneForDay => "gone-for-day",
        _ => throw Unknown(reason),
    };

    /// <summary>Parses an API code, ignoring case and surrounding white space; false for null or unknown codes.</summary>
    public static bool TryParse(string? code, out Reason reason)
    {
        if (code is not null && ByCode.TryGetValue(code.Trim(), out reason))
        {
            return true;
        }

        reason = default;
        return false;
    }

    /// <summary>
    /// The reason that callers, the operator and the switchboard API may see. Sickness is health data
    /// (a special category under GDPR art. 9), so it must never leave the person's own view: it is
    /// disclosed as plain absence, which is true without saying why.
    /// </summary>
    public static Reason Disclosed(Reason reason) => reason == Reason.Sick ? Reason.Away : reason;

    /// <summary>
    /// The Swedish word shown to others (reasonText). Goes through <see cref="Disclosed"/> so that no caller
    /// can show "sjuk" by forgetting to disclose first.
    /// </summary>
    public static string SwedishWord(Reason reason) => TrueWord(Disclosed(reason));

    /// <summary>The undisclosed word, "sjuk" for sickness: only for the person's own view of their referral.</summary>
    public static string OwnWord(Reason reason) => TrueWord(reason);

    /// <summary>
    /// The talsvar phrase ("är på sammanträde"). Goes through <see cref="Disclosed"/> so sickness can never be spoken.
    /// </summary>
    public static string Phrase(Reason reason) => Disclosed(reason) switch
    {
        Reason.Meeting => "är på sammanträde",
        Reason.Errand => "är på tjänsteärende",
        Reason.BusinessTrip => "är på tjänsteresa",
        Reason.Vacation => "har semester",
        Reason.Lunch => "är på lunch",
        Reason.Remote => "arbetar på distans",
        Reason.Training => "är på utbildning",
        Reason.Leave => "är ledig",
        Reason.Busy => "är upptagen",
        Reason.Away => "är frånvarande",
        Reason.GoneForDay => "har gått för dagen",
        _ => throw Unknown(reason),
    };

    /// <summary>Whether the phone rings by default: someone working remotely can still answer, nobody else can.</summary>
    public static PhoneState DefaultPhone(Reason reason) => reason == Reason.Remote ? PhoneState.Open : PhoneState.Closed;

    private static string TrueWord(Reason reason) => reason switch
    {
        Reason.Meeting => "sammanträde",
        Reason.Errand => "tjänsteärende",
        Reason.BusinessTrip => "tjänsteresa",
        Reason.Vacation => "semester",
        Reason.Lunch => "lunch",
        Reason.Remote => "distans",
        Reason.Training => "utbildning",
        Reason.Leave => "ledig",
        Reason.Sick => "sjuk",
        Reason.Busy => "upptagen",
        Reason.Away => "frånvarande",
        Reason.GoneForDay => "gått för dagen",
        _ => throw Unknown(reason),
    };

    private static ArgumentOutOfRangeException Unknown(Reason reason) =>
        new(nameof(reason), reason, "Not a known reason.");
}
