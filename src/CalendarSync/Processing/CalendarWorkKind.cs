namespace PresenceBot.CalendarSync.Processing;

public enum CalendarWorkKind
{
    /// <summary>Re-read a person's calendar (the delta since last time).</summary>
    Reread,

    /// <summary>Re-read a person's whole window (something may have been missed).</summary>
    FullReread,

    /// <summary>Renew a subscription (Graph's reauthorizationRequired).</summary>
    RenewSubscription,

    /// <summary>Replace a subscription Graph dropped (subscriptionRemoved).</summary>
    RecreateSubscription,
}
