namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>How a write to an existing event named by its change key went.</summary>
public enum EventWriteOutcome
{
    /// <summary>Written (or deleted).</summary>
    Done,

    /// <summary>The event no longer exists.</summary>
    Gone,

    /// <summary>The event changed since that change key (Graph's 412): nothing was written.</summary>
    Stale,
}
