namespace PresenceBot.Jobs;

/// <summary>
/// Every table of the product database and how long what it holds is kept: the rule <see cref="RetentionJob"/>
/// applies, or <see cref="NotPersonal"/>. A test fails when a table is missing here, so a new table can't hold personal
/// data unnoticed. "Days" is <c>Retention:Days</c> (90), "grace" is <c>Retention:LeaverGraceDays</c> (30); a leaver is
/// a person id no longer in the organisation (the file or a unit's group).
/// </summary>
internal static class RetentionRules
{
    public const string NotPersonal = "not personal";

    public static readonly IReadOnlyDictionary<string, string> ByTable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["referrals"] = "returned or ended more than Days ago; a leaver's when last changed more than grace ago",
        ["person_states"] = "when the person has no referral left and their last return is more than Days (a leaver's: grace) ago; a forwarding (colleague and period) is cleared Days after it ended",
        ["audit_entries"] = "written more than Days ago (with their before/after snapshots); a leaver's more than grace ago",
        ["work_items"] = NotPersonal + " (person ids only while their work waits: an item leaves when done, or becomes a dead letter within a day)",
        ["work_dead_letters"] = "dead more than Days ago; a person-keyed one of a leaver's more than grace ago",
        ["graph_subscriptions"] = "expired more than Days ago; a leaver's expired more than grace ago",
        ["calendar_sync_states"] = "not synced for Days; a leaver's not synced for grace",
        ["conversation_references"] = "stale and unchanged for Days; a leaver's unchanged for grace",
        ["coupling_overrides"] = "a leaver's when unchanged for grace (kept while the person is here: it is their choice)",
        ["voicemails"] = "unchanged for Days (callers' names and numbers); a leaver's unchanged for grace",
        ["voicemail_snoozes"] = "when the snooze has run out",
        ["sent_reminders"] = "claimed more than Days ago; a leaver's (as recipient) more than grace ago",
        ["group_membership_states"] = "a group not read for Days (no unit names it any more), with its members",
        ["group_members"] = "kept in step with the group by every read; a group not read for Days loses its members",
        ["publish_deliveries"] = "a leaver's after grace (kept while the person is here: each receiver orders by its sequence)",
        ["publish_status_messages"] = "until the message is cleared (a long sick leave keeps it: the row is how ours is told from the person's own); a leaver's set more than grace ago",
        ["publish_written_events"] = "the Outlook event ended and the row unchanged for Days (with its referral); a leaver's unchanged for grace",
        ["coverage_alerted_gaps"] = NotPersonal + " (unit ids and intervals; pruned as gaps close)",
        ["trusted_service_urls"] = NotPersonal + " (Bot Framework service addresses)",
    };

    public static bool IsPersonal(string table) => !ByTable[table].StartsWith(NotPersonal, StringComparison.Ordinal);
}
