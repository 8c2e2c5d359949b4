using System.Globalization;
using System.Text.Json;
using NodaTime;
using PresenceBot.Referrals.Reminders;
using PresenceBot.WorkQueue;

namespace PresenceBot.Forwarding;

/// <summary>
/// One forwarding notice waiting in the work queue: what (<see cref="Kind"/>), to whom, and about which forwarding (the
/// person's, named by when it was set). Its key is the notice's once-only key in <c>sent_reminders</c>, so asking for the
/// same notice again while it waits adds nothing.
/// </summary>
internal sealed record ForwardingNoticeItem(ReminderKind Kind, string RecipientId, string PersonId, string ColleagueId, long SetAt)
{
    public static ForwardingNoticeItem From(ReminderKind kind, string recipientId, string personId, Referrals.Forwarding.CallForwarding forwarding) =>
        new(kind, recipientId, personId, forwarding.TargetId, forwarding.SetAt.ToUnixTimeMilliseconds());

    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Kind}|{RecipientId}|{PersonId}|{SetAt}");

    public static ForwardingNoticeItem Parse(string payload) => JsonSerializer.Deserialize<ForwardingNoticeItem>(payload)!;

    /// <summary>
    /// Due at <paramref name="dueAt"/>. A notice put off again (a retry that came due after working hours) waits under a
    /// key of its own, as a key being run cannot be given a later time; the <c>sent_reminders</c> claim still sends it once.
    /// </summary>
    public WorkRequest Request(Instant dueAt, bool putOff = false) => new(
        ForwardingNoticeWork.Notices,
        putOff ? string.Create(CultureInfo.InvariantCulture, $"{Key}@{dueAt.ToUnixTimeSeconds()}") : Key,
        JsonSerializer.Serialize(this),
        dueAt);
}
