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
    /// Graph's <c>transactionId</c> of one create of the event written for <paramref name="referralId"/>: the same on
    /// every retry of that create (the caller keeps <paramref name="nonce"/>), a new one when the event is written anew
    /// (after a clean-up deleted it), so Graph never answers a create with the event deleted before.
    /// </summary>
    public static string TransactionIdOf(Guid referralId, Guid nonce) => $"presencebot-{referralId:N}-{nonce:N}";

    public static Guid? ReferralIdOf(string? value) => Guid.TryParseExact(value, "D", out var id) ? id : null;
}
