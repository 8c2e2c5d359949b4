using Microsoft.Extensions.Logging;

namespace PresenceBot.CalendarSync;

/// <summary>Calendar sync's log messages (event ids 1100–1199). Never subjects, bodies, locations or tokens.</summary>
internal static partial class CalendarSyncLog
{
    [LoggerMessage(1100, LogLevel.Warning, "Discarded a Graph notification: {Why} (subscription {SubscriptionId}); {HeldBack} more for this reason since the last such warning.")]
    public static partial void NotificationDiscarded(ILogger logger, string why, string? subscriptionId, long heldBack);

    [LoggerMessage(1101, LogLevel.Error, "Could not record {Count} Graph notifications; answering 503 so Graph retries.")]
    public static partial void NotificationsNotRecorded(ILogger logger, int count, Exception exception);

    [LoggerMessage(1102, LogLevel.Information, "Subscribed to the calendar of {PersonId} (subscription {SubscriptionId}, expires {ExpiresAt}).")]
    public static partial void Subscribed(ILogger logger, string personId, string subscriptionId, string expiresAt);

    [LoggerMessage(1103, LogLevel.Information, "Removed the calendar subscription {SubscriptionId} of {PersonId} (coupling off or person gone).")]
    public static partial void Unsubscribed(ILogger logger, string personId, string subscriptionId);

    [LoggerMessage(1104, LogLevel.Warning, "Could not subscribe to the calendar of {PersonId}; the next reconcile tries again.")]
    public static partial void SubscribeFailed(ILogger logger, string personId, Exception exception);

    [LoggerMessage(1105, LogLevel.Information, "Renewed subscription {SubscriptionId} until {ExpiresAt}.")]
    public static partial void Renewed(ILogger logger, string subscriptionId, string expiresAt);

    [LoggerMessage(1106, LogLevel.Warning, "Graph no longer knows subscription {SubscriptionId} of {PersonId}; recreating it.")]
    public static partial void SubscriptionGone(ILogger logger, string subscriptionId, string personId);

    [LoggerMessage(1107, LogLevel.Debug, "Calendar of {PersonId} synced ({Kind}): {Bookings} bookings, {Removed} removed, referrals changed: {Changed}.")]
    public static partial void Synced(ILogger logger, string personId, string kind, int bookings, int removed, bool changed);

    [LoggerMessage(1108, LogLevel.Warning, "Calendar sync of {PersonId} failed; it is retried.")]
    public static partial void SyncFailed(ILogger logger, string personId, Exception exception);

    [LoggerMessage(1109, LogLevel.Information, "Lifecycle event {LifecycleEvent} for subscription {SubscriptionId}.")]
    public static partial void Lifecycle(ILogger logger, string lifecycleEvent, string subscriptionId);

    [LoggerMessage(1110, LogLevel.Warning, "Graph's delta token for {PersonId} has expired; reading the whole window again.")]
    public static partial void DeltaExpired(ILogger logger, string personId);

    [LoggerMessage(1121, LogLevel.Warning, "Could not queue calendar work ({Count} items); the recurring jobs ask again.")]
    public static partial void WorkNotQueued(ILogger logger, int count, Exception exception);

    [LoggerMessage(1112, LogLevel.Error, "Calendar sync could not finish its start-up round; the recurring jobs try again.")]
    public static partial void StartupFailed(ILogger logger, Exception exception);

    [LoggerMessage(1113, LogLevel.Warning, "Could not read Entra ID group {GroupId} (units {UnitIds}); its last known members stay and the next round tries again.")]
    public static partial void GroupReadFailed(ILogger logger, string groupId, string unitIds, Exception exception);

    [LoggerMessage(1114, LogLevel.Error, "Calendar subscriptions could not be reconciled with the changed organisation; the recurring job tries again.")]
    public static partial void ReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(1115, LogLevel.Warning, "Graph no longer accepts the delta link of Entra ID group {GroupId}; reading its members in full.")]
    public static partial void GroupDeltaExpired(ILogger logger, string groupId);

    [LoggerMessage(1116, LogLevel.Warning, "Graph does not know Entra ID group {GroupId} (units {UnitIds}), or it was deleted; its last known members stay.")]
    public static partial void GroupNotFound(ILogger logger, string groupId, string unitIds);

    [LoggerMessage(1117, LogLevel.Information, "No unit names Entra ID group {GroupId} any more; its stored members and delta link are dropped.")]
    public static partial void GroupForgotten(ILogger logger, string groupId);

    [LoggerMessage(1118, LogLevel.Information, "Entra ID group {GroupId} read ({Kind}): {Joined} joined, {Left} left, {Members} members.")]
    public static partial void GroupMembersChanged(ILogger logger, string groupId, string kind, int joined, int left, int members);

    [LoggerMessage(1119, LogLevel.Debug, "Entra ID group {GroupId} read ({Kind}): no change, {Members} members.")]
    public static partial void GroupMembersUnchanged(ILogger logger, string groupId, string kind, int members);

    [LoggerMessage(1120, LogLevel.Warning, "Could not load the stored group members; those in force stay until the next try.")]
    public static partial void GroupMembersNotRefreshed(ILogger logger, Exception exception);

    [LoggerMessage(1111, LogLevel.Warning, "Could not renew subscription {SubscriptionId}; the next round tries again.")]
    public static partial void RenewFailed(ILogger logger, string subscriptionId, Exception exception);

    // 1150–1159: voicemail read from mailboxes. Person ids, counts and statuses only: never callers, subjects or bodies.
    [LoggerMessage(1150, LogLevel.Information, "Mailbox voicemail round: {People} inboxes, {Added} new, {Heard} heard, {Failed} not read.")]
    public static partial void MailboxRound(ILogger logger, int people, int added, int heard, int failed);

    [LoggerMessage(1151, LogLevel.Warning, "Could not read the inbox of {PersonId} (Graph status {Status}, {Code}): {Why}. Their mailbox voicemail is left as it was; every round tries again.")]
    public static partial void MailboxReadFailed(ILogger logger, string personId, int? status, string? code, string why);

    [LoggerMessage(1152, LogLevel.Debug, "The inbox of {PersonId} still can't be read (Graph status {Status}).")]
    public static partial void MailboxStillFailing(ILogger logger, string personId, int? status);

    [LoggerMessage(1153, LogLevel.Information, "The inbox of {PersonId} can be read again.")]
    public static partial void MailboxReadRecovered(ILogger logger, string personId);

    [LoggerMessage(1154, LogLevel.Information, "{People} people no longer have voicemail read from their mailbox; their {Heard} unheard mailbox voicemail is set heard.")]
    public static partial void MailboxSwitchedOff(ILogger logger, int people, int heard);

    [LoggerMessage(1155, LogLevel.Warning, "Could not record the mailbox voicemail of {PersonId}; the next round tries again.")]
    public static partial void MailboxReconcileFailed(ILogger logger, string personId, Exception exception);

    // 1160–1169: Outlook write-back seen from the calendar. Person ids and counts only: never subjects.
    [LoggerMessage(1160, LogLevel.Information, "{Count} Outlook write-back event(s) of {PersonId} were changed or deleted in Outlook: their manual referrals end, and the events count as bookings from now on.")]
    public static partial void WrittenEventsHandedOver(ILogger logger, string personId, int count);
}
