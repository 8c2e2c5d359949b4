namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>Where an event PresenceBot writes for a manual referral stands.</summary>
public enum WrittenEventState
{
    /// <summary>Ours, kept in step with the referral (a create may still be under way: no event id yet).</summary>
    Active,

    /// <summary>Being deleted by us, or deleted: its removal is our own echo.</summary>
    Deleted,

    /// <summary>The person edited or deleted it in Outlook: theirs now, read like any booking, never written again.</summary>
    Released,
}
