namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// The single-value extended property that marks an Outlook event as PresenceBot's own, its value the referral's id
/// (a named property in PS_PUBLIC_STRINGS). Graph's calendarView delta can't expand extended properties, so it is read
/// per event or searched for with <c>$filter</c>.
/// </summary>
public static class WriteBackMarker
{
    public const string PropertyId = "String {00020329-0000-0000-C000-000000000046} Name PresenceBotReferralId";

    public static string ValueOf(Guid referralId) => referralId.ToString("D");

    /// <summary>
    /// Graph's <c>transactionId</c> of the event written for <paramref name="referralId"/>: one per written event (a
    /// referral has at most one), the same on every retry of its create.
    /// </summary>
    public static string TransactionIdOf(Guid referralId) => "presencebot-" + referralId.ToString("N");

    public static Guid? ReferralIdOf(string? value) => Guid.TryParseExact(value, "D", out var id) ? id : null;
}
