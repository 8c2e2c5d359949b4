namespace PresenceBot.CalendarSync.Coordination;

/// <summary>The names of the work only one instance does at a time.</summary>
public static class ClusterLockNames
{
    /// <summary>Subscriptions reconciled with the organisation: two rounds at once would both subscribe a person.</summary>
    public const string SubscriptionReconcile = "calendar-subscription-reconcile";

    /// <summary>A round of Entra ID group reads: two at once would read every group twice and race on its delta link.</summary>
    public const string GroupMembershipRound = "entra-group-members";

    /// <summary>The database brought up to date at start: two instances migrating at once both create the same tables.</summary>
    public const string DatabaseMigration = "database-migration";
}
