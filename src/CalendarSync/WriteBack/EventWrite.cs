namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>The outcome of a write to an existing event, and the event's new change key when it was written.</summary>
public sealed record EventWrite(EventWriteOutcome Outcome, string? ChangeKey = null);
