namespace PresenceBot.CalendarSync.Mapping;

/// <summary>
/// The log codes of <see cref="BookingDecision.Ignore"/>. Constants so callers and tests compare against the same
/// spelling, and so a caller can tell "this event should have no referral" (remove any) from "not now" (ended).
/// </summary>
public static class IgnoreReasons
{
    public const string Free = "free";
    public const string Tentative = "tentative";
    public const string UnknownShowAs = "unknown-show-as";
    public const string Declined = "declined";
    public const string Cancelled = "cancelled";
    public const string CouplingOff = "coupling-off";
    public const string Ended = "ended";
    public const string MissingId = "missing-id";
    public const string BadTimeZone = "bad-time-zone";
    public const string BadDateTime = "bad-date-time";
    public const string InvalidInterval = "invalid-interval";

    /// <summary>
    /// Whether an event ignored for this reason should lose a referral it had. Not for an event that has merely
    /// ended (its referral is history) or one we could not read (a referral made from a readable version stays).
    /// </summary>
    public static bool RemovesReferral(string reason) => reason is not (Ended or MissingId or BadTimeZone or BadDateTime);
}
